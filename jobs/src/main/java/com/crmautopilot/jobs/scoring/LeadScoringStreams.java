package com.crmautopilot.jobs.scoring;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The outputs of lead scoring.
 *
 * @param scores      changed scores, for {@code ai.lead-scores}
 * @param changes     tier changes, for {@code ai.score-changes}
 * @param deadLetters malformed {@code ai.models} and {@code crm.control} records and refused models, for
 *                    {@code ai.dead-letter} (union them with the ingestion's)
 */
public record LeadScoringStreams(DataStream<LeadScore> scores, DataStream<ScoreChange> changes,
                                 DataStream<DeadLetter> deadLetters) {
}
