package com.crmautopilot.operators.training;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** Counters of the training-data job, under the metric group {@value #GROUP}. */
public final class TrainingMetrics {

    public static final String GROUP = "training";
    /** Labelled snapshots emitted. */
    public static final String SNAPSHOTS_EMITTED = "snapshots_emitted";
    /** Snapshots left out because their horizon reaches past the end of the data. */
    public static final String BEYOND_END_OF_DATA = "snapshots_beyond_end_of_data";
    /** Profile changes at or after the lead converted or was disqualified. */
    public static final String AFTER_CLOSE = "profiles_after_close";
    /** Profile changes that left every feature as it was. */
    public static final String UNCHANGED_FEATURES = "profiles_with_unchanged_features";

    private TrainingMetrics() {
    }

    public static Counter counter(MetricGroup operatorGroup, String name) {
        return operatorGroup.addGroup(GROUP).counter(name);
    }
}
