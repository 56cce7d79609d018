package com.crmautopilot.models.suggest;

import java.time.Instant;

/**
 * One record of {@code crm.feedback}.
 *
 * @param feedbackId    producer-unique, for dedupe
 * @param action        {@link FeedbackAction#wireName()}
 * @param triggerType   the suggestion's trigger type, so learning needs no lookup
 * @param snoozeUntil   for {@code snoozed}: until when; null means the trigger's default snooze
 * @param occurredAt    event time
 */
public record UserFeedback(
        String feedbackId,
        String tenantId,
        String userId,
        String suggestionId,
        String triggerType,
        String action,
        Instant snoozeUntil,
        Instant occurredAt) {
}
