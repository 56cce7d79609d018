package com.crmautopilot.jobs.ingest;

import com.crmautopilot.models.validation.ValidatorConfig;
import com.crmautopilot.operators.ingest.IngestDecoder;
import com.crmautopilot.operators.ingest.Ingested;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads {@code crm.events} records into {@link Ingested}: it validates in the source so that timestamps and
 * watermarks are per Kafka partition, and it never throws, so a poison record becomes a dead letter (with its topic,
 * partition and offset) instead of a failing job.
 */
public final class CrmEventsDeserializer implements KafkaRecordDeserializationSchema<Ingested> {

    private static final long serialVersionUID = 1L;

    private final IngestDecoder decoder;

    public CrmEventsDeserializer(ValidatorConfig validatorConfig) {
        this.decoder = new IngestDecoder(validatorConfig);
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        decoder.open();
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Ingested> out) {
        out.collect(decoder.decode(record.value(), record.topic(), record.partition(), record.offset()));
    }

    @Override
    public TypeInformation<Ingested> getProducedType() {
        return Ingested.TYPE;
    }
}
