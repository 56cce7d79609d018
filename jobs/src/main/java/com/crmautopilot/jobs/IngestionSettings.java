package com.crmautopilot.jobs;

import com.crmautopilot.models.Topics;
import com.crmautopilot.operators.dedupe.DedupeFunction;
import com.crmautopilot.operators.ingest.EventTimeWatermarks;
import com.crmautopilot.operators.profile.LeadProfileConfig;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What the ingestion pipeline needs, whatever its source and sinks: event-time bounds, dedupe memory and the
 * profile's window, bucket and retention.
 *
 * @param eventsTopic    named in the dead letters of duplicates and late events
 * @param outOfOrderness how far behind the newest event an event may arrive and still count (event time)
 * @param idleness       how long a source split may stay without valid events before it stops holding back time
 * @param dedupeTtl      how long an event id is remembered (processing time)
 */
public record IngestionSettings(String eventsTopic, Duration outOfOrderness, Duration idleness, Duration dedupeTtl,
                                LeadProfileConfig profile) implements Serializable {

    public IngestionSettings {
        if (eventsTopic == null || eventsTopic.isBlank()) {
            throw new IllegalArgumentException("eventsTopic must not be blank");
        }
        requirePositive(outOfOrderness, "outOfOrderness");
        requirePositive(idleness, "idleness");
        requirePositive(dedupeTtl, "dedupeTtl");
        Objects.requireNonNull(profile, "profile");
    }

    public static IngestionSettings defaults() {
        return new IngestionSettings(Topics.EVENTS, EventTimeWatermarks.DEFAULT_OUT_OF_ORDERNESS,
                EventTimeWatermarks.DEFAULT_IDLENESS, DedupeFunction.DEFAULT_TTL, LeadProfileConfig.defaults());
    }

    public IngestionSettings withOutOfOrderness(Duration value) {
        return new IngestionSettings(eventsTopic, value, idleness, dedupeTtl, profile);
    }

    public IngestionSettings withIdleness(Duration value) {
        return new IngestionSettings(eventsTopic, outOfOrderness, value, dedupeTtl, profile);
    }

    public IngestionSettings withDedupeTtl(Duration value) {
        return new IngestionSettings(eventsTopic, outOfOrderness, idleness, value, profile);
    }

    public IngestionSettings withProfile(LeadProfileConfig value) {
        return new IngestionSettings(eventsTopic, outOfOrderness, idleness, dedupeTtl, value);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
