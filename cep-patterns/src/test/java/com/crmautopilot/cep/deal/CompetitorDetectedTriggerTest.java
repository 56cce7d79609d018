package com.crmautopilot.cep.deal;

import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.crmautopilot.cep.deal.DealEvents.DEAL;
import static com.crmautopilot.cep.deal.DealEvents.TENANT;
import static com.crmautopilot.cep.deal.DealEvents.day;
import static com.crmautopilot.cep.deal.DealEvents.deal;
import static com.crmautopilot.cep.testing.Withdrawals.withdrawalOf;
import static org.assertj.core.api.Assertions.assertThat;

/** competitor_detected: a competitor noted on an open deal. */
class CompetitorDetectedTriggerTest extends DealTriggerTestCase {

    private static final TriggerType COMPETITOR = TriggerType.COMPETITOR_DETECTED;
    private static final LocalDate CLOSE = LocalDate.parse("2026-06-30");

    @Test
    void firesAsSoonAsACompetitorIsNoted() throws Exception {
        deals.send(deal().created(day(0), "qualification", CLOSE), deal().competitor(day(2), "Salesforce"));

        assertThat(deals.candidates(COMPETITOR)).singleElement().satisfies(c -> {
            assertThat(c.suggestionId()).isEqualTo(SuggestionIds.of(TENANT, COMPETITOR, DEAL, day(2)));
            assertThat(c.firedAt()).isEqualTo(day(2));
            assertThat(c.facts()).containsEntry("competitor", "Salesforce");
        });
    }

    @Test
    void theSameCompetitorAgainIsNotNewsButANewOneReplacesTheCandidate() throws Exception {
        deals.send(deal().created(day(0), "qualification", CLOSE), deal().competitor(day(2), "Salesforce"));
        SuggestionCandidate first = deals.candidates(COMPETITOR).get(0);

        deals.send(deal().competitor(day(3), "salesforce"));
        assertThat(deals.candidates(COMPETITOR)).isEmpty();

        deals.send(deal().competitor(day(4), "HubSpot"));
        List<SuggestionCandidate> candidates = deals.candidates(COMPETITOR);

        assertThat(candidates).hasSize(2);
        assertThat(candidates.get(0).cleared()).isTrue();
        assertThat(candidates.get(0).suggestionId()).isEqualTo(first.suggestionId());
        assertThat(candidates.get(1).cleared()).isFalse();
        assertThat(candidates.get(1).episodeStart()).isEqualTo(day(4));
        assertThat(candidates.get(1).facts()).containsEntry("competitor", "HubSpot")
                .containsEntry("competitors", "Salesforce, HubSpot");
    }

    @Test
    void closingTheDealClearsIt() throws Exception {
        deals.send(deal().created(day(0), "qualification", CLOSE), deal().competitor(day(2), "Zoho"));
        SuggestionCandidate fired = deals.candidates(COMPETITOR).get(0);

        deals.send(deal().lost(day(3)));

        assertThat(deals.candidates(COMPETITOR)).singleElement().satisfies(withdrawalOf(fired))
                .satisfies(c -> assertThat(c.facts()).containsEntry("cleared_reason", "deal_closed:lost"));
    }

    @Test
    void aCompetitorNotedAfterTheCloseIsIgnored() throws Exception {
        deals.send(deal().created(day(0), "qualification", CLOSE), deal().won(day(3)),
                deal().competitor(day(4), "Pipedrive"));

        assertThat(deals.candidates()).isEmpty();
    }
}
