package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.Priority;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.crmautopilot.operators.suggest.SuggestFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PriorityAndLearningTest {

    private final PriorityFormula formula = PriorityFormula.defaults();
    private final AcceptanceModel model = AcceptanceModel.defaults();

    @Test
    void anAverageSuggestionForAnUnknownUserIsMedium() {
        double score = formula.score(0.5, stale("acct-1", days(-30), T0), 0.5);

        assertThat(score).isEqualTo(0.5);
        assertThat(formula.band(score, false)).isEqualTo(Priority.MEDIUM);
    }

    @Test
    void aBigDealClosingSoonIsHigh() {
        SuggestionCandidate deal = bigDealAtRisk("opp-1", days(-14), T0); // 200,000 closing in 3 days

        assertThat(formula.impact(200_000.0, null)).isEqualTo(2.0);
        assertThat(formula.urgency(deal)).isCloseTo(1 + 0.5 * Math.exp(-3.0 / 14), within(1e-9));
        assertThat(formula.band(formula.score(0.75, deal, 0.5), false)).isEqualTo(Priority.HIGH);
    }

    @Test
    void impactTakesTheLargerOfDealAndLeadAndIsBounded() {
        assertThat(formula.impact(null, null)).isEqualTo(1.0);
        assertThat(formula.impact(100.0, null)).isEqualTo(0.5);
        assertThat(formula.impact(1e9, null)).isEqualTo(2.0);
        assertThat(formula.impact(25_000.0, 90.0)).isEqualTo(1.4);
        assertThat(formula.impact(null, 0.0)).isEqualTo(0.5);
    }

    @Test
    void urgencyPeaksAtAndAfterTheCloseDateAndFadesFarFromIt() {
        assertThat(formula.urgency(closingIn(Duration.ofDays(-5)))).isEqualTo(1.5);
        assertThat(formula.urgency(closingIn(Duration.ZERO))).isEqualTo(1.5);
        assertThat(formula.urgency(closingIn(Duration.ofDays(90)))).isLessThan(1.001);
    }

    @Test
    void theBandsFollowTheDocumentedCutOffsAndDemotionAlwaysMeansLow() {
        assertThat(formula.band(0.60, false)).isEqualTo(Priority.HIGH);
        assertThat(formula.band(0.5999, false)).isEqualTo(Priority.MEDIUM);
        assertThat(formula.band(0.30, false)).isEqualTo(Priority.MEDIUM);
        assertThat(formula.band(0.2999, false)).isEqualTo(Priority.LOW);
        assertThat(formula.band(5.0, true)).isEqualTo(Priority.LOW);
    }

    @Test
    void aNewUserStartsAtTheTenantMeanShrunkTowardOneHalf() {
        assertThat(model.acceptance(0, 0, 0, 0)).isEqualTo(0.5);
        assertThat(model.acceptance(80, 20, 0, 0)).isCloseTo(81.0 / 102, within(1e-9));
        assertThat(model.acceptance(1, 0, 0, 0)).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void theUsersOwnAnswersOutweighThePriorAsTheyAccumulate() {
        double tenantLikesIt = model.acceptance(80, 20, 0, 0);
        double userDoesNot = model.acceptance(80, 20, 1, 19);

        assertThat(tenantLikesIt).isGreaterThan(0.75);
        assertThat(userDoesNot).isLessThan(0.2);
    }

    @Test
    void demotionNeedsEnoughOwnAnswersAndALowAcceptance() {
        int hot = TriggerType.HOT_LEAD.ordinal();
        AcceptanceCounts user = new AcceptanceCounts();
        user.add(hot, 0, 3);
        assertThat(model.learned(null, user, hot).demoted()).isFalse(); // 3 answers: not yet enough evidence
        user.add(hot, 0, 3);
        AcceptanceModel.Learned learned = model.learned(null, user, hot);
        assertThat(learned.acceptance()).isEqualTo(0.2);
        assertThat(learned.demoted()).isTrue();
    }

    @Test
    void feedbackWeightsAreDocumented() {
        assertThat(FeedbackWeights.of(com.crmautopilot.models.suggest.FeedbackAction.ACCEPTED)).isEqualTo(new FeedbackWeights(1, 0));
        assertThat(FeedbackWeights.of(com.crmautopilot.models.suggest.FeedbackAction.ACTED)).isEqualTo(new FeedbackWeights(1, 0));
        assertThat(FeedbackWeights.of(com.crmautopilot.models.suggest.FeedbackAction.DISMISSED)).isEqualTo(new FeedbackWeights(0, 1));
        assertThat(FeedbackWeights.of(com.crmautopilot.models.suggest.FeedbackAction.SNOOZED)).isEqualTo(new FeedbackWeights(0, 0.25));
        assertThat(FeedbackWeights.of(com.crmautopilot.models.suggest.FeedbackAction.APPROVED).teaches()).isFalse();
    }

    @Test
    void triggerPoliciesReadOnlyTheirKeysFromTheTriggersFileAndKeepDefaultsForTheRest() {
        TriggerPolicies policies = SuggestionEngineFunctionTest.settings().policies();

        assertThat(policies.of(TriggerType.STALE_ACCOUNT)).isEqualTo(
                new TriggerPolicy(0.5, Duration.ofDays(1), Duration.ofDays(10)));
        assertThat(policies.of(TriggerType.MISSING_DATA).basePriority()).isEqualTo(0.25);
        assertThat(policies.of(TriggerType.MISSING_DATA).cooldown()).isEqualTo(Duration.ofDays(30));
        assertThat(policies.of(TriggerType.HOT_LEAD).cooldown()).isEqualTo(Duration.ofHours(1));
        assertThat(policies.of(TriggerType.DEMO_REQUEST_UNANSWERED))
                .isEqualTo(TriggerPolicies.defaults().of(TriggerType.DEMO_REQUEST_UNANSWERED));
    }

    @Test
    void readsTheTriggerLibrarysOwnCatalogIgnoringItsOtherKeys() {
        java.nio.file.Path catalog = java.nio.file.Path.of("..", "conf", "triggers.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(catalog), "conf/triggers.yaml");

        TriggerPolicies policies = TriggerPolicies.fromFile(catalog);

        for (TriggerType type : TriggerType.values()) {
            TriggerPolicy policy = policies.of(type);
            assertThat(policy.basePriority()).as(type.wireName()).isBetween(0.01, 1.0);
            assertThat(policy.cooldown()).as(type.wireName()).isPositive();
        }
    }

    @Test
    void aMissingTriggersFileMeansTheBuiltInPolicies() {
        TriggerPolicies policies = TriggerPolicies.fromFileOrDefaults(java.nio.file.Path.of("no-such-dir", "triggers.yaml"));

        assertThat(policies.of(TriggerType.HOT_LEAD).basePriority()).isEqualTo(0.8);
    }

    @Test
    void aBadBasePriorityFailsAtLoadNamingTheTrigger() {
        String yaml = "triggers:\n  hot_lead:\n    params:\n      base_priority: urgent\n";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TriggerPolicies.fromYaml(yaml, "t.yaml"))
                .hasMessageContaining("t.yaml").hasMessageContaining("hot_lead");
    }

    private static SuggestionCandidate closingIn(Duration untilClose) {
        Instant at = T0;
        return new SuggestionCandidate("sg", TENANT, USER, "opportunity", "opp", "D", "deal_at_risk", at, at, false,
                Map.of(), null, null, at.plus(untilClose));
    }
}
