package com.crmautopilot.models.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The explanation of one score: each feature's contribution to the margin, plus the bias (the expected margin),
 * adding up to the margin itself.
 */
public record Contributions(List<Contribution> features, double bias, double margin) {

    public Contributions {
        features = List.copyOf(features);
    }

    /** The largest positive contributions, strongest first. */
    public List<Contribution> positive(int limit) {
        return ranked(limit, true);
    }

    /** The largest negative contributions, strongest first. */
    public List<Contribution> negative(int limit) {
        return ranked(limit, false);
    }

    public double valueOf(String feature) {
        return features.stream().filter(c -> c.feature().equals(feature)).mapToDouble(Contribution::value)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no feature " + feature));
    }

    private List<Contribution> ranked(int limit, boolean positive) {
        List<Contribution> out = new ArrayList<>();
        for (Contribution c : features) {
            if (positive ? c.value() > 0 : c.value() < 0) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.value())));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }
}
