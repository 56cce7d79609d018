package com.crmautopilot.models.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Rows for growing the trees ({@code fit}), for early stopping, calibration and tiers ({@code validation}), and
 * for the metrics ({@code test}, never seen before). With time, the test rows are the latest and the validation
 * rows the latest of the rest, as the model will be used: trained on the past, scoring the future. Without time,
 * both are seeded random draws stratified by label.
 *
 * @param kind       "time", "row_order" or "stratified"
 * @param testFrom   the first test row's time (epoch ms) or row number, for a split in time; null otherwise
 */
public record Split(int[] fit, int[] validation, int[] test, String kind, Long testFrom) {

    public static final String TIME = "time";
    public static final String ROW_ORDER = "row_order";
    public static final String STRATIFIED = "stratified";

    public static Split of(Dataset data, double testFraction, double validationFraction, long seed) {
        int n = data.size();
        if (data.times() != null || data.rowOrderIsTime()) {
            long[] times = data.times();
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            if (times != null) {
                Arrays.sort(order, Comparator.<Integer>comparingLong(i -> times[i]).thenComparingInt(i -> i));
            }
            int testSize = (int) Math.ceil(n * testFraction);
            int trainSize = n - testSize;
            int validationSize = (int) Math.ceil(trainSize * validationFraction);
            int fitSize = trainSize - validationSize;
            int[] fit = sorted(order, 0, fitSize);
            int[] validation = sorted(order, fitSize, trainSize);
            int[] test = sorted(order, trainSize, n);
            long testFrom = times != null ? times[order[trainSize]] : order[trainSize];
            return new Split(fit, validation, test, times != null ? TIME : ROW_ORDER, testFrom);
        }
        Random random = new Random(seed);
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (data.labels()[i] == 1 ? positives : negatives).add(i);
        }
        Collections.shuffle(positives, random);
        Collections.shuffle(negatives, random);
        List<Integer> fit = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> group : List.of(positives, negatives)) {
            int testSize = (int) Math.round(group.size() * testFraction);
            int validationSize = (int) Math.round((group.size() - testSize) * validationFraction);
            test.addAll(group.subList(0, testSize));
            validation.addAll(group.subList(testSize, testSize + validationSize));
            fit.addAll(group.subList(testSize + validationSize, group.size()));
        }
        return new Split(toSortedArray(fit), toSortedArray(validation), toSortedArray(test), STRATIFIED, null);
    }

    /** The rows the model learned from in any way: fit and validation. */
    public int trainSize() {
        return fit.length + validation.length;
    }

    private static int[] sorted(Integer[] order, int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = order[i];
        }
        Arrays.sort(out);
        return out;
    }

    private static int[] toSortedArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
