package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.scoring.Tier;

/**
 * What the scorer keeps per lead (the history is a list state of its own, touched only when a score is emitted).
 * A Flink POJO: public no-arg constructor and public fields, so savepoints restore through POJO schema evolution;
 * add or remove fields, never rename or retype one. Times are epoch millis of event time.
 */
public class LeadScoreState {

    /** The newest profile: what time-driven rescores score. */
    public LeadProfile profile;
    /** Event time of the newest scoring, emitted or not; the lead's scoring clock never goes back. */
    public Long evaluatedAt;

    // The last emitted score, which the next one is compared with (null before the first).
    public Integer score;
    public Tier tier;
    public String modelVersion;
    /** Its factor weights, in {@link FactorSentences#all} order, to say what moved next time. */
    public double[] factorWeights;
    public long emitted;

    /** The one event-time timer registered for this lead, or null. */
    public Long timerAt;
    /** The timer rescores (true) or drops the lead (false, the cleanup point). */
    public boolean timerRescores;

    public LeadScoreState() {
    }
}
