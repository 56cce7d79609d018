package com.crmautopilot.cli.bench;

import com.crmautopilot.operators.metrics.IngestionMetrics;
import com.crmautopilot.sinks.kafka.JsonKafkaSink;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The bare pipeline the ingestion job is measured against: the same Kafka bytes, one JSON parse, {@code keyBy} on
 * tenant and lead, one RocksDB {@code ValueState} update, and a Kafka sink with the same delivery guarantee.
 * Whatever the ingestion job costs beyond this is the price of validation, dedupe, watermarks and the profile.
 */
public final class BaselinePipeline {

    public static final String OUTPUT_TOPIC = "bench.baseline-out";
    /** Counted by the parse for every record read, as the ingestion job counts {@code events_in}. */
    public static final String RECORDS_IN = "bench_baseline_records_in";
    /** Counted by the state update for every record it sends to the sink. */
    public static final String RECORDS_OUT = "bench_baseline_records_out";

    private BaselinePipeline() {
    }

    public static void define(StreamExecutionEnvironment env, Source<byte[], ?, ?> source, String bootstrapServers,
                              DeliveryGuarantee guarantee, String transactionalIdPrefix) {
        KafkaSinkBuilder<String> builder = KafkaSink.<String>builder();
        // The same producer batching as the job's sinks, so that the comparison is of the pipelines, not of tuning.
        JsonKafkaSink.batchingProperties().forEach((key, value) -> builder.setProperty((String) key, (String) value));
        KafkaSink<String> sink = builder
                .setBootstrapServers(bootstrapServers)
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty("transaction.timeout.ms", String.valueOf(10 * 60 * 1000))
                .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder()
                        .setTopic(OUTPUT_TOPIC)
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .build();

        env.fromSource(source, WatermarkStrategy.noWatermarks(), "baseline-source")
                .uid("baseline-source")
                .process(new ParseKey())
                .returns(new TupleTypeInfo<>(Types.STRING, Types.STRING))
                .uid("baseline-parse").name("parse JSON")
                .keyBy(t -> t.f0, Types.STRING)
                .process(new CountPerKey())
                .uid("baseline-count").name("RocksDB ValueState update")
                .sinkTo(sink)
                .uid("baseline-sink").name("baseline Kafka sink");
    }

    /** Parses once and keys by tenant and lead (or the first entity present); unparseable input is skipped. */
    static final class ParseKey extends ProcessFunction<byte[], Tuple2<String, String>> {
        private transient ObjectMapper mapper;
        private transient Counter recordsIn;

        @Override
        public void open(OpenContext openContext) {
            mapper = new ObjectMapper();
            recordsIn = IngestionMetrics.counter(getRuntimeContext().getMetricGroup(), RECORDS_IN);
        }

        @Override
        public void processElement(byte[] value, Context ctx, Collector<Tuple2<String, String>> out) {
            recordsIn.inc();
            try {
                JsonNode node = mapper.readTree(value);
                String tenant = node.path("tenant_id").asText("");
                String entity = firstPresent(node, "lead_id", "contact_id", "account_id", "opportunity_id",
                        "campaign_id", "event_id");
                out.collect(Tuple2.of(tenant + "|" + entity, node.path("event_id").asText("")));
            } catch (Exception e) {
                // the baseline measures the happy path only
            }
        }

        private static String firstPresent(JsonNode node, String... fields) {
            for (String field : fields) {
                JsonNode v = node.get(field);
                if (v != null && v.isTextual()) {
                    return v.asText();
                }
            }
            return "";
        }
    }

    static final class CountPerKey extends KeyedProcessFunction<String, Tuple2<String, String>, String> {
        private transient ValueState<Long> count;
        private transient Counter recordsOut;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            recordsOut = IngestionMetrics.counter(getRuntimeContext().getMetricGroup(), RECORDS_OUT);
        }

        @Override
        public void processElement(Tuple2<String, String> value, Context ctx, Collector<String> out) throws Exception {
            Long current = count.value();
            long next = current == null ? 1 : current + 1;
            count.update(next);
            recordsOut.inc();
            out.collect("{\"key\":\"" + value.f0 + "\",\"count\":" + next + ",\"event_id\":\"" + value.f1 + "\"}");
        }
    }
}
