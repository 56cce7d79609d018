package com.crmautopilot.simulator;

/** Told how far a run has come, for progress bars: called every few thousand records and once at the end. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (records, fraction) -> { };

    /**
     * @param recordsDone             records emitted so far (clean and noise)
     * @param fractionOfSimulatedTime how much of the simulated period the stream has covered, in [0, 1]
     */
    void onProgress(long recordsDone, double fractionOfSimulatedTime);
}
