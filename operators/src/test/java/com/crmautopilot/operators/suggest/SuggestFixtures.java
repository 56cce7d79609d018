package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import com.crmautopilot.models.suggest.UserFeedback;
import com.crmautopilot.models.suggest.UserPreferences;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Named instants and builders of candidates, feedback and preferences for the engine's tests. */
final class SuggestFixtures {

    static final String TENANT = "t1";
    static final String USER = "user-01";
    /** A Monday, 10:00 UTC. */
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private SuggestFixtures() {
    }

    static Instant hours(double h) {
        return T0.plusMillis((long) (h * 3_600_000));
    }

    static Instant days(double d) {
        return T0.plusMillis((long) (d * 86_400_000));
    }

    /** A stale-account candidate for {@code account} whose silence started at {@code episode}. */
    static SuggestionCandidate stale(String account, Instant episode, Instant firedAt) {
        return candidate(TriggerType.STALE_ACCOUNT, account, "Acme " + account, episode, firedAt, USER);
    }

    static SuggestionCandidate candidate(TriggerType type, String entityId, String name, Instant episode,
                                         Instant firedAt, String owner) {
        return new SuggestionCandidate(SuggestionIds.of(TENANT, type, entityId, episode), TENANT, owner,
                type.entityKind().wireName(), entityId, name, type.wireName(), firedAt, episode, false,
                Map.of("days_silent", "34", "last_touch_type", "email.sent", "last_touch_by", "Dana",
                        "last_touch_at", episode.toString()),
                null, null, null);
    }

    /** A high-priority deal candidate: a large deal closing within days. */
    static SuggestionCandidate bigDealAtRisk(String opportunity, Instant episode, Instant firedAt) {
        SuggestionCandidate base = candidate(TriggerType.DEAL_AT_RISK, opportunity, "Deal " + opportunity, episode,
                firedAt, USER);
        return new SuggestionCandidate(base.suggestionId(), TENANT, USER, base.entityKind(), opportunity,
                base.entityName(), base.triggerType(), firedAt, episode, false, base.facts(), 200_000.0, null,
                firedAt.plus(Duration.ofDays(3)));
    }

    static UserFeedback feedback(String suggestionId, TriggerType type, String action, Instant at) {
        return new UserFeedback("fb-" + suggestionId + "-" + action + "-" + at.toEpochMilli(), TENANT, USER,
                suggestionId, type.wireName(), action, null, at);
    }

    static PreferencesBuilder preferences(String user) {
        return new PreferencesBuilder(user);
    }

    static final class PreferencesBuilder {
        private final String user;
        private Boolean inapp;
        private Boolean email;
        private Boolean slack;
        private List<String> muted;
        private String minPush;
        private String quietStart;
        private String quietEnd;
        private String zone;
        private Integer digestHour;
        private String address;
        private String webhook;

        PreferencesBuilder(String user) {
            this.user = user;
        }

        PreferencesBuilder inapp(boolean on) { inapp = on; return this; }
        PreferencesBuilder email(boolean on) { email = on; return this; }
        PreferencesBuilder slack(boolean on, String url) { slack = on; webhook = url; return this; }
        PreferencesBuilder muted(String... types) { muted = List.of(types); return this; }
        PreferencesBuilder minPush(String priority) { minPush = priority; return this; }
        PreferencesBuilder quiet(String start, String end) { quietStart = start; quietEnd = end; return this; }
        PreferencesBuilder zone(String id) { zone = id; return this; }
        PreferencesBuilder digestHour(int hour) { digestHour = hour; return this; }
        PreferencesBuilder address(String value) { address = value; return this; }

        UserPreferences at(Instant updatedAt) {
            return new UserPreferences(TENANT, user, inapp, email, slack, muted, minPush, quietStart, quietEnd, zone,
                    digestHour, address, webhook, updatedAt);
        }
    }
}
