package com.crmautopilot.cep.deal;

import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static com.crmautopilot.cep.deal.DealEvents.AMOUNT;
import static com.crmautopilot.cep.deal.DealEvents.DEAL;
import static com.crmautopilot.cep.deal.DealEvents.DEAL_NAME;
import static com.crmautopilot.cep.deal.DealEvents.OWNER;
import static com.crmautopilot.cep.deal.DealEvents.TENANT;
import static com.crmautopilot.cep.deal.DealEvents.day;
import static com.crmautopilot.cep.deal.DealEvents.deal;
import static com.crmautopilot.cep.testing.Withdrawals.withdrawalOf;
import static org.assertj.core.api.Assertions.assertThat;

/** deal_at_risk: close date within 14 days and fewer than 3 touches in the last 14 days. */
class DealAtRiskTriggerTest extends DealTriggerTestCase {

    private static final TriggerType AT_RISK = TriggerType.DEAL_AT_RISK;
    /** 30 days after T0: the horizon opens 14 days before the end of that day. */
    private static final LocalDate CLOSE = LocalDate.parse("2026-02-04");
    private static final Instant HORIZON_OPENS = Instant.parse("2026-01-22T00:00:00Z");

    @Test
    void firesWhenTheCloseDateComesWithinTheHorizonOfAQuietDeal() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE), deal().meeting(day(1), "c-1"))
                .advanceTo(HORIZON_OPENS.minusMillis(1));
        assertThat(deals.candidates(AT_RISK)).isEmpty();

        deals.advanceTo(HORIZON_OPENS);

        assertThat(deals.candidates(AT_RISK)).singleElement().satisfies(c -> {
            assertThat(c.suggestionId()).isEqualTo(SuggestionIds.of(TENANT, AT_RISK, DEAL, HORIZON_OPENS));
            assertThat(c.cleared()).isFalse();
            assertThat(c.episodeStart()).isEqualTo(HORIZON_OPENS);
            assertThat(c.firedAt()).isEqualTo(HORIZON_OPENS);
            assertThat(c.ownerUserId()).isEqualTo(OWNER);
            assertThat(c.entityKind()).isEqualTo("opportunity");
            assertThat(c.entityId()).isEqualTo(DEAL);
            assertThat(c.entityName()).isEqualTo(DEAL_NAME);
            assertThat(c.dealAmount()).isEqualTo(AMOUNT);
            assertThat(c.closeDate()).isEqualTo(Instant.parse("2026-02-04T00:00:00Z"));
            assertThat(c.facts()).containsEntry("activities_in_window", "0")
                    .containsEntry("days_to_close", "13")
                    .containsEntry("close_date", "2026-02-04")
                    .containsEntry("deal_name", DEAL_NAME)
                    .containsEntry("last_activity_at", day(1).toString());
        });
    }

    @Test
    void waitsForRecentActivityToAgeOutAndDatesTheEpisodeThen() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE),
                deal().meeting(day(14), "c-1"), deal().email(day(15), "c-1"), deal().call(day(16), "c-1", "connected"))
                .advanceTo(HORIZON_OPENS.plusSeconds(3600));
        assertThat(deals.candidates(AT_RISK)).as("3 touches in the window: healthy").isEmpty();

        // The oldest of the three leaves the 14-day window on day 28: from then on there are only 2.
        Instant agesOut = day(14 + 14);
        deals.advanceTo(agesOut);

        assertThat(deals.candidates(AT_RISK)).singleElement().satisfies(c -> {
            assertThat(c.episodeStart()).isEqualTo(agesOut);
            assertThat(c.facts()).containsEntry("activities_in_window", "2");
        });
    }

    @Test
    void activityThatComesBackClearsTheCandidateWithTheSameId() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE)).advanceTo(HORIZON_OPENS);
        SuggestionCandidate fired = deals.candidates(AT_RISK).get(0);

        deals.send(deal().meeting(day(17.5), "c-1"), deal().call(day(18), "c-2", "voicemail"));
        assertThat(deals.candidates(AT_RISK)).as("two touches are still low activity").isEmpty();
        deals.send(deal().email(day(18.5), "c-1"));

        assertThat(deals.candidates(AT_RISK)).singleElement().satisfies(withdrawalOf(fired)).satisfies(
                c -> assertThat(c.facts()).containsEntry("cleared_reason", DealTriggerFunction.REASON_ENDED));
    }

    @Test
    void neverFiresForADealClosedBeforeTheHorizon() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE), deal().won(day(10)))
                .advanceTo(day(40));

        assertThat(deals.candidates(AT_RISK)).isEmpty();
    }

    @Test
    void doesNotFireWhenTheCloseDateMovedOutOfTheHorizon() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE),
                        deal().closeDate(day(15), LocalDate.parse("2026-03-31"), CLOSE))
                .advanceTo(day(40));

        assertThat(deals.candidates(AT_RISK)).isEmpty();
    }

    @Test
    void doesNotJudgeADealYoungerThanTheMinimumAge() throws Exception {
        // Created 10 days before its close date: inside the horizon at once, but only judged from day 7.
        deals.send(deal().created(day(0), "proposal", LocalDate.parse("2026-01-15"))).advanceTo(day(6.9));
        assertThat(deals.candidates(AT_RISK)).isEmpty();

        deals.advanceTo(day(7));

        assertThat(deals.candidates(AT_RISK)).singleElement()
                .satisfies(c -> assertThat(c.episodeStart()).isEqualTo(day(7)));
    }
}
