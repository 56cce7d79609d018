package com.crmautopilot.jobs;

import com.crmautopilot.jobs.scoring.ScoringUids;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LeadIntelligenceJobTest {

    @Test
    void theKafkaJobBuildsWithAStableUidOnEveryOperator() {
        JobSettings settings = JobSettings.defaults();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(LeadIntelligenceJob.jobConfiguration(settings));

        LeadIntelligenceJob.defineKafkaPipeline(env, settings);
        // Generating the graph is where Flink refuses an operator without a uid, since generated uids are off.
        StreamGraph graph = env.getStreamGraph();

        List<String> uids = graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).toList();
        assertThat(uids).doesNotContainNull();
        assertThat(Set.copyOf(uids)).contains(Uids.EVENTS_SOURCE, Uids.SPLIT_DEAD_LETTERS, Uids.DEDUPE,
                Uids.LEAD_EVENTS, Uids.LEAD_PROFILE, Uids.LEAD_PROFILES_SINK, Uids.DEAD_LETTER_SINK,
                ScoringUids.MODELS_SOURCE, ScoringUids.CONTROL_SOURCE, ScoringUids.LEAD_SCORING,
                ScoringUids.LEAD_SCORES_SINK, ScoringUids.SCORE_CHANGES_SINK);
        assertThat(graph.getStreamNodes().stream().map(StreamNode::getOperatorName).collect(Collectors.toSet()))
                .contains("lead engagement profile", "dedupe by tenant and event id", "lead scoring");
    }

    @Test
    void theJobConfigurationForbidsKryoAndGeneratedUids() {
        var configuration = LeadIntelligenceJob.jobConfiguration(JobSettings.defaults());

        assertThat(configuration.get(PipelineOptions.GENERIC_TYPES)).isFalse();
        assertThat(configuration.get(PipelineOptions.AUTO_GENERATE_UIDS)).isFalse();
        assertThat(configuration.get(PipelineOptions.NAME)).isEqualTo("lead-intelligence");
    }

    @Test
    void theJobHandsImmutableRecordsBetweenChainedOperatorsWithoutCopies() {
        var configuration = LeadIntelligenceJob.jobConfiguration(JobSettings.defaults());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);

        assertThat(configuration.get(PipelineOptions.OBJECT_REUSE)).isTrue();
        assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();
        for (Class<?> flowing : new Class<?>[] {com.crmautopilot.operators.ingest.Ingested.class,
                com.crmautopilot.models.event.CrmEvent.class, com.crmautopilot.models.output.LeadProfile.class,
                com.crmautopilot.models.output.DeadLetter.class}) {
            assertThat(flowing.isRecord()).as("%s is immutable, so reuse is safe", flowing.getSimpleName()).isTrue();
        }
    }
}
