package com.crmautopilot.jobs.suggest;

/**
 * The operator uids of the suggestion-delivery job's own operators (the trigger library, the deal triggers, the
 * engine and delivery bring theirs). State in savepoints is matched to operators by these: never rename one that
 * holds state, and give every new operator its own.
 */
public final class SuggestionDeliveryUids {

    public static final String EVENTS_SOURCE = "suggest-crm-events-source";
    public static final String SPLIT_DEAD_LETTERS = "suggest-split-dead-letters";
    /** Keyed state: the seen-event-id markers of this job's own consumer of {@code crm.events}. */
    public static final String DEDUPE = "suggest-dedupe-events";
    public static final String SCORES_SOURCE = "suggest-lead-scores-source";
    public static final String SCORE_CHANGES_SOURCE = "suggest-score-changes-source";
    public static final String CONTROL_SOURCE = "suggest-control-source";
    public static final String FEEDBACK_SOURCE = "suggest-feedback-source";
    public static final String PREFERENCES_SOURCE = "suggest-preferences-source";
    public static final String COUNT_SUGGESTIONS = "suggest-count-suggestions";
    public static final String SUGGESTIONS_SINK = "suggest-suggestions-sink";
    public static final String DEAD_LETTER_SINK = "suggest-dead-letter-sink";

    private SuggestionDeliveryUids() {
    }
}
