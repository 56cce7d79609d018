package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.Priority;
import com.crmautopilot.models.suggest.UserPreferences;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Set;

/**
 * The preferences that apply to one user: the built-in defaults, then the tenant's defaults (a {@code crm.preferences}
 * record with no user), then the user's own, field by field (a null field keeps the layer below).
 *
 * <p>Built-in defaults: in-app and email on, Slack off, nothing muted, pushes from {@code medium} up, no quiet
 * hours, UTC, digest at 08:00. The decoder has already rejected unreadable zones, times and priorities; a value
 * that still does not parse falls back to the default rather than failing the job.
 */
public record EffectivePreferences(
        boolean inapp,
        boolean email,
        boolean slack,
        Set<String> mutedTriggers,
        Priority minPushPriority,
        QuietHours quietHours,
        ZoneId zone,
        int digestHour,
        String emailAddress,
        String slackWebhookUrl) {

    public static final int DEFAULT_DIGEST_HOUR = 8;
    public static final EffectivePreferences BUILT_IN = new EffectivePreferences(true, true, false, Set.of(),
            Priority.MEDIUM, null, ZoneOffset.UTC, DEFAULT_DIGEST_HOUR, null, null);

    public EffectivePreferences {
        mutedTriggers = mutedTriggers == null ? Set.of() : Set.copyOf(mutedTriggers);
    }

    public static EffectivePreferences of(UserPreferences tenantDefaults, UserPreferences user) {
        return BUILT_IN.with(tenantDefaults).with(user);
    }

    /** These preferences with {@code layer}'s set fields on top. */
    public EffectivePreferences with(UserPreferences layer) {
        if (layer == null) {
            return this;
        }
        ZoneId zoneId = layer.timeZone() == null ? zone : zoneOr(layer.timeZone(), zone);
        QuietHours quiet = quietHours;
        if (layer.quietHoursStart() != null && layer.quietHoursEnd() != null) {
            quiet = QuietHours.parse(layer.quietHoursStart(), layer.quietHoursEnd());
        }
        Priority minPush = layer.minPushPriority() == null ? minPushPriority
                : Priority.fromWire(layer.minPushPriority()).orElse(minPushPriority);
        int hour = layer.digestHour() != null && layer.digestHour() >= 0 && layer.digestHour() <= 23
                ? layer.digestHour() : digestHour;
        return new EffectivePreferences(
                layer.inapp() == null ? inapp : layer.inapp(),
                layer.email() == null ? email : layer.email(),
                layer.slack() == null ? slack : layer.slack(),
                layer.mutedTriggers() == null ? mutedTriggers : Set.copyOf(layer.mutedTriggers()),
                minPush, quiet, zoneId, hour,
                layer.emailAddress() == null ? emailAddress : layer.emailAddress(),
                layer.slackWebhookUrl() == null ? slackWebhookUrl : layer.slackWebhookUrl());
    }

    public boolean muted(String triggerType) {
        return mutedTriggers.contains(triggerType);
    }

    /**
     * A user's newer record merged onto their stored one, field by field: what the stored state keeps. Records
     * older than the stored one change nothing (a replayed or reordered update cannot undo a newer one).
     */
    public static UserPreferences overlay(UserPreferences stored, UserPreferences update) {
        if (stored == null) {
            return update;
        }
        if (update.updatedAt() != null && stored.updatedAt() != null && update.updatedAt().isBefore(stored.updatedAt())) {
            return stored;
        }
        boolean quietSet = update.quietHoursStart() != null && update.quietHoursEnd() != null;
        return new UserPreferences(update.tenantId(), update.userId(),
                or(update.inapp(), stored.inapp()), or(update.email(), stored.email()), or(update.slack(), stored.slack()),
                update.mutedTriggers() == null ? stored.mutedTriggers() : new ArrayList<>(update.mutedTriggers()),
                or(update.minPushPriority(), stored.minPushPriority()),
                quietSet ? update.quietHoursStart() : stored.quietHoursStart(),
                quietSet ? update.quietHoursEnd() : stored.quietHoursEnd(),
                or(update.timeZone(), stored.timeZone()), or(update.digestHour(), stored.digestHour()),
                or(update.emailAddress(), stored.emailAddress()), or(update.slackWebhookUrl(), stored.slackWebhookUrl()),
                update.updatedAt() == null ? stored.updatedAt() : update.updatedAt());
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    static ZoneId zoneOr(String id, ZoneId fallback) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    static LocalTime timeOrNull(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }
}
