package com.crmautopilot.models.suggest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A prioritized suggestion for one user, as written to {@code ai.suggestions} (upserted on {@code suggestionId}).
 *
 * @param title          one line, plain text, facts in place ("Follow up with Acme Corp")
 * @param text           one useful sentence, plain text ("no activity for 34 days; last touch was an email from
 *                       Dana on Oct 2"); channels escape it for their own markup
 * @param priority       {@link Priority#wireName()}
 * @param priorityScore  the documented formula's value before banding
 * @param channels       {@link Channel#wireName()}s it is routed to, after preferences
 * @param status         {@value #ACTIVE}, {@value #WITHDRAWN} (its condition cleared before delivery) or
 *                       {@value #SUPPRESSED} (muted, cooling down or snoozed; kept for the audit)
 * @param createdAt      event time of the triggering candidate
 */
public record Suggestion(
        String suggestionId,
        String tenantId,
        String userId,
        String entityKind,
        String entityId,
        String entityName,
        String triggerType,
        String title,
        String text,
        String priority,
        double priorityScore,
        List<String> channels,
        String status,
        Map<String, String> facts,
        Instant createdAt) {

    public static final String ACTIVE = "active";
    public static final String WITHDRAWN = "withdrawn";
    public static final String SUPPRESSED = "suppressed";

    public Suggestion {
        channels = channels == null ? List.of() : List.copyOf(channels);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
