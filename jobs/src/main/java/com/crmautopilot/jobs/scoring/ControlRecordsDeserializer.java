package com.crmautopilot.jobs.scoring;

import com.crmautopilot.operators.scoring.ControlDecoder;
import com.crmautopilot.operators.scoring.ControlMessage;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads {@code ai.models} or {@code crm.control} records into {@link ControlMessage}s. It never throws: a record that
 * is not a well-formed announcement or command becomes a dead letter with its topic, partition and offset.
 */
public final class ControlRecordsDeserializer implements KafkaRecordDeserializationSchema<ControlMessage> {

    private static final long serialVersionUID = 1L;

    private final boolean announcements;
    private final ControlDecoder decoder = new ControlDecoder();

    private ControlRecordsDeserializer(boolean announcements) {
        this.announcements = announcements;
    }

    /** For {@code ai.models}. */
    public static ControlRecordsDeserializer modelAnnouncements() {
        return new ControlRecordsDeserializer(true);
    }

    /** For {@code crm.control}; commands for other jobs are skipped. */
    public static ControlRecordsDeserializer controlCommands() {
        return new ControlRecordsDeserializer(false);
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        decoder.open();
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ControlMessage> out) {
        ControlMessage message = announcements
                ? decoder.decodeAnnouncement(record.value(), record.topic(), record.partition(), record.offset())
                : decoder.decodeCommand(record.value(), record.topic(), record.partition(), record.offset());
        if (message != null) {
            out.collect(message);
        }
    }

    @Override
    public TypeInformation<ControlMessage> getProducedType() {
        return ControlMessage.TYPE;
    }
}
