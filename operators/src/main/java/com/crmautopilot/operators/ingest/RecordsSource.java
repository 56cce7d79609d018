package com.crmautopilot.operators.ingest;

import com.crmautopilot.models.validation.ValidatorConfig;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

import java.util.List;

/**
 * A bounded source over raw records held in memory, decoded by the same {@link IngestDecoder} as the Kafka
 * deserializer. Tests and small replays use it to run the ingestion pipeline without a broker.
 *
 * <p>Each parallel reader gets a contiguous range of the list, so records keep their list order within a reader: a
 * list sorted by event time gives no late events however the readers interleave.
 */
public final class RecordsSource {

    private RecordsSource() {
    }

    public static DataGeneratorSource<Ingested> of(List<RawRecord> records, ValidatorConfig validatorConfig) {
        List<RawRecord> copy = List.copyOf(records);
        return new DataGeneratorSource<>(new DecodeByIndex(copy, new IngestDecoder(validatorConfig)), copy.size(),
                Ingested.TYPE);
    }

    public static DataGeneratorSource<Ingested> of(List<RawRecord> records) {
        return of(records, ValidatorConfig.defaults());
    }

    private static final class DecodeByIndex implements GeneratorFunction<Long, Ingested> {
        private static final long serialVersionUID = 1L;

        private final List<RawRecord> records;
        private final IngestDecoder decoder;

        DecodeByIndex(List<RawRecord> records, IngestDecoder decoder) {
            this.records = records;
            this.decoder = decoder;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            decoder.open();
        }

        @Override
        public Ingested map(Long index) {
            return decoder.decode(records.get(Math.toIntExact(index)));
        }
    }
}
