package com.crmautopilot.jobs.suggest;

import com.crmautopilot.cep.TriggerUids;
import com.crmautopilot.cep.deal.DealTriggerUids;
import com.crmautopilot.operators.suggest.SuggestionUids;
import com.crmautopilot.sinks.notify.DeliveryUids;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuggestionDeliveryJobTest {

    @Test
    void theKafkaJobBuildsWithAStableUidAndANameOnEveryOperator() {
        SuggestionDeliverySettings settings = SuggestionDeliverySettings.defaults();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                SuggestionDeliveryJob.jobConfiguration(settings));

        SuggestionDeliveryJob.defineKafkaPipeline(env, settings);
        // Generating the graph is where Flink refuses an operator without a uid, since generated uids are off.
        StreamGraph graph = env.getStreamGraph();

        List<String> uids = graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).toList();
        assertThat(uids).doesNotContainNull();
        assertThat(uids).doesNotHaveDuplicates();
        assertThat(Set.copyOf(uids)).contains(SuggestionDeliveryUids.EVENTS_SOURCE,
                SuggestionDeliveryUids.SPLIT_DEAD_LETTERS, SuggestionDeliveryUids.DEDUPE,
                SuggestionDeliveryUids.SCORES_SOURCE, SuggestionDeliveryUids.SCORE_CHANGES_SOURCE,
                SuggestionDeliveryUids.CONTROL_SOURCE, SuggestionDeliveryUids.FEEDBACK_SOURCE,
                SuggestionDeliveryUids.PREFERENCES_SOURCE, SuggestionDeliveryUids.SUGGESTIONS_SINK,
                SuggestionDeliveryUids.DEAD_LETTER_SINK, TriggerUids.HOT_LEAD, TriggerUids.MISSING_DATA,
                DealTriggerUids.TRIGGERS, SuggestionUids.ENGINE, DeliveryUids.LEDGER, DeliveryUids.INAPP_SINK,
                DeliveryUids.EMAIL, DeliveryUids.SLACK);
        assertThat(graph.getStreamNodes()).allSatisfy(node -> assertThat(node.getOperatorName()).isNotBlank());
        assertThat(graph.getStreamNodes().stream().map(StreamNode::getOperatorName).collect(Collectors.toSet()))
                .contains("Source: crm.events", "dedupe by tenant and event id", "ai.suggestions: Writer",
                        "ai.dead-letter: Writer", "count suggestions");
    }

    @Test
    void theJobConfigurationForbidsKryoAndGeneratedUidsAndCommitsEverySecond() {
        var configuration = SuggestionDeliveryJob.jobConfiguration(SuggestionDeliverySettings.defaults());

        assertThat(configuration.get(PipelineOptions.GENERIC_TYPES)).isFalse();
        assertThat(configuration.get(PipelineOptions.AUTO_GENERATE_UIDS)).isFalse();
        assertThat(configuration.get(PipelineOptions.NAME)).isEqualTo(SuggestionDeliveryJob.JOB_NAME);
        assertThat(SuggestionDeliverySettings.defaults().checkpointInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void settingsComeFromAPropertiesFileWithCommandLineOverrides(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("job.properties");
        Files.writeString(file, "kafka.bootstrap-servers = broker:9092\ntopics.suggestions = s.out\n"
                + "checkpoint.interval = 2 s\n");

        SuggestionDeliverySettings settings = SuggestionDeliverySettings.fromArgs(new String[] {
                "--config", file.toString(), "--topics.suggestions", "s.cli", "--conf.dir", dir.toString()});

        assertThat(settings.bootstrapServers()).isEqualTo("broker:9092");
        assertThat(settings.topic(SuggestionDeliverySettings.SUGGESTIONS)).isEqualTo("s.cli");
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.sourceSettings(SuggestionDeliverySettings.FEEDBACK).groupId())
                .isEqualTo("suggestion-delivery-feedback");
        assertThat(settings.deliverySettings().inappTopic()).isEqualTo("ai.notifications.inapp");
    }

    @Test
    void anUnknownKeyOrABadValueIsRefusedWithItsName() {
        assertThatThrownBy(() -> SuggestionDeliverySettings.fromMap(Map.of("topics.suggestion", "x")))
                .hasMessageContaining("topics.suggestion");
        assertThatThrownBy(() -> SuggestionDeliverySettings.fromMap(Map.of("checkpoint.interval", "soon")))
                .hasMessageContaining("checkpoint.interval");
        assertThatThrownBy(() -> SuggestionDeliverySettings.fromMap(Map.of("conf.dir", "/no/such/dir")))
                .hasMessageContaining("conf.dir");
    }

    @Test
    void theShippedConfDirectoryLoads() {
        Path conf = Path.of("..", "conf").toAbsolutePath().normalize();
        SuggestionDeliverySettings settings = SuggestionDeliverySettings.fromMap(Map.of("conf.dir", conf.toString()));

        // The conf copies say what the built-in ones say, so a job started without --conf.dir behaves the same.
        com.crmautopilot.cep.config.TriggerCatalog builtIn = com.crmautopilot.cep.config.TriggerCatalog.defaults();
        com.crmautopilot.operators.suggest.TriggerPolicies builtInPolicies =
                com.crmautopilot.operators.suggest.TriggerPolicies.defaults();
        for (com.crmautopilot.models.suggest.TriggerType type : com.crmautopilot.models.suggest.TriggerType.values()) {
            assertThat(settings.triggerCatalog().settings(type)).isEqualTo(builtIn.settings(type));
            assertThat(settings.engineSettings().policies().of(type)).isEqualTo(builtInPolicies.of(type));
        }
        assertThat(settings.deliverySettings().slack().allowedHosts()).containsExactly("hooks.slack.com");
    }

    @Test
    void theShippedPropertiesFileListsExactlyTheJobsKeysAtTheirDefaults() throws Exception {
        Path file = Path.of("..", "conf", "suggestion-delivery.properties").toAbsolutePath().normalize();
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        }

        assertThat(properties.stringPropertyNames()).isEqualTo(SuggestionDeliverySettings.DEFAULTS.keySet());
        properties.stringPropertyNames().forEach(key -> assertThat(properties.getProperty(key).trim()).as(key)
                .isEqualTo(SuggestionDeliverySettings.DEFAULTS.get(key)));
        assertThat(SuggestionDeliverySettings.fromArgs(new String[] {"--config", file.toString()}))
                .isEqualTo(SuggestionDeliverySettings.defaults());
    }
}
