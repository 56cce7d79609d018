package com.crmautopilot.models.suggest;

import java.time.Instant;
import java.util.List;

/**
 * One record of {@code crm.preferences}: a user's notification preferences, or with a null {@code userId} the
 * tenant's defaults, which apply to every user who has not set their own. Null fields mean "not set": the tenant
 * default, then the built-in default, applies.
 *
 * @param inapp, email, slack  channel switches
 * @param mutedTriggers        trigger wire names the user never wants pushed (they still reach the digest)
 * @param minPushPriority      lowest {@link Priority} that may be pushed (in-app, email, Slack) at once
 * @param quietHoursStart      local time "HH:mm" when pushes start being held; with {@code quietHoursEnd}
 * @param timeZone             IANA zone id, such as {@code Europe/Paris}
 * @param digestHour           local hour 0–23 of the daily digest
 * @param emailAddress         where email and digest go
 * @param slackWebhookUrl      the user's Slack incoming webhook (https, allowlisted hosts only)
 * @param updatedAt            event time; a newer record replaces an older one field by field
 */
public record UserPreferences(
        String tenantId,
        String userId,
        Boolean inapp,
        Boolean email,
        Boolean slack,
        List<String> mutedTriggers,
        String minPushPriority,
        String quietHoursStart,
        String quietHoursEnd,
        String timeZone,
        Integer digestHour,
        String emailAddress,
        String slackWebhookUrl,
        Instant updatedAt) {
}
