package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.FeatureType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The time split with an embargo: no training row's label window reaches into the part it is measured against. */
class SplitEmbargoTest {

    private static final long DAY = 86_400_000L;

    @Test
    void keepsAnEmbargoBetweenFitAndValidationAndBetweenTrainingAndTheHoldout() {
        Dataset data = daily(100);

        Split split = Split.of(data, 0.2, 0.2, 1, 10 * DAY);

        // Holdout: the latest 20 days (80..99). Trainable: days 0..70. Validation: the latest 15 of them (56..70).
        // Fit: days 0..46. Purged: 47..55, learned from in the refit only. Days 71..79 are left out.
        assertThat(days(data, split.test())).containsExactly(range(80, 100));
        assertThat(days(data, split.validation())).containsExactly(range(56, 71));
        assertThat(days(data, split.fit())).containsExactly(range(0, 47));
        assertThat(days(data, split.purged())).containsExactly(range(47, 56));
        assertThat(split.testFrom()).isEqualTo(80 * DAY);
        assertThat(split.trainSize()).isEqualTo(71);
        assertThat(split.kind()).isEqualTo(Split.TIME);
    }

    @Test
    void withoutAnEmbargoTheSplitIsTheContiguousOneAsBefore() {
        Dataset data = daily(100);

        Split plain = Split.of(data, 0.2, 0.2, 1);
        Split zero = Split.of(data, 0.2, 0.2, 1, 0);

        assertThat(days(data, plain.fit())).containsExactly(range(0, 64));
        assertThat(days(data, plain.validation())).containsExactly(range(64, 80));
        assertThat(plain.purged()).isEmpty();
        assertThat(zero.fit()).isEqualTo(plain.fit());
        assertThat(zero.validation()).isEqualTo(plain.validation());
        assertThat(zero.test()).isEqualTo(plain.test());
    }

    @Test
    void anEmbargoNeedsTimesAndIsIgnoredForRowOrder() {
        Dataset rows = Dataset.builder("rows").rowOrderIsTime(true).labels(labels(50))
                .column(new Column("x", FeatureType.NUMERIC, new double[50], null)).build();

        Split split = Split.of(rows, 0.2, 0.2, 1, 10 * DAY);

        assertThat(split.kind()).isEqualTo(Split.ROW_ORDER);
        assertThat(split.fit().length + split.validation().length + split.test().length).isEqualTo(50);
        assertThat(split.purged()).isEmpty();
    }

    /** One row a day, given in reverse order so the split has to sort by time. */
    private static Dataset daily(int n) {
        long[] times = new long[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = (n - 1 - i) * DAY;
            x[i] = i;
        }
        return Dataset.builder("daily").labels(labels(n)).times("t", times)
                .column(new Column("x", FeatureType.NUMERIC, x, null)).build();
    }

    private static int[] labels(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i += 3) {
            labels[i] = 1;
        }
        return labels;
    }

    private static long[] days(Dataset data, int[] rows) {
        return Arrays.stream(rows).mapToLong(r -> data.times()[r] / DAY).sorted().toArray();
    }

    private static long[] range(int from, int to) {
        return java.util.stream.LongStream.range(from, to).toArray();
    }
}
