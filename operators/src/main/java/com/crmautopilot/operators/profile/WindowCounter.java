package com.crmautopilot.operators.profile;

import com.crmautopilot.models.event.EventType;

/**
 * The engagement counted in the rolling window, one per {@code *30d} field of the profile. The ordinal is stored in
 * {@link LeadProfileState#windowCounters}: append new counters at the end, never reorder or remove one.
 */
public enum WindowCounter {
    EMAILS_SENT,
    EMAIL_OPENS,
    EMAIL_CLICKS,
    EMAIL_REPLIES,
    WEB_VISITS,
    CONTENT_DOWNLOADS,
    DEMO_REQUESTS,
    FORM_SUBMITS,
    CALLS_MEETINGS;

    private static final WindowCounter[] BY_ORDINAL = values();

    /** The counter an event of this type adds to, or null for a type the window does not count. */
    public static WindowCounter of(EventType type) {
        return switch (type) {
            case EMAIL_SENT -> EMAILS_SENT;
            case EMAIL_OPENED -> EMAIL_OPENS;
            case EMAIL_CLICKED -> EMAIL_CLICKS;
            case EMAIL_REPLIED -> EMAIL_REPLIES;
            case WEB_VISIT -> WEB_VISITS;
            case CONTENT_DOWNLOADED -> CONTENT_DOWNLOADS;
            case DEMO_REQUESTED -> DEMO_REQUESTS;
            case FORM_SUBMITTED -> FORM_SUBMITS;
            case CALL_LOGGED, MEETING_LOGGED -> CALLS_MEETINGS;
            default -> null;
        };
    }

    public static WindowCounter ofOrdinal(int ordinal) {
        return BY_ORDINAL[ordinal];
    }

    public static int count() {
        return BY_ORDINAL.length;
    }
}
