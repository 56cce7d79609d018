package com.crmautopilot.jobs.scoring;

import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.operators.scoring.ControlMessage;
import com.crmautopilot.sinks.kafka.JsonKafkaSink;
import com.crmautopilot.sinks.kafka.KafkaSinkSettings;
import com.crmautopilot.sinks.kafka.KafkaSourceSettings;
import com.crmautopilot.sinks.kafka.KafkaSources;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;

/** Kafka ends of lead scoring: the two control sources and the two output sinks, keyed {@code tenant:lead}. */
public final class ScoringKafka {

    private ScoringKafka() {
    }

    /**
     * {@code ai.models}. Read it from the earliest offset on a fresh start: announcements are the models' only
     * record, so a job started without a savepoint rebuilds its models by replaying them in order.
     */
    public static KafkaSource<ControlMessage> modelAnnouncements(KafkaSourceSettings settings) {
        return KafkaSources.of(settings, ControlRecordsDeserializer.modelAnnouncements());
    }

    /** {@code crm.control}; commands for other jobs are skipped. */
    public static KafkaSource<ControlMessage> controlCommands(KafkaSourceSettings settings) {
        return KafkaSources.of(settings, ControlRecordsDeserializer.controlCommands());
    }

    public static KafkaSink<LeadScore> leadScores(String topic, KafkaSinkSettings settings) {
        return JsonKafkaSink.of(topic, ScoringKafka::leadScoreKey, settings);
    }

    public static KafkaSink<ScoreChange> scoreChanges(String topic, KafkaSinkSettings settings) {
        return JsonKafkaSink.of(topic, ScoringKafka::scoreChangeKey, settings);
    }

    public static String leadScoreKey(LeadScore score) {
        return score.tenantId() + ":" + score.leadId();
    }

    public static String scoreChangeKey(ScoreChange change) {
        return change.tenantId() + ":" + change.leadId();
    }
}
