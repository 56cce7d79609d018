package com.crmautopilot.models;

import java.util.List;

/** The Kafka topics of the system (see DESIGN.md). Keys are always tenant + entity id. */
public final class Topics {
    public static final String EVENTS = "crm.events";
    public static final String FEEDBACK = "crm.feedback";
    public static final String PREFERENCES = "crm.preferences";
    public static final String CONTROL = "crm.control";
    public static final String MODELS = "ai.models";

    public static final String LEAD_PROFILES = "ai.lead-profiles";
    public static final String LEAD_SCORES = "ai.lead-scores";
    public static final String SCORE_CHANGES = "ai.score-changes";
    public static final String SUGGESTIONS = "ai.suggestions";
    public static final String NOTIFICATIONS_INAPP = "ai.notifications.inapp";
    public static final String NOTIFICATIONS_EMAIL = "ai.notifications.email";
    public static final String NOTIFICATIONS_SLACK = "ai.notifications.slack";
    public static final String DEAL_HEALTH = "ai.deal-health";
    public static final String FORECASTS = "ai.forecasts";
    public static final String CAMPAIGN_INSIGHTS = "ai.campaign-insights";
    public static final String CAMPAIGN_ACTIONS = "ai.campaign-actions";
    public static final String AUDIT = "ai.audit";
    public static final String DEAD_LETTER = "ai.dead-letter";

    public static final List<String> ALL = List.of(
            EVENTS, FEEDBACK, PREFERENCES, CONTROL, MODELS,
            LEAD_PROFILES, LEAD_SCORES, SCORE_CHANGES, SUGGESTIONS,
            NOTIFICATIONS_INAPP, NOTIFICATIONS_EMAIL, NOTIFICATIONS_SLACK,
            DEAL_HEALTH, FORECASTS, CAMPAIGN_INSIGHTS, CAMPAIGN_ACTIONS, AUDIT, DEAD_LETTER);

    private Topics() {
    }
}
