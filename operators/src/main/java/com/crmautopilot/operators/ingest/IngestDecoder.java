package com.crmautopilot.operators.ingest;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.validation.EventValidator;
import com.crmautopilot.models.validation.ValidationResult;
import com.crmautopilot.models.validation.ValidatorConfig;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Turns one record's bytes into an {@link Ingested}: the valid event, or a dead letter carrying the original bytes,
 * the reason and the source position. It never throws, so a poison record can never fail the job.
 *
 * <p>It travels inside Flink functions, so it keeps the validator's limits as plain values and builds the
 * {@link EventValidator} in {@link #open()} (the validator holds a clock and parsers that are not serializable). The
 * Kafka deserializer and the bounded {@link RecordsSource} both go through here, so tests exercise the exact
 * production path.
 */
public final class IngestDecoder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int maxPayloadBytes;
    private final long maxFutureSkewMillis;
    private final int[] schemaVersions;

    private transient EventValidator validator;

    public IngestDecoder(ValidatorConfig config) {
        this.maxPayloadBytes = config.maxPayloadBytes();
        this.maxFutureSkewMillis = config.maxFutureSkew().toMillis();
        this.schemaVersions = config.schemaVersions().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    public static IngestDecoder withDefaults() {
        return new IngestDecoder(ValidatorConfig.defaults());
    }

    public ValidatorConfig config() {
        return new ValidatorConfig(maxPayloadBytes, Duration.ofMillis(maxFutureSkewMillis),
                Arrays.stream(schemaVersions).boxed().collect(Collectors.toSet()));
    }

    /** Builds the validator; call once per parallel instance before decoding (decode also does it lazily). */
    public void open() {
        // Future-skew checks compare against the wall clock of the machine that reads the record.
        validator = new EventValidator(config(), Clock.systemUTC());
    }

    public Ingested decode(byte[] value, String topic, int partition, long offset) {
        if (validator == null) {
            open();
        }
        ValidationResult result;
        try {
            result = validator.validate(value);
        } catch (RuntimeException | StackOverflowError e) {
            // The validator promises not to throw; if it ever does, the record is still parked, not the job killed.
            result = ValidationResult.invalid(DeadLetterReason.NOT_JSON, "validator failed: " + e);
        }
        if (result instanceof ValidationResult.Valid valid) {
            return Ingested.of(valid.event());
        }
        ValidationResult.Invalid invalid = (ValidationResult.Invalid) result;
        return Ingested.of(DeadLetter.fromSource(invalid.reason(), invalid.detail(), topic, partition, offset,
                invalid.tenantId(), invalid.eventId(), value == null ? new byte[0] : value));
    }

    public Ingested decode(RawRecord record) {
        return decode(record.value(), record.topic(), record.partition(), record.offset());
    }
}
