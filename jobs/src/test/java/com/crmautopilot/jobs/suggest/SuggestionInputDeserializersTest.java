package com.crmautopilot.jobs.suggest;

import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.validation.ValidatorConfig;
import com.crmautopilot.operators.suggest.DecodedFeedback;
import com.crmautopilot.operators.suggest.DecodedPreferences;
import com.crmautopilot.operators.suggest.SuggestionInputDecoder;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionInputDeserializersTest {

    private static final int MAX = SuggestionInputDecoder.DEFAULT_MAX_RECORD_BYTES;
    private static final Duration SKEW = ValidatorConfig.DEFAULT_MAX_FUTURE_SKEW;

    @Test
    void controlRecordsBecomeTriggerOverridesAndOtherCommandsAreSkipped() throws Exception {
        var overrides = SuggestionInputDeserializers.triggerOverrides();

        List<TriggerOverride> out = read(overrides, "crm.control",
                "{\"type\":\"trigger_config\",\"tenant_id\":\"t1\",\"trigger_type\":\"inactive_lead\","
                        + "\"params\":{\"silence\":\"10d\"}}",
                "{\"type\":\"rescore\",\"tenant_id\":\"t1\",\"lead_id\":\"lead-1\"}",
                "garbage");

        assertThat(out).singleElement().satisfies(o -> {
            assertThat(o.tenantId()).isEqualTo("t1");
            assertThat(o.triggerType()).isEqualTo("inactive_lead");
            assertThat(o.params()).containsEntry("silence", "10d");
        });
    }

    @Test
    void unreadableFeedbackAndPreferencesBecomeDeadLettersWithTheirPosition() throws Exception {
        List<DecodedFeedback> feedback = read(SuggestionInputDeserializers.feedback(MAX, SKEW), "crm.feedback", "[1]");
        List<DecodedPreferences> preferences = read(SuggestionInputDeserializers.preferences(MAX, SKEW),
                "crm.preferences",
                "{\"tenant_id\":\"t1\",\"updated_at\":\"2026-01-01T00:00:00Z\"}", "{");

        assertThat(feedback).singleElement().satisfies(f -> {
            assertThat(f.isValid()).isFalse();
            assertThat(f.deadLetter().reason()).isEqualTo(DeadLetterReason.NOT_JSON);
            assertThat(f.deadLetter().sourceTopic()).isEqualTo("crm.feedback");
        });
        assertThat(preferences).hasSize(2);
        assertThat(preferences.get(0).isValid()).isTrue();
        assertThat(preferences.get(0).preferences().userId()).as("tenant defaults").isNull();
        assertThat(preferences.get(1).isValid()).isFalse();
    }

    private static <T> List<T> read(KafkaRecordDeserializationSchema<T> schema, String topic, String... values)
            throws Exception {
        List<T> out = new ArrayList<>();
        Collector<T> collector = new Collector<>() {
            @Override
            public void collect(T record) {
                out.add(record);
            }

            @Override
            public void close() {
            }
        };
        long offset = 0;
        for (String value : values) {
            schema.deserialize(new ConsumerRecord<>(topic, 0, offset++, null,
                    value.getBytes(StandardCharsets.UTF_8)), collector);
        }
        return out;
    }
}
