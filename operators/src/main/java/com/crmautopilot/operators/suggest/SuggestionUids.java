package com.crmautopilot.operators.suggest;

/**
 * The uids (state identity across savepoints: never change one) and names (web UI) of the suggestion engine's
 * operators.
 */
public final class SuggestionUids {

    public static final String FEEDBACK_SPLIT = "suggest-feedback-split";
    public static final String FEEDBACK_WATERMARKS = "suggest-feedback-watermarks";
    public static final String PREFERENCES_SPLIT = "suggest-preferences-split";
    public static final String PREFERENCES_WATERMARKS = "suggest-preferences-watermarks";
    public static final String TENANT_DEFAULTS = "suggest-tenant-defaults";
    public static final String TENANT_ACCEPTANCE = "suggest-tenant-acceptance";
    public static final String CANDIDATE_INPUT = "suggest-candidate-input";
    public static final String FEEDBACK_INPUT = "suggest-feedback-input";
    public static final String PREFERENCES_USERS = "suggest-preferences-users";
    public static final String PREFERENCES_INPUT = "suggest-preferences-input";
    public static final String ENGINE = "suggest-engine";

    private SuggestionUids() {
    }

    /** A readable operator name for the web UI. */
    public static String name(String uid) {
        return switch (uid) {
            case FEEDBACK_SPLIT -> "Feedback: decode errors to dead letter";
            case FEEDBACK_WATERMARKS -> "Feedback: event time";
            case PREFERENCES_SPLIT -> "Preferences: decode errors to dead letter";
            case PREFERENCES_WATERMARKS -> "Preferences: event time";
            case TENANT_DEFAULTS -> "Preferences: tenant defaults";
            case PREFERENCES_USERS -> "Preferences: users";
            case TENANT_ACCEPTANCE -> "Learning: tenant acceptance prior";
            case CANDIDATE_INPUT, FEEDBACK_INPUT, PREFERENCES_INPUT -> "Suggestion engine input";
            case ENGINE -> "Suggestion engine: dedupe, priority, routing, digest";
            default -> uid;
        };
    }
}
