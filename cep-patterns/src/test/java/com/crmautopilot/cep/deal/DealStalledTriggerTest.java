package com.crmautopilot.cep.deal;

import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static com.crmautopilot.cep.deal.DealEvents.DEAL;
import static com.crmautopilot.cep.deal.DealEvents.OTHER_TENANT;
import static com.crmautopilot.cep.deal.DealEvents.TENANT;
import static com.crmautopilot.cep.deal.DealEvents.day;
import static com.crmautopilot.cep.deal.DealEvents.deal;
import static com.crmautopilot.cep.testing.Withdrawals.withdrawalOf;
import static org.assertj.core.api.Assertions.assertThat;

/** deal_stalled: in one stage for more than 2x the tenant's median stay there (14 days until the tenant has one). */
class DealStalledTriggerTest extends DealTriggerTestCase {

    private static final TriggerType STALLED = TriggerType.DEAL_STALLED;
    /** Far enough out that no date-driven trigger interferes. */
    private static final LocalDate CLOSE = LocalDate.parse("2026-06-30");

    @Test
    void usesTheFallbackMedianUntilTheTenantHasOne() throws Exception {
        deals.send(deal().created(day(0), "qualification", CLOSE)).advanceTo(day(27.9));
        assertThat(deals.candidates(STALLED)).isEmpty();

        deals.advanceTo(day(28));

        assertThat(deals.candidates(STALLED)).singleElement().satisfies(c -> {
            assertThat(c.suggestionId()).isEqualTo(SuggestionIds.of(TENANT, STALLED, DEAL, day(0)));
            assertThat(c.episodeStart()).isEqualTo(day(0));
            assertThat(c.firedAt()).isEqualTo(day(28));
            assertThat(c.facts()).containsEntry("stage", "qualification")
                    .containsEntry("days_in_stage", "28")
                    .containsEntry("median_days", "14.0")
                    .containsEntry("median_source", "default");
        });
    }

    @Test
    void usesTheTenantsOwnMedianForThatStageOnly() throws Exception {
        deals.median(TENANT, "qualification", Duration.ofDays(3), 40)
                .median(OTHER_TENANT, "qualification", Duration.ofDays(30), 40)
                .send(deal().created(day(0), "qualification", CLOSE),
                        deal(OTHER_TENANT, DEAL).created(day(0), "qualification", CLOSE))
                .advanceTo(day(5.9));
        assertThat(deals.candidates(STALLED)).isEmpty();

        deals.advanceTo(day(6));

        assertThat(deals.candidates(STALLED)).singleElement().satisfies(c -> {
            assertThat(c.tenantId()).isEqualTo(TENANT);
            assertThat(c.facts()).containsEntry("median_days", "3.0").containsEntry("median_source", "tenant");
        });
        deals.advanceTo(day(59));
        assertThat(deals.candidates(STALLED)).as("the other tenant's deals move slower").isEmpty();
        deals.advanceTo(day(60));
        assertThat(deals.candidates(STALLED)).singleElement()
                .satisfies(c -> assertThat(c.tenantId()).isEqualTo(OTHER_TENANT));
    }

    @Test
    void aMedianThatArrivesLaterAppliesWithinTheRecheckInterval() throws Exception {
        deals.send(deal().created(day(0), "qualification", CLOSE)).advanceTo(day(10));
        deals.median(TENANT, "qualification", Duration.ofDays(2), 40);
        assertThat(deals.candidates(STALLED)).isEmpty();

        deals.advanceTo(day(11));

        assertThat(deals.candidates(STALLED)).singleElement()
                .satisfies(c -> assertThat(c.facts()).containsEntry("median_source", "tenant"));
    }

    @Test
    void aDealThatMovesOnInTimeNeverStalls() throws Exception {
        deals.send(deal().created(day(0), "qualification", CLOSE), deal().stage(day(20), "qualification", "proposal"))
                .advanceTo(day(47));

        assertThat(deals.candidates(STALLED)).isEmpty();
    }

    @Test
    void movingOnClearsTheStallAndTheNextStageIsANewEpisode() throws Exception {
        deals.send(deal().created(day(0), "qualification", CLOSE)).advanceTo(day(30));
        SuggestionCandidate stalled = deals.candidates(STALLED).get(0);

        deals.send(deal().stage(day(31), "qualification", "proposal"));
        assertThat(deals.candidates(STALLED)).singleElement().satisfies(withdrawalOf(stalled));

        deals.advanceTo(day(31 + 28));
        assertThat(deals.candidates(STALLED)).singleElement().satisfies(c -> {
            assertThat(c.cleared()).isFalse();
            assertThat(c.episodeStart()).isEqualTo(day(31));
        });
    }

    @Test
    void neverFiresForAClosedDeal() throws Exception {
        deals.send(deal().created(day(0), "qualification", CLOSE), deal().lost(day(20))).advanceTo(day(60));

        assertThat(deals.candidates()).isEmpty();
    }
}
