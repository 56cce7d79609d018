package com.crmautopilot.operators.training;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What the point-in-time snapshots are and how they are labelled.
 *
 * @param horizon a snapshot at t is labelled 1 if the lead converts in {@code (t, t + horizon]}; snapshots whose
 *                horizon reaches past the end of the data are left out (30 days by default)
 * @param cadence every score-changing change, or at most one a day (the default)
 */
public record SnapshotConfig(Duration horizon, SnapshotCadence cadence) implements Serializable {

    public static final Duration DEFAULT_HORIZON = Duration.ofDays(30);

    public SnapshotConfig {
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(cadence, "cadence");
        if (horizon.isNegative() || horizon.isZero() || horizon.toMillis() == 0) {
            throw new IllegalArgumentException("horizon must be positive, got " + horizon);
        }
    }

    public static SnapshotConfig defaults() {
        return new SnapshotConfig(DEFAULT_HORIZON, SnapshotCadence.DAILY);
    }

    public SnapshotConfig withHorizon(Duration value) {
        return new SnapshotConfig(value, cadence);
    }

    public SnapshotConfig withCadence(SnapshotCadence value) {
        return new SnapshotConfig(horizon, value);
    }

    /** The label's name in a model card: {@code converts_within_30d} for the default horizon. */
    public String labelName() {
        return labelName(horizon);
    }

    public static String labelName(Duration horizon) {
        long days = horizon.toDays();
        String amount = horizon.equals(Duration.ofDays(days)) ? days + "d"
                : horizon.equals(Duration.ofHours(horizon.toHours())) ? horizon.toHours() + "h"
                : horizon.toMillis() + "ms";
        return LABEL_PREFIX + amount;
    }

    public static final String LABEL_PREFIX = "converts_within_";
}
