package com.crmautopilot.operators.training;

import java.util.Arrays;
import java.util.Locale;

/** How often a lead is snapshotted, among its score-changing profile changes. */
public enum SnapshotCadence {
    /** At every profile change that changes the lead's features. */
    EVERY_CHANGE("every-change"),
    /**
     * At the first score-changing change of each UTC day: fewer, less correlated rows, and a lead that is busy one
     * day does not outweigh ten quiet leads.
     */
    DAILY("daily");

    private final String wireName;

    SnapshotCadence(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SnapshotCadence fromWireName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(c -> c.wireName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a snapshot cadence; use "
                        + Arrays.stream(values()).map(SnapshotCadence::wireName).toList()));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
