package com.crmautopilot.sinks.kafka;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.models.scoring.Tier;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRecordDeserializerTest {

    private final JsonRecordDeserializer<ScoreChange> deserializer = JsonRecordDeserializer.of(ScoreChange.class);

    @Test
    void readsWhatTheJsonSinksWrite() {
        ScoreChange change = new ScoreChange("chg-1", "t1", "lead-1", Tier.WARM, Tier.HOT, 60, 81, "v1", "v1",
                Instant.parse("2026-01-05T10:00:00Z"), "event", "engagement is up");

        List<ScoreChange> out = deserialize(Json.writeBytes(change));

        assertThat(out).containsExactly(change);
        assertThat(out.get(0).changedAt()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
    }

    @Test
    void skipsUnreadableRecordsInsteadOfFailingTheJob() {
        assertThat(deserialize("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(deserialize(new byte[0])).isEmpty();
        assertThat(deserialize(null)).isEmpty();
        assertThat(deserialize("{\"new_score\": \"many\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private List<ScoreChange> deserialize(byte[] value) {
        List<ScoreChange> out = new ArrayList<>();
        deserializer.deserialize(new ConsumerRecord<>("ai.score-changes", 0, 7L, null, value), new Collector<>() {
            @Override
            public void collect(ScoreChange record) {
                out.add(record);
            }

            @Override
            public void close() {
            }
        });
        return out;
    }
}
