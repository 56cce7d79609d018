package com.crmautopilot.models.suggest;

import java.time.Instant;
import java.util.List;

/**
 * One message on one channel, as written to {@code ai.notifications.{inapp,email,slack}} and sent by the channel's
 * sink. Sinks are idempotent on {@code notificationId}.
 *
 * @param notificationId  {@link SuggestionIds#notification}: of the suggestion id, or for a digest of
 *                        {@code tenant|user|local date}
 * @param channel         {@link Channel#wireName()}
 * @param suggestionIds   the suggestions it carries (one, or a digest's many)
 * @param subject         plain text (email subject, Slack fallback text, in-app title)
 * @param textBody        plain-text body
 * @param markupBody      HTML for email and digest, mrkdwn for Slack, null for in-app; entity names escaped
 * @param recipient       email address for email and digest, webhook URL for Slack, user id for in-app
 * @param notBefore       event time before which it must not be sent (quiet hours, digest hour); null = now
 * @param createdAt       event time it was built
 */
public record Notification(
        String notificationId,
        String tenantId,
        String userId,
        String channel,
        List<String> suggestionIds,
        String priority,
        String subject,
        String textBody,
        String markupBody,
        String recipient,
        Instant notBefore,
        Instant createdAt) {

    public Notification {
        suggestionIds = suggestionIds == null ? List.of() : List.copyOf(suggestionIds);
    }
}
