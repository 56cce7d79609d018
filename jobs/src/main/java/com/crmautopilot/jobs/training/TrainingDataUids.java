package com.crmautopilot.jobs.training;

/**
 * Uids of the operators the training-data job adds after the shared ingestion pipeline (whose own uids are in
 * {@link com.crmautopilot.jobs.Uids}). A bounded batch job keeps no savepoints, but uids stay mandatory
 * ({@code pipeline.auto-generate-uids: false}) and name the operators in the web UI and metrics.
 */
public final class TrainingDataUids {

    public static final String EVENT_TIMES = "training-event-times";
    public static final String END_OF_DATA = "training-end-of-data";
    public static final String PROFILE_TIMES = "training-profile-times";
    public static final String SNAPSHOTS = "training-point-in-time-snapshots";
    public static final String SNAPSHOTS_SINK = "training-snapshots-sink";

    private TrainingDataUids() {
    }
}
