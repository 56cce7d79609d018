package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.output.LeadProfile;

/**
 * What caused a rescore, as written in {@code trigger}: the event type that changed the profile (its wire name,
 * e.g. {@code email.clicked}), or one of these.
 */
public final class ScoringTriggers {

    /** A contribution left the 30-day window (the profile operator's own trigger). */
    public static final String WINDOW_EXPIRY = LeadProfile.TRIGGER_WINDOW_EXPIRY;
    /** The lead's rescore timer: time passed, so recency features moved. */
    public static final String TIME_DECAY = "time_decay";
    /** Another model version became active for the tenant (a new one, or a rollback). */
    public static final String MODEL_CHANGE = "model_change";
    /** A {@code rescore} or {@code rescore_all} command on {@code crm.control}. */
    public static final String MANUAL_RESCORE = "manual_rescore";

    private ScoringTriggers() {
    }

    /** The trigger in words, to follow "after" or "on". */
    static String describe(String trigger) {
        if (trigger == null) {
            return "a rescore";
        }
        return switch (trigger) {
            case WINDOW_EXPIRY -> "engagement left the 30-day window";
            case TIME_DECAY -> "time passed without activity";
            case MODEL_CHANGE -> "a model change";
            case MANUAL_RESCORE -> "a manual rescore";
            default -> trigger;
        };
    }
}
