package com.crmautopilot.jobs.training;

import com.crmautopilot.jobs.IngestionSettings;
import com.crmautopilot.models.validation.ValidatorConfig;
import com.crmautopilot.operators.training.SnapshotConfig;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the training-data job needs: the ingestion pipeline's settings (the same as the live job's, so features
 * mean the same), the validator's limits for decoding the input, and how snapshots are taken and labelled.
 */
public record TrainingDataSettings(IngestionSettings ingestion, ValidatorConfig validator, SnapshotConfig snapshots)
        implements Serializable {

    public TrainingDataSettings {
        Objects.requireNonNull(ingestion, "ingestion");
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(snapshots, "snapshots");
    }

    public static TrainingDataSettings defaults() {
        return new TrainingDataSettings(IngestionSettings.defaults(), ValidatorConfig.defaults(),
                SnapshotConfig.defaults());
    }

    public TrainingDataSettings withSnapshots(SnapshotConfig value) {
        return new TrainingDataSettings(ingestion, validator, value);
    }
}
