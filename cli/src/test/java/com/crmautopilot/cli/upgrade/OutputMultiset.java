package com.crmautopilot.cli.upgrade;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Committed output records as a multiset of (output, key, value), the value normalized: two runs over the same
 * input must write the same records the same number of times, in whatever order and transactions.
 */
final class OutputMultiset {

    private final Map<String, Integer> counts;

    private OutputMultiset(Map<String, Integer> counts) {
        this.counts = counts;
    }

    static OutputMultiset of(List<CommittedOutputs.Output> outputs, UnaryOperator<String> normalizer) {
        Map<String, Integer> counts = new TreeMap<>();
        for (CommittedOutputs.Output o : outputs) {
            String value = normalizer.apply(new String(o.value(), StandardCharsets.UTF_8));
            counts.merge(o.output() + " | " + o.key() + " | " + value, 1, Integer::sum);
        }
        return new OutputMultiset(counts);
    }

    int size() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How many records of one output. */
    int size(String output) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(output + " | "))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** This multiset minus {@code other}: what this has more of. */
    OutputMultiset minus(OutputMultiset other) {
        Map<String, Integer> rest = new TreeMap<>();
        counts.forEach((record, n) -> {
            int left = n - other.counts.getOrDefault(record, 0);
            if (left > 0) {
                rest.put(record, left);
            }
        });
        return new OutputMultiset(rest);
    }

    /** e.g. {@code " of which ai.dead-letter: 3"}, per output. */
    private String byOutput() {
        Map<String, Integer> perOutput = new TreeMap<>();
        counts.forEach((record, n) -> perOutput.merge(record.substring(0, record.indexOf(" | ")), n, Integer::sum));
        return perOutput.isEmpty() ? "" : ", by output " + perOutput;
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** A few records of the multiset, shortened, for failure messages. */
    String sample(int max) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (lines.size() == max) {
                lines.add("... and " + (counts.size() - max) + " more");
                break;
            }
            String record = e.getKey().length() > 300 ? e.getKey().substring(0, 300) + "..." : e.getKey();
            lines.add(e.getValue() + " x " + record);
        }
        return String.join("\n", lines);
    }

    /**
     * Empty when the two are equal; otherwise what is missing from {@code actual} (lost) and what it has too much
     * of (duplicated, or never written by the uninterrupted run).
     */
    static String differences(OutputMultiset expected, OutputMultiset actual) {
        OutputMultiset lost = expected.minus(actual);
        OutputMultiset extra = actual.minus(expected);
        if (lost.isEmpty() && extra.isEmpty()) {
            return "";
        }
        return "expected " + expected.size() + " records, got " + actual.size() + "\n"
                + "missing (" + lost.size() + lost.byOutput() + "):\n" + lost.sample(5) + "\n"
                + "unexpected (" + extra.size() + extra.byOutput() + "):\n" + extra.sample(5);
    }
}
