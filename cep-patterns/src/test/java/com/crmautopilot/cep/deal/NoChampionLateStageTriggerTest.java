package com.crmautopilot.cep.deal;

import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.crmautopilot.cep.deal.DealEvents.day;
import static com.crmautopilot.cep.deal.DealEvents.deal;
import static com.crmautopilot.cep.testing.Withdrawals.withdrawalOf;
import static org.assertj.core.api.Assertions.assertThat;

/** no_champion_late_stage: at negotiation with no champion among the deal's contacts (a day after getting there). */
class NoChampionLateStageTriggerTest extends DealTriggerTestCase {

    private static final TriggerType NO_CHAMPION = TriggerType.NO_CHAMPION_LATE_STAGE;
    private static final LocalDate CLOSE = LocalDate.parse("2026-06-30");

    @Test
    void firesADayIntoNegotiationWithoutAChampion() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE), deal().contact(day(1), "c-1", "decision_maker"),
                        deal().contact(day(1), "c-2", "economic_buyer"), deal().stage(day(4), "proposal", "negotiation"))
                .advanceTo(day(4.9));
        assertThat(deals.candidates(NO_CHAMPION)).isEmpty();

        deals.advanceTo(day(5));

        assertThat(deals.candidates(NO_CHAMPION)).singleElement().satisfies(c -> {
            assertThat(c.episodeStart()).isEqualTo(day(4));
            assertThat(c.facts()).containsEntry("engaged_contacts", "2").containsEntry("stage", "negotiation");
        });
    }

    @Test
    void aDealWithAChampionIsFine() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE), deal().contact(day(1), "c-1", "champion"),
                deal().stage(day(4), "proposal", "negotiation")).advanceTo(day(20));

        assertThat(deals.candidates(NO_CHAMPION)).isEmpty();
    }

    @Test
    void aChampionAddedLaterClearsIt() throws Exception {
        deals.send(deal().created(day(0), "negotiation", CLOSE)).advanceTo(day(2));
        SuggestionCandidate fired = deals.candidates(NO_CHAMPION).get(0);

        deals.send(deal().contact(day(3), "c-9", "champion"));

        assertThat(deals.candidates(NO_CHAMPION)).singleElement().satisfies(withdrawalOf(fired));
    }

    @Test
    void proposalStageIsNotLateEnough() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE)).advanceTo(day(20));

        assertThat(deals.candidates(NO_CHAMPION)).isEmpty();
    }

    @Test
    void neverFiresAfterTheDealClosed() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE), deal().stage(day(4), "proposal", "negotiation"),
                deal().won(day(4.5)), deal().stage(day(6), "proposal", "negotiation")).advanceTo(day(20));

        assertThat(deals.candidates(NO_CHAMPION)).isEmpty();
    }
}
