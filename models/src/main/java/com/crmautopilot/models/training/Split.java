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
 * <p>An embargo (time splits only) keeps rows whose label looks ahead into the part they are measured against out
 * of it: fit rows end an embargo before the validation rows begin, and training rows an embargo before the holdout.
 * The rows between fit and validation ({@code purged}) are only left out of the search: their labels are known
 * before the holdout, so the final refit learns from them.
 *
 * @param kind       "time", "row_order" or "stratified"
 * @param testFrom   the first test row's time (epoch ms) or row number, for a split in time; null otherwise
 * @param purged     rows between fit and validation that the embargo keeps out of the search (empty without one)
 */
public record Split(int[] fit, int[] validation, int[] test, String kind, Long testFrom, int[] purged) {

    public static final String TIME = "time";
    public static final String ROW_ORDER = "row_order";
    public static final String STRATIFIED = "stratified";

    public static Split of(Dataset data, double testFraction, double validationFraction, long seed) {
        return of(data, testFraction, validationFraction, seed, 0);
    }

    /**
     * @param embargoMillis for a split by time: rows are trained on only if {@code time + embargo} is at or before
     *                      the first time of the part they are measured against; rows within the embargo before the
     *                      holdout are left out altogether
     */
    public static Split of(Dataset data, double testFraction, double validationFraction, long seed,
                           long embargoMillis) {
        if (embargoMillis > 0 && data.times() != null) {
            return embargoed(data, testFraction, validationFraction, embargoMillis);
        }
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
            return new Split(fit, validation, test, times != null ? TIME : ROW_ORDER, testFrom, new int[0]);
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
        return new Split(toSortedArray(fit), toSortedArray(validation), toSortedArray(test), STRATIFIED, null,
                new int[0]);
    }

    private static Split embargoed(Dataset data, double testFraction, double validationFraction, long embargo) {
        long[] times = data.times();
        int n = data.size();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> times[i]).thenComparingInt(i -> i));
        int testSize = (int) Math.ceil(n * testFraction);
        int trainEnd = n - testSize;
        long testFrom = times[order[trainEnd]];
        int trainable = 0;
        while (trainable < trainEnd && times[order[trainable]] + embargo <= testFrom) {
            trainable++;
        }
        int validationSize = (int) Math.ceil(trainable * validationFraction);
        int validationStart = trainable - validationSize;
        long validationFrom = validationStart < trainable ? times[order[validationStart]] : testFrom;
        int fitEnd = 0;
        while (fitEnd < validationStart && times[order[fitEnd]] + embargo <= validationFrom) {
            fitEnd++;
        }
        return new Split(sorted(order, 0, fitEnd), sorted(order, validationStart, trainable), sorted(order, trainEnd, n),
                TIME, testFrom, sorted(order, fitEnd, validationStart));
    }

    /** The rows the model learned from in any way: fit, validation and the purged rows between them. */
    public int trainSize() {
        return fit.length + purged.length + validation.length;
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
