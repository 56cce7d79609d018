package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.control.ControlCommand;
import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.models.output.ScoreHistoryEntry;
import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.Tier;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.crmautopilot.operators.scoring.TestProfiles.OTHER_TENANT;
import static com.crmautopilot.operators.scoring.TestProfiles.T0;
import static com.crmautopilot.operators.scoring.TestProfiles.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

/** The scoring operator in a harness: scores, decay timers, model rollout, manual rescores, history and cleanup. */
class LeadScoringFunctionTest {

    private static final LeadScorer SCORER = LeadScoringConfig.defaults().scorer();
    private static final Duration DAY = Duration.ofDays(1);

    private static LeadScoringConfig config() {
        return LeadScoringConfig.defaults();
    }

    private static GradientBoostedModel v1() {
        return TestModels.load(TestModels.v1());
    }

    private static Evaluation expected(GradientBoostedModel model, LeadProfile profile, Instant at) {
        return SCORER.evaluate(model, profile, at.toEpochMilli());
    }

    // ---- scoring

    @Test
    void scoresAProfileChangeWithReasonsActionsAndTheNextRescore() throws Exception {
        LeadProfile hot = TestProfiles.hot("lead-1", T0).build();
        try (ScoringHarness h = ScoringHarness.open(config())) {
            h.announce(TestModels.announce(TENANT, TestModels.v1())).profile(hot);

            List<LeadScore> scores = h.scores();
            assertThat(scores).hasSize(1);
            LeadScore score = scores.get(0);
            Evaluation expected = expected(v1(), hot, T0);
            assertThat(score.tenantId()).isEqualTo(TENANT);
            assertThat(score.leadId()).isEqualTo("lead-1");
            assertThat(score.score()).isEqualTo(expected.score());
            assertThat(score.tier()).isEqualTo(Tier.HOT).isEqualTo(expected.tier());
            assertThat(score.modelVersion()).isEqualTo(TestModels.v1().version);
            assertThat(score.scoredAt()).isEqualTo(T0);
            assertThat(score.trigger()).isEqualTo("demo.requested");
            assertThat(score.triggerEventId()).isEqualTo(hot.triggerEventId());
            assertThat(score.nextRescore()).isEqualTo(T0.plus(DAY));
            assertThat(score.scoreId()).isEqualTo(LeadScore.scoreId(TENANT, "lead-1", score.modelVersion(), T0,
                    score.score()));
            assertThat(score.factors().positive()).hasSizeBetween(1, 3)
                    .allSatisfy(f -> assertThat(f).matches(".+ \\(weight: \\d+\\.\\d\\d\\)"))
                    .anySatisfy(f -> assertThat(f).startsWith("Demo requested today (weight: "));
            assertThat(score.factors().negative()).allSatisfy(f -> assertThat(f).contains("(weight: -"));
            assertThat(score.suggestedActions()).startsWith("Schedule the demo call within 24 hours");
            assertThat(score.confidence()).isBetween(0.0, 1.0);
            assertThat(score.history()).singleElement().satisfies(entry -> {
                assertThat(entry.score()).isEqualTo(score.score());
                assertThat(entry.reason()).startsWith("First score " + score.score() + " (hot) after demo.requested");
            });
            assertThat(h.changes()).as("a first score is not a tier change").isEmpty();
            assertThat(h.timers()).isEqualTo(1);
        }
    }

    @Test
    void anUnchangedScoreIsNotEmittedAgain() throws Exception {
        LeadProfile first = TestProfiles.cold("lead-1", T0).build();
        // A new owner changes the profile but no feature the model reads.
        LeadProfile reassigned = TestProfiles.cold("lead-1", T0).version(2).trigger("lead.assigned").build();
        try (ScoringHarness h = ScoringHarness.open(config())) {
            h.announce(TestModels.announce(TENANT, TestModels.v1())).profile(first).profile(reassigned);

            assertThat(h.scores()).hasSize(1);
            assertThat(h.timers()).isEqualTo(1);
        }
    }

    @Test
    void smallMovesBelowTheMinimumChangeAreNotEmittedButTierChangesAre() throws Exception {
        Instant later = T0.plus(Duration.ofDays(40));
        LeadProfile fresh = TestProfiles.hot("lead-1", T0).build();
        LeadProfile aged = TestProfiles.hot("lead-1", T0).at(later).version(2).trigger("lead.updated").build();
        int freshScore = expected(v1(), fresh, T0).score();
        int agedScore = expected(v1(), aged, later).score();
        assertThat(agedScore).as("40 days move the score a little, not the tier").isNotEqualTo(freshScore)
                .isGreaterThan(freshScore - 20);
        assertThat(expected(v1(), aged, later).tier()).isEqualTo(Tier.HOT);
        try (ScoringHarness h = ScoringHarness.open(config().withMinScoreChange(20))) {
            h.announce(TestModels.announce(TENANT, TestModels.v1())).profile(fresh).profile(aged);
            assertThat(h.scores()).extracting(LeadScore::score).containsExactly(freshScore);

            h.profile(TestProfiles.cold("lead-1", later.plusSeconds(60)).version(3).build());
            assertThat(h.scores()).singleElement().extracting(LeadScore::tier).isEqualTo(Tier.COLD);
        }
    }

    @Test
    void leadsSeenBeforeAnyModelAreScoredInBulkWhenTheirTenantsModelArrives() throws Exception {
        try (ScoringHarness h = ScoringHarness.open(config())) {
            h.profile(TestProfiles.hot("lead-1", T0).build())
                    .profile(TestProfiles.cold("lead-2", T0).build())
                    .profile(TestProfiles.hot("lead-3", T0).tenant(OTHER_TENANT).build());
            assertThat(h.scores()).isEmpty();
            assertThat(h.timers()).as("timers do not wait for a model").isEqualTo(3);

            h.announce(TestModels.announce(TENANT, TestModels.v1()));

            List<LeadScore> scores = h.scores();
            assertThat(scores).extracting(LeadScore::leadId).containsExactlyInAnyOrder("lead-1", "lead-2");
            assertThat(scores).allSatisfy(s -> {
                assertThat(s.trigger()).isEqualTo(ScoringTriggers.MODEL_CHANGE);
                assertThat(s.modelVersion()).isEqualTo(TestModels.v1().version);
                assertThat(s.scoredAt()).isEqualTo(T0);
                assertThat(s.nextRescore()).isEqualTo(T0.plus(DAY));
            });
            assertThat(h.timers()).isEqualTo(3);
        }
    }

    @Test
    void theDefaultModelScoresTenantsThatHaveHadNoAnnouncement() throws Exception {
        try (ScoringHarness h = ScoringHarness.open(config().withDefaultModel(TestModels.v2()))) {
            h.profile(TestProfiles.hot("lead-1", T0).build());

            assertThat(h.scores()).singleElement().extracting(LeadScore::modelVersion)
                    .isEqualTo(TestModels.v2().version);
        }
    }

    // ---- decay timers

    @Test
    void eachLeadHasOneTimerThatEveryChangeReplaces() throws Exception {
        try (ScoringHarness h = ScoringHarness.open(config())) {
            h.announce(TestModels.announce(TENANT, TestModels.v1()));
            h.profile(TestProfiles.hot("lead-1", T0).build());
            assertThat(h.timers()).isEqualTo(1);

            h.profile(TestProfiles.hot("lead-1", T0.plus(Duration.ofHours(1))).version(2).visits(9).build());
            h.profile(TestProfiles.cold("lead-2", T0).build());
            assertThat(h.timers()).as("lead-1's timer moved, not added").isEqualTo(2);

            h.advanceTo(T0.plus(DAY)); // lead-2's timer fires; lead-1's is an hour later
            assertThat(h.timers()).isEqualTo(2);
            h.advanceTo(T0.plus(DAY).plus(Duration.ofHours(1)));
            assertThat(h.timers()).isEqualTo(2);
            h.scores();

            // A day later both fire again, each at its own replaced time.
            h.advanceTo(T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)));
            assertThat(h.timers()).isEqualTo(2);
        }
    }

    @Test
    void aQuietLeadDecaysDayByDayThenStopsAndIsDroppedAfterTheRetention() throws Exception {
        LeadProfile hot = TestProfiles.hot("lead-1", T0).build();
        try (ScoringHarness h = ScoringHarness.open(config())) {
            h.announce(TestModels.announce(TENANT, TestModels.v1())).profile(hot);
            int initial = h.scores().get(0).score();

            for (int day = 1; day <= 95; day++) {
                h.advanceTo(T0.plus(Duration.ofDays(day)));
                assertThat(h.timers()).isEqualTo(1);
            }
            List<LeadScore> decayed = h.scores();

            assertThat(decayed).isNotEmpty().allSatisfy(s -> {
                assertThat(s.trigger()).isEqualTo(ScoringTriggers.TIME_DECAY);
                assertThat(s.triggerEventId()).isNull();
                assertThat(Duration.between(T0, s.scoredAt()).toHours() % 24).as("a day at a time").isZero();
                assertThat(s.score()).isEqualTo(expected(v1(), hot, s.scoredAt()).score());
            });
            LeadScore last = decayed.get(decayed.size() - 1);
            assertThat(last.score()).isLessThan(initial);
            assertThat(last.tier()).isEqualTo(Tier.COLD);
            assertThat(last.scoredAt()).isBeforeOrEqualTo(T0.plus(RescoreSchedule.DEFAULT_DECAY_HORIZON));
            assertThat(decayed).extracting(LeadScore::scoredAt).isSorted();
            assertThat(h.changes()).extracting(ScoreChange::newTier).contains(Tier.COLD);

            // Past the decay horizon only the cleanup timer is left, at the end of the retention.
            h.advanceTo(T0.plus(Duration.ofDays(364)));
            assertThat(h.scores()).isEmpty();
            assertThat(h.timers()).isEqualTo(1);
            assertThat(h.keyedEntryCount()).isEqualTo(2);

            h.advanceTo(T0.plus(RescoreSchedule.DEFAULT_RETENTION));
            assertThat(h.timers()).isZero();
            assertThat(h.keyedEntryCount()).isZero();
        }
    }

    @Test
    void theLastScoreBeforeTheDecayHorizonAnnouncesNoFurtherRescore() throws Exception {
        LeadScoringConfig shortDecay = config().withSchedule(new RescoreSchedule(Duration.ofDays(1),
                Duration.ofDays(3), Duration.ofDays(10)));
        LeadProfile quiet = TestProfiles.cold("lead-1", T0).lastActivityAt(T0).touchedAt(T0).build();
        try (ScoringHarness h = ScoringHarness.open(shortDecay)) {
            h.announce(TestModels.announce(TENANT, TestModels.v1())).profile(quiet);
            assertThat(h.scores()).singleElement().extracting(LeadScore::nextRescore).isEqualTo(T0.plus(DAY));

            h.command(ControlCommand.rescore(TENANT, "lead-1", true, T0));
            h.advanceTo(T0.plus(Duration.ofDays(3)));
            h.command(ControlCommand.rescore(TENANT, "lead-1", true, T0));

            assertThat(h.scores()).last().extracting(LeadScore::nextRescore).isNull();
            assertThat(h.timers()).isEqualTo(1);
            h.advanceTo(T0.plus(Duration.ofDays(10)));
            assertThat(h.keyedEntryCount()).isZero();
        }
    }

    @Test
    void aTimerRescoresAtTheWindowExpiryWhenProfilesTellIt() throws Exception {
        Instant expiry = T0.plus(Duration.ofHours(5));
        LeadScoringConfig config = config().withWindowExpiry(profile -> expiry);
        try (ScoringHarness h = ScoringHarness.open(config)) {
            h.announce(TestModels.announce(TENANT, TestModels.v1()))
                    .profile(TestProfiles.hot("lead-1", T0).build());

            assertThat(h.scores()).singleElement().extracting(LeadScore::nextRescore).isEqualTo(expiry);
            h.advanceTo(expiry);
            assertThat(h.timers()).isEqualTo(1);
            h.scores();
            h.command(ControlCommand.rescore(TENANT, "lead-1", true, T0));
            assertThat(h.scores()).singleElement().extracting(LeadScore::nextRescore)
                    .as("the expiry has passed: back to the daily decay").isEqualTo(expiry.plus(DAY));
        }
    }

    @Test
    void aConvertedOrDisqualifiedLeadIsDroppedWithItsTimerAndHistory() throws Exception {
        try (ScoringHarness h = ScoringHarness.open(config())) {
            h.announce(TestModels.announce(TENANT, TestModels.v1()))
                    .profile(TestProfiles.hot("lead-1", T0).build())
                    .profile(TestProfiles.cold("lead-2", T0).build());
            assertThat(h.keyedEntries()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    LeadScoringFunction.STATE_NAME, 2L, LeadScoringFunction.HISTORY_NAME, 2L));
            h.scores();

            h.profile(TestProfiles.hot("lead-1", T0.plus(Duration.ofHours(1))).version(2)
                    .status(LeadProfile.STATUS_CONVERTED).trigger("lead.converted").build());
            h.profile(TestProfiles.cold("lead-2", T0.plus(Duration.ofHours(1))).version(2)
                    .status(LeadProfile.STATUS_DISQUALIFIED).trigger("lead.disqualified").build());
            // The profile operator still reports window expiries of closed leads: they must not bring them back.
            h.profile(TestProfiles.hot("lead-1", T0.plus(Duration.ofDays(30))).version(3)
                    .status(LeadProfile.STATUS_CONVERTED).trigger(ScoringTriggers.WINDOW_EXPIRY).build());

            assertThat(h.scores()).isEmpty();
            assertThat(h.timers()).isZero();
            assertThat(h.keyedEntryCount()).isZero();
        }
    }

    // ---- model rollout

    @Test
    void aNewVersionRescoresEveryLeadOfItsTenantAndScoresTheirNextEvents() throws Exception {
        List<LeadProfile> acme = List.of(TestProfiles.hot("lead-1", T0).build(),
                TestProfiles.cold("lead-2", T0).build(), TestProfiles.lead("lead-3").build());
        LeadProfile globex = TestProfiles.hot("lead-9", T0).tenant(OTHER_TENANT).build();
        try (ScoringHarness h = ScoringHarness.open(config())) {
            h.announce(TestModels.announce(TENANT, TestModels.v1()))
                    .announce(TestModels.announce(OTHER_TENANT, TestModels.v1()));
            for (LeadProfile p : acme) {
                h.profile(p);
            }
            h.profile(globex);
            assertThat(h.scores()).hasSize(4);

            h.announce(TestModels.announce(TENANT, TestModels.v2()));

            List<LeadScore> rescored = h.scores();
            GradientBoostedModel v2 = TestModels.load(TestModels.v2());
            assertThat(rescored).extracting(LeadScore::leadId).containsExactlyInAnyOrder("lead-1", "lead-2", "lead-3");
            assertThat(rescored).allSatisfy(s -> {
                assertThat(s.modelVersion()).isEqualTo(TestModels.v2().version);
                assertThat(s.trigger()).isEqualTo(ScoringTriggers.MODEL_CHANGE);
                LeadProfile profile = acme.stream().filter(p -> p.leadId().equals(s.leadId())).findFirst().orElseThrow();
                assertThat(s.score()).isEqualTo(expected(v2, profile, T0).score());
                assertThat(s.history()).hasSize(2);
                assertThat(s.reason()).contains("(model " + TestModels.v1().version + " to " + TestModels.v2().version + ")");
            });
            assertThat(h.tenantModels(TENANT).activeVersion).isEqualTo(TestModels.v2().version);
            assertThat(h.tenantModels(TENANT).versions)
                    .containsExactly(TestModels.v1().version, TestModels.v2().version);
            assertThat(h.storedArtifacts()).containsExactlyInAnyOrder(TestModels.v1().version, TestModels.v2().version);
            assertThat(h.timers()).as("a model swap moves no timer").isEqualTo(4);

            h.profile(TestProfiles.cold("lead-1", T0.plus(Duration.ofHours(2))).version(2).build());
            h.profile(TestProfiles.cold("lead-9", T0.plus(Duration.ofHours(2))).tenant(OTHER_TENANT).version(2)
                    .build());
            assertThat(h.scores()).extracting(LeadScore::leadId, LeadScore::modelVersion).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("lead-1", TestModels.v2().version),
                    org.assertj.core.groups.Tuple.tuple("lead-9", TestModels.v1().version));
        }
    }

    @Test
    void reAnnouncingAKnownVersionRollsBackToItWithoutItsBytes() throws Exception {
        List<LeadProfile> leads = List.of(TestProfiles.hot("lead-1", T0).build(),
                TestProfiles.cold("lead-2", T0).build());
        try (ScoringHarness h = ScoringHarness.open(config())) {
            h.announce(TestModels.announce(TENANT, TestModels.v1()));
            leads.forEach(p -> {
                try {
                    h.profile(p);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Map<String, Integer> v1Scores = scoresByLead(h.scores());
            h.announce(TestModels.announce(TENANT, TestModels.v2()));
            h.scores();

            h.announce(ModelAnnouncement.reactivate(TENANT, TestModels.NAME, TestModels.v1().version, T0));

            List<LeadScore> rolledBack = h.scores();
            assertThat(rolledBack).allSatisfy(s -> {
                assertThat(s.modelVersion()).isEqualTo(TestModels.v1().version);
                assertThat(s.history()).extracting(ScoreHistoryEntry::modelVersion).containsExactly(
                        TestModels.v1().version, TestModels.v2().version, TestModels.v1().version);
            });
            assertThat(scoresByLead(rolledBack)).isEqualTo(v1Scores);
            assertThat(h.tenantModels(TENANT).activeVersion).isEqualTo(TestModels.v1().version);
            assertThat(h.refusals()).isEmpty();

            h.announce(ModelAnnouncement.reactivate(TENANT, TestModels.NAME, TestModels.v1().version, T0));
            assertThat(h.scores()).as("the active version again: nothing to do").isEmpty();
        }
    }

    @Test
    void aTenantCanRollBackToTheDefaultModel() throws Exception {
        try (ScoringHarness h = ScoringHarness.open(config().withDefaultModel(TestModels.v2()))) {
            h.profile(TestProfiles.hot("lead-1", T0).build());
            h.announce(TestModels.announce(TENANT, TestModels.v1()));
            assertThat(h.scores()).extracting(LeadScore::modelVersion)
                    .containsExactly(TestModels.v2().version, TestModels.v1().version);

            h.announce(ModelAnnouncement.reactivate(TENANT, TestModels.NAME, TestModels.v2().version, T0));

            assertThat(h.scores()).singleElement().extracting(LeadScore::modelVersion)
                    .isEqualTo(TestModels.v2().version);
            assertThat(h.refusals()).isEmpty();
            assertThat(h.storedArtifacts()).as("the default model is never stored").containsExactly(TestModels.v1().version);
        }
    }

    @Test
    void aModelWhoseFeatureSpecDoesNotMatchIsRefusedDeadLetteredAndTheOldOneStays() throws Exception {
        try (ScoringHarness h = ScoringHarness.open(config())) {
            h.announce(TestModels.announce(TENANT, TestModels.v1()))
                    .profile(TestProfiles.hot("lead-1", T0).build());
            h.scores();

            ModelAnnouncement incompatible = TestModels.incompatible(TENANT);
            h.announce(incompatible);

            assertThat(h.scores()).isEmpty();
            List<DeadLetter> refusals = h.refusals();
            assertThat(refusals).singleElement().satisfies(d -> {
                assertThat(d.reason()).isEqualTo(DeadLetterReason.MODEL_REFUSED);
                assertThat(d.tenantId()).isEqualTo(TENANT);
                assertThat(d.eventId()).isEqualTo(incompatible.announcementId());
                assertThat(d.sourceTopic()).isEqualTo("ai.models");
                assertThat(d.detail()).contains("feature spec does not match").contains("campaign_name");
                assertThat(new String(d.originalBytes())).contains(incompatible.version())
                        .doesNotContain(incompatible.modelUbjBase64());
            });
            assertThat(h.tenantModels(TENANT).activeVersion).isEqualTo(TestModels.v1().version);
            assertThat(h.storedArtifacts()).containsExactly(TestModels.v1().version);

            h.profile(TestProfiles.hot("lead-1", T0.plus(Duration.ofHours(1))).version(2).visits(1).build());
            assertThat(h.scores()).allSatisfy(s -> assertThat(s.modelVersion()).isEqualTo(TestModels.v1().version));
        }
    }

    @Test
    void unreadableMislabelledOrUnknownModelsAreRefused() throws Exception {
        ModelArtifact v2 = TestModels.v2();
        ModelAnnouncement corrupt = new ModelAnnouncement("a-1", TENANT, TestModels.NAME, v2.version,
                Base64.getEncoder().encodeToString(v2.modelJson),
                Base64.getEncoder().encodeToString(new byte[]{1, 2, 3}), null, T0);
        ModelAnnouncement mislabelled = ModelAnnouncement.inline(TENANT, TestModels.NAME, "lead-score-v9",
                v2.modelJson, v2.modelUbj, T0);
        ModelAnnouncement unknown = ModelAnnouncement.reactivate(TENANT, TestModels.NAME, "lead-score-never-seen", T0);
        try (ScoringHarness h = ScoringHarness.open(config())) {
            h.announce(TestModels.announce(TENANT, TestModels.v1()));
            h.announce(corrupt).announce(mislabelled).announce(unknown);

            assertThat(h.refusals()).extracting(DeadLetter::detail).satisfiesExactly(
                    d -> assertThat(d).contains("cannot be read"),
                    d -> assertThat(d).contains("announced as version lead-score-v9 but the model is " + v2.version),
                    d -> assertThat(d).contains("is not known for tenant acme"));
            assertThat(h.tenantModels(TENANT).activeVersion).isEqualTo(TestModels.v1().version);
        }
    }

    @Test
    void announcementsOfOtherModelFamiliesAreIgnored() throws Exception {
        ModelArtifact v2 = TestModels.v2();
        try (ScoringHarness h = ScoringHarness.open(config())) {
            h.announce(ModelAnnouncement.inline(TENANT, "deal-health", v2.version, v2.modelJson, v2.modelUbj, T0));

            assertThat(h.refusals()).isEmpty();
            assertThat(h.tenantModels(TENANT)).isNull();
        }
    }

    @Test
    void onlyTheFirstSubtaskDeadLettersARefusal() throws Exception {
        try (ScoringHarness h = ScoringHarness.open(config(), null, 2, 1)) {
            h.announce(TestModels.incompatible(TENANT));

            assertThat(h.refusals()).isEmpty();
            assertThat(h.tenantModels(TENANT)).isNull();
        }
    }

    @Test
    void knownVersionsAreBoundedAndTheOldestCanNoLongerBeRolledBackTo() throws Exception {
        try (ScoringHarness h = ScoringHarness.open(config().withMaxKnownVersions(2))) {
            h.announce(TestModels.announce(TENANT, TestModels.v1()))
                    .announce(TestModels.announce(TENANT, TestModels.v2()))
                    .announce(TestModels.announce(TENANT, TestModels.v3()));

            assertThat(h.tenantModels(TENANT).versions).containsExactly(TestModels.v2().version, TestModels.v3().version);
            assertThat(h.storedArtifacts()).containsExactlyInAnyOrder(TestModels.v2().version, TestModels.v3().version);

            h.announce(ModelAnnouncement.reactivate(TENANT, TestModels.NAME, TestModels.v1().version, T0));
            assertThat(h.refusals()).singleElement().extracting(DeadLetter::detail).asString().contains("not known");
        }
    }

    // ---- manual rescores

    @Test
    void aManualRescoreScoresOneLeadAsOfTheWatermark() throws Exception {
        LeadScoringConfig noDailyTimer = config().withSchedule(new RescoreSchedule(Duration.ofDays(30),
                Duration.ofDays(90), Duration.ofDays(365)));
        LeadProfile hot = TestProfiles.hot("lead-1", T0).demo(T0.minus(Duration.ofDays(20))).build();
        Instant later = T0.plus(Duration.ofDays(20));
        assertThat(expected(v1(), hot, later).score()).as("20 days change this lead's score")
                .isNotEqualTo(expected(v1(), hot, T0).score());
        try (ScoringHarness h = ScoringHarness.open(noDailyTimer)) {
            h.announce(TestModels.announce(TENANT, TestModels.v1()))
                    .profile(hot).profile(TestProfiles.cold("lead-2", T0).build());
            h.scores();
            h.advanceTo(later);

            h.command(ControlCommand.rescore(TENANT, "lead-1", false, later));

            LeadScore rescored = h.scores().get(0);
            assertThat(rescored.leadId()).isEqualTo("lead-1");
            assertThat(rescored.trigger()).isEqualTo(ScoringTriggers.MANUAL_RESCORE);
            assertThat(rescored.scoredAt()).isEqualTo(later);
            assertThat(rescored.score()).isEqualTo(expected(v1(), hot, later).score());
            assertThat(rescored.history()).hasSize(2);

            h.command(ControlCommand.rescore(TENANT, "lead-1", false, later));
            assertThat(h.scores()).as("unchanged, not forced").isEmpty();

            h.command(ControlCommand.rescore(TENANT, "lead-1", true, later));
            assertThat(h.scores()).singleElement().satisfies(s -> {
                assertThat(s.score()).isEqualTo(rescored.score());
                assertThat(s.history()).as("a forced re-emission is not a change").hasSize(2);
            });

            h.command(ControlCommand.rescore(TENANT, "lead-unknown", true, later));
            assertThat(h.scores()).isEmpty();
            assertThat(h.keyedEntries().get(LeadScoringFunction.STATE_NAME)).isEqualTo(2);
        }
    }

    @Test
    void rescoreAllRescoresEveryLeadOfTheTenant() throws Exception {
        try (ScoringHarness h = ScoringHarness.open(config())) {
            h.announce(TestModels.announce(TENANT, TestModels.v1()))
                    .announce(TestModels.announce(OTHER_TENANT, TestModels.v1()))
                    .profile(TestProfiles.hot("lead-1", T0).build())
                    .profile(TestProfiles.cold("lead-2", T0).build())
                    .profile(TestProfiles.cold("lead-3", T0).tenant(OTHER_TENANT).build());
            h.scores();

            h.command(new ControlCommand("c-1", ControlCommand.RESCORE_ALL, TENANT, null, true, T0));

            assertThat(h.scores()).extracting(LeadScore::leadId, LeadScore::trigger).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("lead-1", ScoringTriggers.MANUAL_RESCORE),
                    org.assertj.core.groups.Tuple.tuple("lead-2", ScoringTriggers.MANUAL_RESCORE));
        }
    }

    // ---- history and tier changes

    @Test
    void theHistoryKeepsOnlyTheLastChangesOldestFirst() throws Exception {
        try (ScoringHarness h = ScoringHarness.open(config().withHistorySize(3))) {
            h.announce(TestModels.announce(TENANT, TestModels.v1()));
            for (int i = 0; i < 6; i++) {
                Instant at = T0.plus(Duration.ofHours(i));
                h.profile((i % 2 == 0 ? TestProfiles.hot("lead-1", at) : TestProfiles.cold("lead-1", at))
                        .version(i + 1).build());
            }

            List<LeadScore> scores = h.scores();
            assertThat(scores).hasSize(6);
            LeadScore last = scores.get(5);
            assertThat(last.history()).hasSize(3);
            assertThat(last.history()).extracting(ScoreHistoryEntry::scoredAt)
                    .containsExactly(T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(4)),
                            T0.plus(Duration.ofHours(5)));
            assertThat(last.history().get(2).score()).isEqualTo(last.score());
            assertThat(last.history()).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
        }
    }

    @Test
    void aTierChangeIsReportedWithTheOldTierTheNewTierAndWhy() throws Exception {
        LeadProfile cold = TestProfiles.cold("lead-1", T0).build();
        LeadProfile hot = TestProfiles.hot("lead-1", T0.plus(Duration.ofHours(1))).version(2).build();
        LeadProfile hotter = TestProfiles.hot("lead-1", T0.plus(Duration.ofHours(2))).version(3).visits(9)
                .build();
        LeadProfile coldAgain = TestProfiles.cold("lead-1", T0.plus(Duration.ofHours(3))).version(4).build();
        try (ScoringHarness h = ScoringHarness.open(config())) {
            h.announce(TestModels.announce(TENANT, TestModels.v1()));

            h.profile(cold).profile(hot).profile(hotter).profile(coldAgain);

            List<ScoreChange> changes = h.changes();
            assertThat(changes).extracting(ScoreChange::oldTier, ScoreChange::newTier).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Tier.COLD, Tier.HOT),
                    org.assertj.core.groups.Tuple.tuple(Tier.HOT, Tier.COLD));
            ScoreChange up = changes.get(0);
            assertThat(up.isUpgrade()).isTrue();
            assertThat(up.changedAt()).isEqualTo(hot.asOf());
            assertThat(up.trigger()).isEqualTo("demo.requested");
            assertThat(up.why()).startsWith("Rose from cold to hot (" + up.oldScore() + " to " + up.newScore()
                    + ") after demo.requested: ");
            assertThat(up.modelVersion()).isEqualTo(up.oldModelVersion()).isEqualTo(TestModels.v1().version);
            assertThat(changes.get(1).why()).startsWith("Fell from hot to cold");
            assertThat(h.scores()).extracting(LeadScore::tier).containsSubsequence(Tier.COLD, Tier.HOT, Tier.COLD);
        }
    }

    // ---- RocksDB

    @Test
    void rolloutDecayAndCleanupWorkTheSameOnRocksDb() throws Exception {
        try (ScoringHarness h = ScoringHarness.open(config(), new EmbeddedRocksDBStateBackend())) {
            h.announce(TestModels.announce(TENANT, TestModels.v1()))
                    .announce(TestModels.announce(OTHER_TENANT, TestModels.v1()))
                    .profile(TestProfiles.hot("lead-1", T0).build())
                    .profile(TestProfiles.cold("lead-2", T0).build())
                    .profile(TestProfiles.hot("lead-3", T0).tenant(OTHER_TENANT).build());
            assertThat(h.scores()).hasSize(3);

            h.announce(TestModels.announce(TENANT, TestModels.v2()));
            assertThat(h.scores()).extracting(LeadScore::leadId).containsExactlyInAnyOrder("lead-1", "lead-2");
            assertThat(h.timers()).isEqualTo(3);

            h.advanceTo(T0.plus(RescoreSchedule.DEFAULT_RETENTION).plus(DAY));
            assertThat(h.timers()).isZero();
            assertThat(h.keyedEntryCount()).isZero();
        }
    }

    private static Map<String, Integer> scoresByLead(List<LeadScore> scores) {
        Map<String, Integer> byLead = new java.util.TreeMap<>();
        scores.forEach(s -> byLead.put(s.leadId(), s.score()));
        return byLead;
    }
}
