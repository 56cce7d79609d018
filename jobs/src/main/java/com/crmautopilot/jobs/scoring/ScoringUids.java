package com.crmautopilot.jobs.scoring;

/**
 * The operator uids of lead scoring. State in savepoints is matched to operators by these: never rename one that
 * holds state.
 */
public final class ScoringUids {

    public static final String MODELS_SOURCE = "ai-models-source";
    public static final String CONTROL_SOURCE = "crm-control-source";
    public static final String ROUTE_CONTROL = "route-control-messages";
    public static final String SCORING_INPUTS = "lead-scoring-inputs";
    /** Keyed state: {@code LeadScoreState} and the score history per lead, one timer per lead; broadcast state: models. */
    public static final String LEAD_SCORING = "lead-scoring";
    public static final String LEAD_SCORES_SINK = "lead-scores-sink";
    public static final String SCORE_CHANGES_SINK = "score-changes-sink";

    private ScoringUids() {
    }
}
