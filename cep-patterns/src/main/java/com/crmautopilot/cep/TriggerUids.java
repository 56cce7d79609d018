package com.crmautopilot.cep;

/**
 * Stable operator uids of the trigger library: state is matched to operators by these on restore, so a value here
 * never changes once released. The deal triggers (package {@code deal}) keep their own.
 */
public final class TriggerUids {

    public static final String LEAD_MARKS = "triggers-lead-marks";
    public static final String SCORE_MARKS = "triggers-score-marks";
    public static final String TIER_MARKS = "triggers-tier-marks";
    public static final String ACCOUNT_MARKS = "triggers-account-marks";
    public static final String OVERRIDE_TIME = "triggers-override-time";
    public static final String NO_OVERRIDES = "triggers-no-overrides";

    public static final String STALE_ACCOUNT_MARKS = "trigger-stale-account-marks";
    public static final String STALE_ACCOUNT_GATE = "trigger-stale-account-gate";
    public static final String STALE_ACCOUNT_TIME = "trigger-stale-account-time";
    public static final String STALE_ACCOUNT_PATTERN = "trigger-stale-account-pattern";
    public static final String STALE_ACCOUNT_LATER_TOUCHES = "trigger-stale-account-later-touches";
    public static final String STALE_ACCOUNT_REPORT = "trigger-stale-account-report";

    public static final String MISSING_DATA_MARKS = "trigger-missing-data-marks";
    public static final String MISSING_DATA = "trigger-missing-data";

    public static final String INACTIVE_LEAD_MARKS = "trigger-inactive-lead-marks";
    public static final String INACTIVE_LEAD = "trigger-inactive-lead";
    public static final String HOT_LEAD_MARKS = "trigger-hot-lead-marks";
    public static final String HOT_LEAD = "trigger-hot-lead";
    public static final String DEMO_REQUEST_UNANSWERED_MARKS = "trigger-demo-request-unanswered-marks";
    public static final String DEMO_REQUEST_UNANSWERED = "trigger-demo-request-unanswered";
    public static final String REPLY_UNANSWERED_MARKS = "trigger-reply-unanswered-marks";
    public static final String REPLY_UNANSWERED = "trigger-reply-unanswered";
    public static final String SCORE_JUMP_MARKS = "trigger-score-jump-marks";
    public static final String SCORE_JUMP = "trigger-score-jump";
    public static final String LEAD_WENT_COLD_MARKS = "trigger-lead-went-cold-marks";
    public static final String LEAD_WENT_COLD = "trigger-lead-went-cold";

    private TriggerUids() {
    }
}
