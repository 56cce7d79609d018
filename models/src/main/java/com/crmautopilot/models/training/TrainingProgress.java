package com.crmautopilot.models.training;

/**
 * Told how far a long step has come, so a command line can draw a progress bar. Steps are named ("boosting",
 * "refitting", "baseline", ...); {@code total} is 0 when a step's length is unknown.
 */
@FunctionalInterface
public interface TrainingProgress {

    TrainingProgress NONE = (step, done, total) -> {
    };

    void update(String step, long done, long total);
}
