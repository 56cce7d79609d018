package com.crmautopilot.jobs.scoring;

import com.crmautopilot.jobs.IngestionStreams;
import com.crmautopilot.jobs.JobSettings;
import com.crmautopilot.jobs.LeadIntelligenceJob;
import com.crmautopilot.jobs.ingest.CrmEventsDeserializer;
import com.crmautopilot.sinks.kafka.KafkaSources;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Lead scoring wired over Kafka the way the job wires it: every operator has its stable uid and a name. */
class LeadScoringGraphTest {

    @Test
    void theScoringGraphOverKafkaHasAStableUidOnEveryOperator() {
        JobSettings job = JobSettings.defaults();
        LeadScoringSettings scoring = LeadScoringSettings.defaults();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(LeadIntelligenceJob.jobConfiguration(job));
        IngestionStreams ingestion = LeadIntelligenceJob.defineIngestion(env,
                KafkaSources.of(job.sourceSettings(), new CrmEventsDeserializer(job.validator())), job.ingestion());

        LeadScoringStreams streams = LeadScoringPipeline.attach(ingestion.profiles(),
                LeadScoringPipeline.controlMessages(env,
                        ScoringKafka.modelAnnouncements(scoring.modelsSource(job.bootstrapServers(), job.groupId())),
                        ScoringKafka.controlCommands(scoring.controlSource(job.bootstrapServers(), job.groupId())),
                        scoring.modelsTopic(), scoring.controlTopic()),
                scoring.config());
        LeadScoringPipeline.attachSinks(streams, ScoringKafka.leadScores(scoring.scoresTopic(), job.sinkSettings()),
                ScoringKafka.scoreChanges(scoring.changesTopic(), job.sinkSettings()));
        streams.deadLetters().sinkTo(com.crmautopilot.sinks.kafka.OutputSinks.deadLetters(job.sinkSettings()))
                .uid("dead-letter-sink").name("ai.dead-letter");
        // Generating the graph is where Flink refuses an operator without a uid, since generated uids are off.
        StreamGraph graph = env.getStreamGraph();

        List<String> uids = graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).toList();
        assertThat(uids).doesNotContainNull();
        assertThat(Set.copyOf(uids)).contains(ScoringUids.MODELS_SOURCE, ScoringUids.CONTROL_SOURCE,
                ScoringUids.ROUTE_CONTROL, ScoringUids.SCORING_INPUTS, ScoringUids.LEAD_SCORING,
                ScoringUids.LEAD_SCORES_SINK, ScoringUids.SCORE_CHANGES_SINK);
        assertThat(graph.getStreamNodes().stream().map(StreamNode::getOperatorName).collect(Collectors.toSet()))
                .contains("lead scoring", "route control messages", "profiles to score");
    }

    @Test
    void theModelsTopicIsReplayedFromTheStartAndCommandsOnlyFromNow() {
        LeadScoringSettings scoring = LeadScoringSettings.defaults();

        assertThat(scoring.modelsSource("b:9092", "lead-intelligence").startingOffsets().name()).isEqualTo("EARLIEST");
        assertThat(scoring.modelsSource("b:9092", "lead-intelligence").groupId()).isEqualTo("lead-intelligence-models");
        assertThat(scoring.controlSource("b:9092", "lead-intelligence").startingOffsets().name()).isEqualTo("LATEST");
    }
}
