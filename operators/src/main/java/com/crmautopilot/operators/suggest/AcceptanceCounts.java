package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.TriggerType;

/**
 * Weighted successes and failures per trigger type ({@link TriggerType} ordinal), for one user or pooled over a
 * tenant. A Flink POJO (public no-arg constructor, public fields, primitive arrays): trigger types are only ever
 * appended, so old state reads with shorter arrays, which {@link #grow()} extends.
 */
public class AcceptanceCounts {

    public double[] successes;
    public double[] failures;

    public AcceptanceCounts() {
        successes = new double[TriggerType.values().length];
        failures = new double[TriggerType.values().length];
    }

    public double successes(int type) {
        return type < successes.length ? successes[type] : 0;
    }

    public double failures(int type) {
        return type < failures.length ? failures[type] : 0;
    }

    public double observations(int type) {
        return successes(type) + failures(type);
    }

    /** Adds a (possibly negative, when an outcome is revised) contribution; never goes below zero. */
    public void add(int type, double success, double failure) {
        grow();
        successes[type] = Math.max(0, successes[type] + success);
        failures[type] = Math.max(0, failures[type] + failure);
    }

    private void grow() {
        int n = TriggerType.values().length;
        if (successes.length < n) {
            successes = java.util.Arrays.copyOf(successes, n);
        }
        if (failures.length < n) {
            failures = java.util.Arrays.copyOf(failures, n);
        }
    }
}
