package com.crmautopilot.sinks.kafka;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.logging.ThrottledWarnings;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;

/**
 * Reads JSON values written by another job of the system (such as {@code ai.lead-scores}) into their record type.
 * It never throws: one unreadable record would otherwise fail the job in a loop. Such a record is skipped, counted
 * ({@value #SKIPPED_METRIC}) and logged with its position; these topics are the system's own output, so a bad
 * record there is a bug upstream rather than input to dead-letter.
 */
public final class JsonRecordDeserializer<T> implements KafkaRecordDeserializationSchema<T> {

    private static final long serialVersionUID = 1L;
    public static final String SKIPPED_METRIC = "unreadableRecordsSkipped";
    private static final Logger LOG = LoggerFactory.getLogger(JsonRecordDeserializer.class);

    private final Class<T> type;
    private transient Counter skipped;
    private transient ThrottledWarnings skippedWarnings;

    private JsonRecordDeserializer(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    public static <T> JsonRecordDeserializer<T> of(Class<T> type) {
        return new JsonRecordDeserializer<>(type);
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        skipped = context.getMetricGroup().counter(SKIPPED_METRIC);
        skippedWarnings = new ThrottledWarnings(LOG, Duration.ofMinutes(1));
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) {
        T value = read(record.value());
        if (value != null) {
            out.collect(value);
            return;
        }
        if (skipped != null) {
            skipped.inc();
        }
        if (skippedWarnings != null) {
            skippedWarnings.warn("Skipping an unreadable {} at {}/{}/{}", type.getSimpleName(), record.topic(),
                    record.partition(), record.offset());
        }
    }

    /** The value, or null when it is empty or not a {@code T}. */
    T read(byte[] value) {
        if (value == null || value.length == 0) {
            return null;
        }
        try {
            return Json.read(value, type);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(type);
    }
}
