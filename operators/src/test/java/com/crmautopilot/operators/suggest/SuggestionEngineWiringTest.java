package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.suggest.Channel;
import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static com.crmautopilot.operators.suggest.SuggestFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link SuggestionEngine#attach} on a MiniCluster (parallelism 2, heap state), from decoded bytes to every output. */
class SuggestionEngineWiringTest {

    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(PARALLELISM).setConfiguration(configuration()).build());

    @Test
    void decodesRoutesDeliversAndDeadLettersThroughTheWholeGraph() throws Exception {
        SuggestionInputDecoder decoder = SuggestionInputDecoder.withDefaults();
        SuggestionCandidate medium = stale("acct-1", days(-34), T0);
        SuggestionCandidate low = candidate(TriggerType.MISSING_DATA, "acct-2", "<b>Beta</b>", T0, hours(1), USER);
        List<DecodedFeedback> feedback = List.of(
                decoder.decodeFeedback(bytes("{\"feedback_id\":\"f1\",\"tenant_id\":\"t1\",\"user_id\":\"user-01\","
                        + "\"suggestion_id\":\"sg-earlier\",\"trigger_type\":\"hot_lead\","
                        + "\"action\":\"accepted\",\"occurred_at\":\"2026-03-02T12:00:00Z\"}"), "crm.feedback", 0, 0),
                decoder.decodeFeedback(bytes("{\"tenant_id\":\"t1\",\"action\":\"liked\"}"), "crm.feedback", 0, 1));
        List<DecodedPreferences> preferences = List.of(
                decoder.decodePreferences(bytes("{\"tenant_id\":\"t1\",\"digest_hour\":10,\"time_zone\":\"Europe/Paris\","
                        + "\"updated_at\":\"2026-03-01T00:00:00Z\"}"), "crm.preferences", 0, 0),
                decoder.decodePreferences(bytes("{\"tenant_id\":\"t1\",\"user_id\":\"user-01\","
                        + "\"email_address\":\"dana@example.com\",\"updated_at\":\"2026-03-01T00:00:00Z\"}"),
                        "crm.preferences", 0, 1),
                decoder.decodePreferences(bytes("{\"tenant_id\":\"t1\",\"time_zone\":\"Nowhere/City\","
                        + "\"updated_at\":\"2026-03-01T00:00:00Z\"}"), "crm.preferences", 0, 2));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration());
        DataStream<SuggestionCandidate> candidates = env
                .fromData(List.of(medium, low), TypeInformation.of(SuggestionCandidate.class)).uid("test-candidates")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<SuggestionCandidate>forMonotonousTimestamps()
                        .withTimestampAssigner((c, previous) -> c.firedAt().toEpochMilli()))
                .uid("test-candidate-time");
        SuggestionOutputs outputs = SuggestionEngine.attach(candidates,
                env.fromData(feedback, TypeInformation.of(DecodedFeedback.class)).uid("test-feedback"),
                env.fromData(preferences, TypeInformation.of(DecodedPreferences.class)).uid("test-preferences"),
                SuggestionEngineFunctionTest.settings());
        DataStream.Collector<Suggestion> suggestions = new DataStream.Collector<>();
        DataStream.Collector<Notification> notifications = new DataStream.Collector<>();
        DataStream.Collector<Notification> digests = new DataStream.Collector<>();
        DataStream.Collector<DeadLetter> deadLetters = new DataStream.Collector<>();
        outputs.suggestions().collectAsync(suggestions);
        outputs.notifications().collectAsync(notifications);
        outputs.notifications(Channel.DIGEST).collectAsync(digests);
        outputs.deadLetters().collectAsync(deadLetters);
        assertThat(engineUid(env)).isEqualTo(SuggestionUids.ENGINE);
        env.execute("suggestion-engine-wiring-test");

        assertThat(drain(suggestions)).extracting(Suggestion::suggestionId, Suggestion::channels).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(medium.suggestionId(), List.of("inapp")),
                org.assertj.core.groups.Tuple.tuple(low.suggestionId(), List.of("digest")));
        assertThat(drain(notifications)).extracting(Notification::channel).containsExactlyInAnyOrder("inapp", "digest");
        Notification digest = drain(digests).get(0);
        assertThat(digest.recipient()).isEqualTo("dana@example.com");
        assertThat(digest.createdAt()).isEqualTo(java.time.Instant.parse("2026-03-03T09:00:00Z")); // 10:00 Paris
        assertThat(digest.markupBody()).contains("&lt;b&gt;Beta&lt;/b&gt;");
        assertThat(drain(deadLetters)).extracting(DeadLetter::reason, DeadLetter::sourceTopic).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(DeadLetterReason.MISSING_FIELD, "crm.feedback"),
                org.assertj.core.groups.Tuple.tuple(DeadLetterReason.INVALID_PAYLOAD, "crm.preferences"));
    }

    private static String engineUid(StreamExecutionEnvironment env) {
        return env.getStreamGraph(false).getStreamNodes().stream().map(StreamNode::getTransformationUID)
                .filter(Objects::nonNull).filter(uid -> uid.equals(SuggestionUids.ENGINE)).findFirst().orElse(null);
    }

    private static Configuration configuration() {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        configuration.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        return configuration;
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> List<T> drain(DataStream.Collector<T> collector) throws Exception {
        List<T> values = new ArrayList<>();
        try (CloseableIterator<T> output = collector.getOutput()) {
            output.forEachRemaining(values::add);
        }
        return values;
    }
}
