package com.crmautopilot.jobs.scoring;

import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.operators.scoring.ControlMessage;
import com.crmautopilot.operators.scoring.ControlRouter;
import com.crmautopilot.operators.scoring.LeadScoringConfig;
import com.crmautopilot.operators.scoring.LeadScoringFunction;
import com.crmautopilot.operators.scoring.LeadScoringInput;
import com.crmautopilot.operators.time.ControlWatermarks;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Lead scoring, attached to the ingestion's profile stream:
 *
 * <pre>
 * profiles ──────────────────────────────────────────► keyed by tenant+lead ─┐
 * ai.models ─┐                       ┌ single-lead rescores ─────────────────┘ ├─► lead scoring ─► ai.lead-scores
 * crm.control┴─► route control ──────┼ announcements, rescore_all ─► broadcast ┘        ├─► ai.score-changes
 *                                    └ dead letters ──────────────────────────────────────┴─► ai.dead-letter
 * </pre>
 *
 * <p>Every operator has a stable uid ({@link ScoringUids}) and a name. Sources are parameters, so tests pass bounded
 * ones and the job passes Kafka.
 */
public final class LeadScoringPipeline {

    private LeadScoringPipeline() {
    }

    /**
     * The control stream from the two control sources, with watermarks that never hold back event time (see
     * {@link ControlWatermarks}).
     *
     * @param controlCommands null when the job takes no commands
     */
    public static DataStream<ControlMessage> controlMessages(StreamExecutionEnvironment env,
                                                             Source<ControlMessage, ?, ?> modelAnnouncements,
                                                             Source<ControlMessage, ?, ?> controlCommands,
                                                             String modelsTopic, String controlTopic) {
        DataStream<ControlMessage> models = env
                .fromSource(modelAnnouncements, ControlWatermarks.neverHoldBack(), modelsTopic, ControlMessage.TYPE)
                .uid(ScoringUids.MODELS_SOURCE);
        if (controlCommands == null) {
            return models;
        }
        DataStream<ControlMessage> commands = env
                .fromSource(controlCommands, ControlWatermarks.neverHoldBack(), controlTopic, ControlMessage.TYPE)
                .uid(ScoringUids.CONTROL_SOURCE);
        return models.union(commands);
    }

    /** Scores the profiles; control messages bring the models and the manual rescores. */
    public static LeadScoringStreams attach(DataStream<LeadProfile> profiles, DataStream<ControlMessage> controls,
                                            LeadScoringConfig config) {
        SingleOutputStreamOperator<ControlMessage> broadcastable = controls
                .process(new ControlRouter(), ControlMessage.TYPE)
                .uid(ScoringUids.ROUTE_CONTROL).name("route control messages");
        BroadcastStream<ControlMessage> models = broadcastable
                .broadcast(LeadScoringFunction.TENANT_MODELS, LeadScoringFunction.MODEL_ARTIFACTS);

        DataStream<LeadScoringInput> inputs = profiles
                .map(LeadScoringInput::of, LeadScoringInput.TYPE)
                .uid(ScoringUids.SCORING_INPUTS).name("profiles to score")
                .union(broadcastable.getSideOutput(ControlRouter.SINGLE_RESCORES));

        SingleOutputStreamOperator<LeadScore> scores = inputs
                .keyBy(LeadScoringInput.byLead())
                .connect(models)
                .process(new LeadScoringFunction(config), TypeInformation.of(LeadScore.class))
                .uid(ScoringUids.LEAD_SCORING).name("lead scoring");

        return new LeadScoringStreams(scores, scores.getSideOutput(LeadScoringFunction.SCORE_CHANGES),
                broadcastable.getSideOutput(ControlRouter.DEAD_LETTERS)
                        .union(scores.getSideOutput(LeadScoringFunction.REFUSED_MODELS)));
    }

    /** The two sinks of the scoring outputs, with their stable uids; dead letters go with the ingestion's. */
    public static void attachSinks(LeadScoringStreams streams, Sink<LeadScore> scoresSink,
                                   Sink<ScoreChange> changesSink) {
        streams.scores().sinkTo(scoresSink).uid(ScoringUids.LEAD_SCORES_SINK).name("ai.lead-scores");
        streams.changes().sinkTo(changesSink).uid(ScoringUids.SCORE_CHANGES_SINK).name("ai.score-changes");
    }
}
