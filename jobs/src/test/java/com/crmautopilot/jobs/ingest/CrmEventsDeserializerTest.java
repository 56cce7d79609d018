package com.crmautopilot.jobs.ingest;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.validation.ValidatorConfig;
import com.crmautopilot.operators.ingest.Ingested;
import org.apache.flink.util.Collector;
import org.apache.flink.util.InstantiationUtil;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrmEventsDeserializerTest {

    @Test
    void emitsOneIngestedRecordPerKafkaRecordAndNamesTheSourcePositionOfDeadLetters() throws Exception {
        CrmEventsDeserializer deserializer = InstantiationUtil.clone(new CrmEventsDeserializer(ValidatorConfig.defaults()));
        deserializer.open(null);
        CrmEvent event = CrmEvent.builder("acme", "e-1", EventType.WEB_VISIT, Instant.parse("2026-01-05T09:00:00Z"))
                .lead("lead-1").build();
        List<Ingested> out = new ArrayList<>();
        Collector<Ingested> collector = new Collector<>() {
            @Override
            public void collect(Ingested record) {
                out.add(record);
            }

            @Override
            public void close() {
            }
        };

        deserializer.deserialize(new ConsumerRecord<>("crm.events", 2, 10L, null, Json.writeBytes(event)), collector);
        deserializer.deserialize(new ConsumerRecord<>("crm.events", 2, 11L, null,
                "\u0000\u0001garbage".getBytes(StandardCharsets.UTF_8)), collector);
        deserializer.deserialize(new ConsumerRecord<>("crm.events", 2, 12L, null, null), collector);

        assertThat(out).hasSize(3);
        assertThat(out.get(0).event()).isEqualTo(event);
        assertThat(out.subList(1, 3)).extracting(Ingested::deadLetter)
                .extracting(DeadLetter::reason, DeadLetter::sourcePartition, DeadLetter::sourceOffset)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DeadLetterReason.NOT_JSON, 2, 11L),
                        org.assertj.core.groups.Tuple.tuple(DeadLetterReason.NOT_JSON, 2, 12L));
        assertThat(deserializer.getProducedType()).isEqualTo(Ingested.TYPE);
    }
}
