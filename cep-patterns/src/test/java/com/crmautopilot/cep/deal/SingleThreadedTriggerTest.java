package com.crmautopilot.cep.deal;

import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static com.crmautopilot.cep.deal.DealEvents.day;
import static com.crmautopilot.cep.deal.DealEvents.deal;
import static com.crmautopilot.cep.testing.Withdrawals.withdrawalOf;
import static org.assertj.core.api.Assertions.assertThat;

/** single_threaded: at proposal or later with only one engaged contact (a day after getting there). */
class SingleThreadedTriggerTest extends DealTriggerTestCase {

    private static final TriggerType SINGLE = TriggerType.SINGLE_THREADED;
    private static final LocalDate CLOSE = LocalDate.parse("2026-06-30");

    @Test
    void firesADayAfterReachingProposalWithOneContact() throws Exception {
        deals.send(deal().created(day(0), "qualification", CLOSE), deal().contact(day(1), "c-1", "champion"),
                        deal().email(day(2), "c-2"), deal().stage(day(5), "qualification", "proposal"))
                .advanceTo(day(5.9));
        assertThat(deals.candidates(SINGLE)).isEmpty();

        deals.advanceTo(day(6));

        assertThat(deals.candidates(SINGLE)).singleElement().satisfies(c -> {
            assertThat(c.episodeStart()).isEqualTo(day(5));
            assertThat(c.facts()).containsEntry("engaged_contacts", "1").containsEntry("only_contact_id", "c-1")
                    .containsEntry("stage", "proposal");
        });
        deals.send(deal().stage(day(7), "proposal", "negotiation")).advanceTo(day(9));
        assertThat(deals.candidates(SINGLE)).as("still the same late-stage episode").isEmpty();
    }

    @Test
    void twoEngagedContactsAreNotSingleThreaded() throws Exception {
        deals.send(deal().created(day(0), "qualification", CLOSE), deal().contact(day(1), "c-1", "champion"),
                        deal().meeting(day(2), "c-2"), deal().stage(day(5), "qualification", "proposal"))
                .advanceTo(day(20));

        assertThat(deals.candidates(SINGLE)).isEmpty();
    }

    @Test
    void anEarlyStageDealWithOneContactIsNotJudged() throws Exception {
        deals.send(deal().created(day(0), "qualification", CLOSE), deal().contact(day(1), "c-1", "champion"))
                .advanceTo(day(20));

        assertThat(deals.candidates(SINGLE)).isEmpty();
    }

    @Test
    void aSecondContactEngagingClearsIt() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE), deal().contact(day(0.1), "c-1", "decision_maker"))
                .advanceTo(day(2));
        SuggestionCandidate fired = deals.candidates(SINGLE).get(0);

        deals.send(deal().call(day(3), "c-2", "voicemail"));
        assertThat(deals.candidates(SINGLE)).as("a voicemail engages nobody").isEmpty();
        deals.send(deal().call(day(3.5), "c-2", "connected"));

        assertThat(deals.candidates(SINGLE)).singleElement().satisfies(withdrawalOf(fired));
    }

    @Test
    void neverFiresForADealClosedWithinTheDelay() throws Exception {
        deals.send(deal().created(day(0), "qualification", CLOSE), deal().stage(day(5), "qualification", "proposal"),
                deal().won(day(5.5))).advanceTo(day(30));

        assertThat(deals.candidates()).isEmpty();
    }
}
