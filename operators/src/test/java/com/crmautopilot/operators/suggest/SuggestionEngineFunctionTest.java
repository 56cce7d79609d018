package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.Channel;
import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import com.crmautopilot.models.suggest.UserFeedback;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.crmautopilot.operators.suggest.SuggestFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class SuggestionEngineFunctionTest {

    private static final String ADDRESS = "dana@example.com";
    private static final String WEBHOOK = "https://hooks.slack.com/services/T0/B0/x";

    private EngineHarness engine;

    static SuggestionSettings settings() {
        try (InputStream in = SuggestionEngineFunctionTest.class.getResourceAsStream("/suggest/triggers.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SuggestionSettings.defaults().withPolicies(TriggerPolicies.fromYaml(yaml, "test triggers.yaml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void open() throws Exception {
        engine = EngineHarness.open(settings());
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
    }

    @Test
    void pushesAMediumSuggestionToInAppAtOnceWithItsTextRendered() throws Exception {
        SuggestionCandidate stale = stale("acct-1", days(-34), T0);

        engine.candidate(stale);

        Suggestion suggestion = single(engine.suggestions());
        assertThat(suggestion.status()).isEqualTo(Suggestion.ACTIVE);
        assertThat(suggestion.priority()).isEqualTo("medium");
        assertThat(suggestion.channels()).containsExactly("inapp");
        assertThat(suggestion.title()).isEqualTo("Follow up with Acme acct-1");
        assertThat(suggestion.text()).isEqualTo("No activity for 34 days; last touch was an email from Dana on Jan 27.");
        Notification inapp = single(engine.notifications());
        assertThat(inapp.notificationId()).isEqualTo(SuggestionIds.notification(stale.suggestionId(), Channel.INAPP));
        assertThat(inapp.recipient()).isEqualTo(USER);
        assertThat(inapp.notBefore()).isNull();
    }

    @Test
    void highPriorityGoesToInAppEmailAndSlackWhenTheUserEnabledIt() throws Exception {
        engine.preferences(preferences(USER).address(ADDRESS).slack(true, WEBHOOK).at(days(-1)));

        engine.candidate(bigDealAtRisk("opp-1", days(-14), T0));

        Suggestion suggestion = single(engine.suggestions());
        assertThat(suggestion.priority()).isEqualTo("high");
        assertThat(suggestion.channels()).containsExactly("inapp", "email", "slack");
        assertThat(engine.notifications()).extracting(Notification::channel, Notification::recipient)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("inapp", USER),
                        org.assertj.core.groups.Tuple.tuple("email", ADDRESS),
                        org.assertj.core.groups.Tuple.tuple("slack", WEBHOOK));
    }

    @Test
    void aReplayedSuggestionIdEmitsNothingTwice() throws Exception {
        SuggestionCandidate stale = stale("acct-1", days(-34), T0);

        engine.candidate(stale).candidate(stale).candidate(stale);

        assertThat(engine.suggestions()).hasSize(1);
        assertThat(engine.notifications()).hasSize(1);
    }

    @Test
    void aNewEpisodeWithinTheCooldownIsSuppressedAndAfterItIsTold() throws Exception {
        // stale_account cools down for 1 day in the test policies
        engine.candidate(stale("acct-1", days(-34), T0));
        engine.candidate(stale("acct-1", hours(2), hours(20)));
        engine.candidate(stale("acct-1", hours(30), hours(30)));

        assertThat(engine.suggestions()).extracting(Suggestion::status)
                .containsExactly(Suggestion.ACTIVE, Suggestion.SUPPRESSED, Suggestion.ACTIVE);
        assertThat(engine.notifications()).hasSize(2);
    }

    @Test
    void cooldownAndDedupeSurviveARestoreFromACheckpoint() throws Exception {
        SuggestionCandidate first = stale("acct-1", days(-34), T0);
        engine.candidate(first);
        engine.suggestions();
        engine.notifications();
        OperatorSubtaskState checkpoint = engine.snapshot(1);
        engine.close();

        engine = EngineHarness.open(settings(), checkpoint);
        engine.candidate(first); // the source replays from the checkpoint's offsets
        engine.candidate(stale("acct-1", hours(1), hours(12)));

        assertThat(engine.suggestions()).extracting(Suggestion::status).containsExactly(Suggestion.SUPPRESSED);
        assertThat(engine.notifications()).isEmpty();
    }

    @Test
    void cooldownAndDedupeSurviveARestoreOnRocksDbAndItsStateIsSweptThere() throws Exception {
        engine.close();
        var rocksdb = new org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend();
        SuggestionSettings shortRetention = settings().withRetention(Duration.ofDays(7), Duration.ofDays(30));
        engine = EngineHarness.open(shortRetention, null, rocksdb);
        SuggestionCandidate first = stale("acct-1", days(-34), T0);
        engine.candidate(first).candidate(lowPriority("acct-2", USER, T0));
        OperatorSubtaskState checkpoint = engine.snapshot(1);
        engine.close();

        engine = EngineHarness.open(shortRetention, checkpoint, new org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend());
        engine.candidate(first).candidate(stale("acct-1", hours(1), hours(12)));
        assertThat(engine.suggestions()).extracting(Suggestion::status).containsExactly(Suggestion.SUPPRESSED);
        engine.advanceTo(days(1));
        assertThat(single(engine.notifications()).channel()).as("the restored digest timer fired").isEqualTo("digest");

        engine.advanceTo(days(60));
        assertThat(engine.keysWithState()).isZero();
        assertThat(engine.timers()).isZero();
    }

    @Test
    void aDismissalKeepsTheSlotQuietForTheSnoozePeriod() throws Exception {
        SuggestionCandidate first = stale("acct-1", days(-34), T0);
        engine.candidate(first);
        engine.feedback(feedback(first.suggestionId(), TriggerType.STALE_ACCOUNT, "dismissed", hours(1)));
        // cooldown (1 d) is over, the snooze (10 d from the dismissal) is not
        engine.candidate(stale("acct-1", days(2), days(2)));
        engine.candidate(stale("acct-1", days(11), days(11)));

        assertThat(engine.suggestions()).extracting(Suggestion::status)
                .containsExactly(Suggestion.ACTIVE, Suggestion.SUPPRESSED, Suggestion.ACTIVE);
    }

    @Test
    void aSnoozeWithItsOwnEndHoldsUntilThen() throws Exception {
        SuggestionCandidate first = stale("acct-1", days(-34), T0);
        engine.candidate(first);
        engine.feedback(new UserFeedback("fb-1", TENANT, USER, first.suggestionId(), "stale_account", "snoozed",
                days(3), hours(1)));
        engine.candidate(stale("acct-1", days(2), days(2)));
        engine.candidate(stale("acct-1", days(4), days(4)));

        assertThat(engine.suggestions()).extracting(Suggestion::status)
                .containsExactly(Suggestion.ACTIVE, Suggestion.SUPPRESSED, Suggestion.ACTIVE);
    }

    @Test
    void quietHoursHoldPushesUntilTheyEndInTheUsersZone() throws Exception {
        engine.preferences(preferences(USER).zone("America/New_York").quiet("22:00", "07:00").at(days(-1)));
        Instant elevenPmInNewYork = Instant.parse("2026-03-03T04:00:00Z");

        engine.candidate(stale("acct-1", days(-34), elevenPmInNewYork));
        assertThat(single(engine.suggestions()).channels()).containsExactly("inapp");
        engine.advanceTo(Instant.parse("2026-03-03T11:59:59Z"));
        assertThat(engine.notifications()).isEmpty();

        engine.advanceTo(Instant.parse("2026-03-03T12:00:00Z")); // 07:00 EST
        Notification released = single(engine.notifications());
        assertThat(released.notBefore()).isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
        assertThat(released.createdAt()).isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
    }

    @Test
    void quietHoursEndAtLocalSevenOnTheNightTheClocksSpringForward() throws Exception {
        // New York moves from EST (-5) to EDT (-4) at 02:00 local on 2026-03-08.
        engine.preferences(preferences(USER).zone("America/New_York").quiet("22:00", "07:00").at(days(-1)));

        engine.candidate(stale("acct-1", days(-34), Instant.parse("2026-03-08T04:00:00Z"))); // 23:00 EST, Mar 7
        engine.advanceTo(Instant.parse("2026-03-08T10:59:59Z"));
        assertThat(engine.notifications()).isEmpty();
        engine.advanceTo(Instant.parse("2026-03-08T11:00:00Z")); // 07:00 EDT, not 12:00 UTC

        assertThat(single(engine.notifications()).notBefore()).isEqualTo(Instant.parse("2026-03-08T11:00:00Z"));
    }

    @Test
    void theDigestGoesOutAtEachUsersDigestHourInTheirZoneAcrossDst() throws Exception {
        // Paris moves from CET (+1) to CEST (+2) on 2026-03-29: 08:00 local is 07:00 UTC before, 06:00 UTC after.
        engine.preferences(preferences(USER).zone("Europe/Paris").digestHour(8).address(ADDRESS).at(days(-1)));
        engine.preferences(preferences("user-02").zone("Asia/Tokyo").digestHour(8).at(days(-1)));
        SuggestionCandidate beforeDst = lowPriority("acct-1", USER, Instant.parse("2026-03-02T10:00:00Z"));
        SuggestionCandidate tokyo = lowPriority("acct-2", "user-02", Instant.parse("2026-03-02T10:00:00Z"));
        SuggestionCandidate acrossDst = lowPriority("acct-3", USER, Instant.parse("2026-03-28T10:00:00Z"));

        engine.candidate(beforeDst).candidate(tokyo);
        assertThat(engine.suggestions()).allSatisfy(s -> assertThat(s.channels()).containsExactly("digest"));
        engine.advanceTo(Instant.parse("2026-03-02T22:59:59Z"));
        assertThat(engine.notifications()).isEmpty();
        engine.advanceTo(Instant.parse("2026-03-02T23:00:00Z")); // 08:00 in Tokyo
        assertThat(single(engine.notifications()).userId()).isEqualTo("user-02");
        engine.advanceTo(Instant.parse("2026-03-03T06:59:59Z"));
        assertThat(engine.notifications()).isEmpty();
        engine.advanceTo(Instant.parse("2026-03-03T07:00:00Z")); // 08:00 CET
        Notification digest = single(engine.notifications());
        assertThat(digest.channel()).isEqualTo("digest");
        assertThat(digest.recipient()).isEqualTo(ADDRESS);
        assertThat(digest.suggestionIds()).containsExactly(beforeDst.suggestionId());
        assertThat(digest.notificationId()).isEqualTo(
                SuggestionIds.notification(TENANT + "|" + USER + "|2026-03-03", Channel.DIGEST));

        engine.candidate(acrossDst);
        engine.advanceTo(Instant.parse("2026-03-29T05:59:59Z"));
        assertThat(engine.notifications()).isEmpty();
        engine.advanceTo(Instant.parse("2026-03-29T06:00:00Z")); // 08:00 CEST
        assertThat(single(engine.notifications()).suggestionIds()).containsExactly(acrossDst.suggestionId());
    }

    @Test
    void aDigestQueuedBeforeTheTenantsZoneArrivedGoesOutAtTheRightLocalHour() throws Exception {
        engine.candidate(lowPriority("acct-1", USER, hours(4))); // 09:00 in New York; built-in defaults: 08:00 UTC
        engine.preferences(preferences(null).zone("America/New_York").at(hours(5))); // broadcast, arrives later
        engine.advanceTo(Instant.parse("2026-03-03T08:00:00Z"));
        assertThat(engine.notifications()).as("not at 08:00 UTC any more").isEmpty();

        engine.advanceTo(Instant.parse("2026-03-03T12:59:59Z"));
        assertThat(engine.notifications()).isEmpty();
        engine.advanceTo(Instant.parse("2026-03-03T13:00:00Z")); // 08:00 EST

        assertThat(single(engine.notifications()).channel()).isEqualTo("digest");
    }

    @Test
    void aUserGetsOneDigestPerLocalDayEvenWhenTheDigestHourMovesLater() throws Exception {
        engine.candidate(lowPriority("acct-1", USER, T0));
        engine.advanceTo(Instant.parse("2026-03-03T08:00:00Z"));
        Notification morning = single(engine.notifications());

        engine.preferences(preferences(USER).digestHour(20).at(Instant.parse("2026-03-03T09:00:00Z")));
        engine.candidate(lowPriority("acct-2", USER, Instant.parse("2026-03-03T10:00:00Z")));
        engine.advanceTo(Instant.parse("2026-03-03T23:59:59Z"));
        assertThat(engine.notifications()).as("the day's digest already went").isEmpty();
        engine.advanceTo(Instant.parse("2026-03-04T20:00:00Z"));

        Notification next = single(engine.notifications());
        assertThat(next.notificationId()).isNotEqualTo(morning.notificationId());
        assertThat(next.createdAt()).isEqualTo(Instant.parse("2026-03-04T20:00:00Z"));
    }

    @Test
    void theDigestGroupsByPriorityLinksEntitiesAndEscapesHostileNames() throws Exception {
        engine.preferences(preferences(USER).muted("deal_at_risk").address(ADDRESS).at(days(-1)));
        SuggestionCandidate hostile = candidate(TriggerType.MISSING_DATA, "acct-9", "<script>alert(1)</script>",
                T0, T0, USER);
        engine.candidate(hostile).candidate(bigDealAtRisk("opp-1", days(-14), T0));

        engine.advanceTo(days(1));

        Notification digest = single(engine.notifications());
        assertThat(digest.priority()).isEqualTo("high");
        assertThat(digest.markupBody()).doesNotContain("<script>").contains("&lt;script&gt;")
                .contains("href=\"https://crm.example.com/accounts/acct-9\"")
                .contains("href=\"https://crm.example.com/opportunities/opp-1\"");
        assertThat(digest.markupBody().indexOf("High priority")).isLessThan(digest.markupBody().indexOf("Low priority"));
        assertThat(digest.textBody()).contains("High priority").contains("Low priority").contains("<script>");
    }

    @Test
    void aSuggestionWhoseConditionClearedBeforeDeliveryIsWithdrawn() throws Exception {
        SuggestionCandidate queued = lowPriority("acct-1", USER, T0);
        engine.candidate(queued);
        engine.candidate(queued.clearedAt(hours(3)));

        assertThat(engine.suggestions()).extracting(Suggestion::status)
                .containsExactly(Suggestion.ACTIVE, Suggestion.WITHDRAWN);
        engine.advanceTo(days(2));
        assertThat(engine.notifications()).isEmpty();
        assertThat(engine.suggestions()).isEmpty();
    }

    @Test
    void aHeldPushIsWithdrawnButADeliveredOneStays() throws Exception {
        engine.preferences(preferences(USER).quiet("00:00", "23:59").at(days(-1)));
        SuggestionCandidate held = stale("acct-1", days(-34), T0);
        engine.candidate(held).candidate(held.clearedAt(hours(1)));
        engine.advanceTo(days(1));
        assertThat(engine.notifications()).isEmpty();

        engine.preferences(preferences(USER).quiet("03:00", "04:00").at(days(1)));
        SuggestionCandidate delivered = stale("acct-2", days(-34), days(1).plusSeconds(60));
        engine.candidate(delivered).candidate(delivered.clearedAt(days(1).plusSeconds(120)));

        assertThat(engine.suggestions()).extracting(Suggestion::status)
                .containsExactly(Suggestion.ACTIVE, Suggestion.WITHDRAWN, Suggestion.ACTIVE);
        assertThat(single(engine.notifications()).suggestionIds()).containsExactly(delivered.suggestionId());
    }

    @Test
    void mutedTypesReachOnlyTheDigest() throws Exception {
        engine.preferences(preferences(USER).muted("stale_account").at(days(-1)));

        engine.candidate(stale("acct-1", days(-34), T0));

        assertThat(single(engine.suggestions()).channels()).containsExactly("digest");
        assertThat(engine.notifications()).isEmpty();
        engine.advanceTo(days(1));
        assertThat(single(engine.notifications()).channel()).isEqualTo("digest");
    }

    @Test
    void tenantDefaultsApplyUntilAUserOverridesThemFieldByField() throws Exception {
        engine.preferences(preferences(null).minPush("high").zone("Asia/Tokyo").digestHour(9).at(days(-2)));
        engine.preferences(preferences("user-02").minPush("medium").at(days(-1)));

        engine.candidate(stale("acct-1", days(-34), T0)); // user-01: tenant default, medium is below "high"
        engine.candidate(candidate(TriggerType.STALE_ACCOUNT, "acct-2", "Beta", days(-34), T0, "user-02"));

        assertThat(engine.suggestions()).extracting(Suggestion::userId, Suggestion::channels).containsExactly(
                org.assertj.core.groups.Tuple.tuple(USER, List.of("digest")),
                org.assertj.core.groups.Tuple.tuple("user-02", List.of("inapp")));
        engine.advanceTo(Instant.parse("2026-03-03T00:00:00Z")); // 09:00 in Tokyo, the tenant's zone
        assertThat(engine.notifications()).extracting(Notification::channel).containsExactly("inapp", "digest");
    }

    @Test
    void aUserWhoKeepsDismissingATypeGetsItDemotedToTheDigestNeverDropped() throws Exception {
        for (int i = 0; i < 6; i++) {
            SuggestionCandidate hot = candidate(TriggerType.HOT_LEAD, "lead-" + i, "Lead " + i, hours(i), hours(i), USER);
            engine.candidate(hot);
            engine.feedback(feedback(hot.suggestionId(), TriggerType.HOT_LEAD, "dismissed", hours(i + 0.5)));
        }
        List<Suggestion> early = engine.suggestions();
        assertThat(early.get(0).channels()).containsExactly("inapp");

        engine.candidate(candidate(TriggerType.HOT_LEAD, "lead-9", "Lead 9", hours(10), hours(10), USER));

        Suggestion demoted = single(engine.suggestions());
        assertThat(demoted.status()).isEqualTo(Suggestion.ACTIVE);
        assertThat(demoted.priority()).isEqualTo("low");
        assertThat(demoted.channels()).containsExactly("digest");
    }

    @Test
    void aRepeatedAnswerTeachesOnceAndALaterAnswerReplacesIt() throws Exception {
        SuggestionCandidate hot = candidate(TriggerType.HOT_LEAD, "lead-1", "Lead 1", T0, T0, USER);
        engine.candidate(hot);
        UserFeedback dismissed = feedback(hot.suggestionId(), TriggerType.HOT_LEAD, "dismissed", hours(1));
        for (int i = 0; i < 5; i++) {
            engine.feedback(dismissed);
        }
        engine.feedback(feedback(hot.suggestionId(), TriggerType.HOT_LEAD, "accepted", hours(2)));

        AcceptanceCounts counts = engine.acceptanceOf(com.crmautopilot.operators.keys.TenantKeys.of(TENANT, USER));
        assertThat(counts.successes(TriggerType.HOT_LEAD.ordinal())).isEqualTo(1.0);
        assertThat(counts.failures(TriggerType.HOT_LEAD.ordinal())).isEqualTo(0.0);
    }

    @Test
    void feedbackReplayedAfterItsOutcomeWasSweptTeachesNothingAgain() throws Exception {
        SuggestionCandidate hot = candidate(TriggerType.HOT_LEAD, "lead-1", "Lead 1", T0, T0, USER);
        engine.candidate(hot);
        UserFeedback accepted = feedback(hot.suggestionId(), TriggerType.HOT_LEAD, "accepted", hours(1));
        engine.feedback(accepted);
        engine.advanceTo(T0.plus(java.time.Duration.ofDays(60)));

        engine.feedback(accepted);

        AcceptanceCounts counts = engine.acceptanceOf(com.crmautopilot.operators.keys.TenantKeys.of(TENANT, USER));
        assertThat(counts.successes(TriggerType.HOT_LEAD.ordinal())).isEqualTo(1.0);
    }

    @Test
    void candidatesWithoutAnOwnerAreKeptUnassignedAndNeverDelivered() throws Exception {
        SuggestionCandidate unowned = candidate(TriggerType.STALE_ACCOUNT, "acct-1", "Acme", days(-34), T0, null);

        engine.candidate(unowned).candidate(unowned);

        Suggestion suggestion = single(engine.suggestions());
        assertThat(suggestion.userId()).isNull();
        assertThat(suggestion.channels()).isEmpty();
        engine.advanceTo(days(3));
        assertThat(engine.notifications()).isEmpty();
    }

    @Test
    void anIdleKeysStateAndTimersAreAllGone() throws Exception {
        engine.close();
        engine = EngineHarness.open(settings().withRetention(Duration.ofDays(7), Duration.ofDays(30)));
        engine.preferences(preferences(USER).zone("Europe/Paris").quiet("22:00", "07:00").at(T0));
        SuggestionCandidate stale = stale("acct-1", days(-34), T0);
        engine.candidate(stale).candidate(lowPriority("acct-2", USER, T0));
        engine.feedback(feedback(stale.suggestionId(), TriggerType.STALE_ACCOUNT, "dismissed", hours(1)));
        assertThat(engine.keysWithState()).isPositive();

        engine.advanceTo(days(29));
        assertThat(engine.keysWithState()).isPositive(); // not idle long enough yet
        engine.advanceTo(days(45));

        assertThat(engine.keysWithState()).isZero();
        assertThat(engine.timers()).isZero();
    }

    @Test
    void expiredSlotsAreSweptWeeklyWhileTheUserStaysActive() throws Exception {
        String key = com.crmautopilot.operators.keys.TenantKeys.of(TENANT, USER);
        // stale_account cools down for 1 day in the test policies
        engine.candidate(stale("acct-1", days(-34), T0)).candidate(stale("acct-2", days(-34), T0));
        assertThat(engine.slotsOf(key)).isEqualTo(2);

        engine.advanceTo(days(6));
        assertThat(engine.slotsOf(key)).as("expired, but the week is not over").isEqualTo(2);

        engine.candidate(stale("acct-3", days(-30), days(6.5)));
        engine.advanceTo(T0.plus(SuggestionEngineFunction.SWEEP_INTERVAL));
        assertThat(engine.slotsOf(key)).as("acct-3 cools down until day 7.5: only it is left").isEqualTo(1);
        engine.candidate(stale("acct-1", days(8), days(8)));
        assertThat(engine.suggestions()).extracting(Suggestion::status).last().isEqualTo(Suggestion.ACTIVE);
    }

    private static SuggestionCandidate lowPriority(String account, String user, Instant at) {
        return candidate(TriggerType.MISSING_DATA, account, "Acct " + account, at, at, user);
    }

    private static <T> T single(List<T> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }
}
