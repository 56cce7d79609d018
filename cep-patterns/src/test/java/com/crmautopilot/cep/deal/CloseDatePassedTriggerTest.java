package com.crmautopilot.cep.deal;

import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static com.crmautopilot.cep.deal.DealEvents.DEAL;
import static com.crmautopilot.cep.deal.DealEvents.TENANT;
import static com.crmautopilot.cep.deal.DealEvents.day;
import static com.crmautopilot.cep.deal.DealEvents.deal;
import static com.crmautopilot.cep.deal.DealEvents.endOf;
import static com.crmautopilot.cep.testing.Withdrawals.withdrawalOf;
import static org.assertj.core.api.Assertions.assertThat;

/** close_date_passed: an open deal whose close date is behind it (12 hours of grace after the close day). */
class CloseDatePassedTriggerTest extends DealTriggerTestCase {

    private static final TriggerType PASSED = TriggerType.CLOSE_DATE_PASSED;
    private static final LocalDate CLOSE = LocalDate.parse("2026-01-20");
    private static final Duration GRACE = Duration.ofHours(12);

    @Test
    void firesOnceTheCloseDayAndItsGraceAreOver() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE)).advanceTo(endOf(CLOSE).plus(GRACE).minusMillis(1));
        assertThat(deals.candidates(PASSED)).isEmpty();

        deals.advanceTo(endOf(CLOSE).plus(GRACE));

        assertThat(deals.candidates(PASSED)).singleElement().satisfies(c -> {
            assertThat(c.suggestionId()).isEqualTo(SuggestionIds.of(TENANT, PASSED, DEAL, endOf(CLOSE)));
            assertThat(c.episodeStart()).isEqualTo(endOf(CLOSE));
            assertThat(c.facts()).containsEntry("close_date", "2026-01-20").containsEntry("days_overdue", "0");
        });
        deals.advanceTo(endOf(CLOSE).plus(Duration.ofDays(10)));
        assertThat(deals.candidates(PASSED)).as("fires once per close date").isEmpty();
    }

    @Test
    void aCloseDateMovedBeforeItPassedDoesNotFireAtTheOldDate() throws Exception {
        LocalDate later = LocalDate.parse("2026-02-10");
        deals.send(deal().created(day(0), "proposal", CLOSE), deal().closeDate(day(12), later, CLOSE))
                .advanceTo(endOf(CLOSE).plus(Duration.ofDays(5)));
        assertThat(deals.candidates(PASSED)).isEmpty();

        deals.advanceTo(endOf(later).plus(GRACE));

        assertThat(deals.candidates(PASSED)).singleElement()
                .satisfies(c -> assertThat(c.episodeStart()).isEqualTo(endOf(later)));
    }

    @Test
    void movingAPassedCloseDateIntoTheFutureClearsIt() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE)).advanceTo(endOf(CLOSE).plus(GRACE));
        SuggestionCandidate fired = deals.candidates(PASSED).get(0);

        deals.send(deal().closeDate(endOf(CLOSE).plus(Duration.ofDays(1)), LocalDate.parse("2026-02-15"), CLOSE));

        assertThat(deals.candidates(PASSED)).singleElement().satisfies(withdrawalOf(fired));
    }

    @Test
    void neverFiresForADealClosedBeforeItsCloseDate() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE), deal().lost(day(10)))
                .advanceTo(endOf(CLOSE).plus(Duration.ofDays(3)));

        assertThat(deals.candidates(PASSED)).isEmpty();
    }

    @Test
    void closingAnOverdueDealClearsTheCandidate() throws Exception {
        deals.send(deal().created(day(0), "proposal", CLOSE)).advanceTo(endOf(CLOSE).plus(GRACE));
        SuggestionCandidate fired = deals.candidates(PASSED).get(0);

        deals.send(deal().won(endOf(CLOSE).plus(Duration.ofDays(2))));

        assertThat(deals.candidates(PASSED)).singleElement().satisfies(withdrawalOf(fired))
                .satisfies(c -> assertThat(c.facts().get("cleared_reason")).isEqualTo("deal_closed:won"));
    }

    @Test
    void theCloseDayEndIsTheStartOfTheNextDayInUtc() {
        assertThat(endOf(CLOSE)).isEqualTo(Instant.parse("2026-01-21T00:00:00Z"));
        assertThat(DealFacts.closeDayEnd(CLOSE.toEpochDay())).isEqualTo(endOf(CLOSE).toEpochMilli());
    }
}
