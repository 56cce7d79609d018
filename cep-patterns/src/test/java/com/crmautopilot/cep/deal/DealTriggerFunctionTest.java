package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.crmautopilot.cep.deal.DealEvents.DEAL;
import static com.crmautopilot.cep.deal.DealEvents.OTHER_DEAL;
import static com.crmautopilot.cep.deal.DealEvents.OTHER_TENANT;
import static com.crmautopilot.cep.deal.DealEvents.TENANT;
import static com.crmautopilot.cep.deal.DealEvents.day;
import static com.crmautopilot.cep.deal.DealEvents.deal;
import static com.crmautopilot.cep.deal.DealEvents.endOf;
import static com.crmautopilot.cep.testing.Withdrawals.withdrawalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deal operator's craft: one timer per deal, state gone after close, per-tenant overrides. */
class DealTriggerFunctionTest {

    private static final LocalDate CLOSE = LocalDate.parse("2026-02-20");

    @Test
    void keepsExactlyOneTimerPerDealWhateverHappens() throws Exception {
        try (DealHarness deals = DealHarness.open()) {
            deals.send(deal().created(day(0), "qualification", CLOSE));
            assertThat(deals.timers()).isEqualTo(1);

            deals.send(deal().meeting(day(1), "c-1"), deal().stage(day(2), "qualification", "proposal"),
                    deal().closeDate(day(3), CLOSE.plusDays(10), CLOSE), deal().competitor(day(3), "Zoho"));
            assertThat(deals.timers()).as("replaced, not stacked").isEqualTo(1);

            deals.send(deal(TENANT, OTHER_DEAL).created(day(3), "qualification", CLOSE));
            assertThat(deals.timers()).isEqualTo(2);

            deals.advanceTo(day(20));
            assertThat(deals.timers()).as("each timer that fires is followed by exactly one").isEqualTo(2);
            assertThat(deals.state(TENANT, DEAL).timerAt).isGreaterThan(day(20).toEpochMilli());
        }
    }

    @Test
    void theNextTimerIsTheEarliestChangeNotJustTheDailyRecheck() throws Exception {
        try (DealHarness deals = DealHarness.open()) {
            // The tenant's deals leave qualification in 6 hours (median): this one stalls 12 hours in.
            deals.median(TENANT, "qualification", Duration.ofHours(6), 40)
                    .send(deal().created(day(0), "qualification", LocalDate.parse("2026-06-30")));

            assertThat(deals.state(TENANT, DEAL).timerAt).isEqualTo(day(0.5).toEpochMilli());
            deals.advanceTo(day(0.5));
            assertThat(deals.candidates(TriggerType.DEAL_STALLED)).hasSize(1);
            assertThat(deals.state(TENANT, DEAL).timerAt).as("then the daily recheck")
                    .isEqualTo(day(1.5).toEpochMilli());
        }
    }

    @Test
    void aWatermarkJumpSkipsTheDailyRechecksInBetween() throws Exception {
        try (DealHarness deals = DealHarness.open()) {
            deals.send(deal().created(day(0), "qualification", LocalDate.parse("2026-06-30")));

            deals.advanceTo(day(100));

            // Fired at the stall (day 28) on the way, then one recheck just past the watermark, not 100 daily ones.
            assertThat(deals.candidates(TriggerType.DEAL_STALLED)).singleElement()
                    .satisfies(c -> assertThat(c.firedAt()).isEqualTo(day(28)));
            assertThat(deals.state(TENANT, DEAL).timerAt).isEqualTo(day(100).toEpochMilli() + 1);
            assertThat(deals.timers()).isEqualTo(1);
        }
    }

    @Test
    void dueTimesRunBeforeALaterEventWhateverTheWatermark() throws Exception {
        LocalDate close = LocalDate.parse("2026-02-04"); // at-risk horizon opens 2026-01-22T00:00Z
        List<String> withWatermark;
        try (DealHarness deals = DealHarness.open()) {
            deals.send(deal().created(day(0), "proposal", close)).advanceTo(day(20));
            deals.send(deal().won(day(20)));
            withWatermark = deals.candidates(TriggerType.DEAL_AT_RISK).stream()
                    .map(c -> c.firedAt() + " " + c.cleared()).toList();
        }
        try (DealHarness deals = DealHarness.open()) {
            deals.send(deal().created(day(0), "proposal", close), deal().won(day(20)));

            assertThat(deals.candidates(TriggerType.DEAL_AT_RISK)).extracting(c -> c.firedAt() + " " + c.cleared())
                    .containsExactly("2026-01-22T00:00:00Z false", day(20) + " true")
                    .isEqualTo(withWatermark);
        }
    }

    @Test
    void aClosedDealBecomesATombstoneAndItsStateIsGoneAfterTheRetention() throws Exception {
        try (DealHarness deals = DealHarness.open()) {
            deals.send(deal().created(day(0), "negotiation", CLOSE), deal().competitor(day(1), "HubSpot"),
                    deal().contact(day(1), "c-1", "decision_maker"));
            deals.candidates();

            deals.send(deal().won(day(10)));
            assertThat(deals.candidates()).as("what was active is cleared").isNotEmpty()
                    .allSatisfy(c -> assertThat(c.cleared()).isTrue());
            DealState tombstone = deals.state(TENANT, DEAL);
            assertThat(tombstone.closed).isTrue();
            assertThat(tombstone.engagedContacts).isEmpty();
            assertThat(tombstone.competitors).isEmpty();
            assertThat(tombstone.timerAt).isEqualTo(day(17).toEpochMilli());
            assertThat(deals.timers()).isEqualTo(1);

            deals.send(deal().competitor(day(12), "Zoho"), deal().stage(day(12), "negotiation", "proposal"));
            assertThat(deals.candidates()).as("late events do not reopen a closed deal").isEmpty();

            deals.advanceTo(day(17));
            assertThat(deals.keyedStateEntries()).isZero();
            assertThat(deals.timers()).isZero();
            assertThat(deals.candidates()).isEmpty();
        }
    }

    @Test
    void aCloseThatArrivesBeforeTheCreationKeepsTheDealClosed() throws Exception {
        try (DealHarness deals = DealHarness.open()) {
            deals.send(deal().lost(day(9)), deal().created(day(0), "negotiation", CLOSE),
                    deal().competitor(day(1), "Zoho"));
            assertThat(deals.candidates()).isEmpty();
            assertThat(deals.timers()).isEqualTo(1);

            deals.advanceTo(day(16));

            assertThat(deals.candidates()).isEmpty();
            assertThat(deals.keyedStateEntries()).isZero();
            assertThat(deals.timers()).isZero();
        }
    }

    @Test
    void checkpointedStateShrinksBackAsDealsClose() throws Exception {
        try (DealHarness deals = DealHarness.open()) {
            long empty = deals.harness.snapshot(1, 1).getStateSize();
            for (int i = 0; i < 300; i++) {
                DealEvents d = deal(TENANT, "opp-" + i);
                deals.send(d.created(day(0), "negotiation", CLOSE), d.contact(day(1), "c-1", "decision_maker"),
                        d.meeting(day(2), "c-2"), d.competitor(day(3), "Zoho"));
            }
            long busy = deals.harness.snapshot(2, 2).getStateSize();
            for (int i = 0; i < 300; i++) {
                deals.send(deal(TENANT, "opp-" + i).lost(day(10)));
            }
            long tombstones = deals.harness.snapshot(3, 3).getStateSize();
            deals.advanceTo(day(17));
            long after = deals.harness.snapshot(4, 4).getStateSize();

            assertThat(busy).isGreaterThan(empty + 300 * 100L);
            assertThat(tombstones).isLessThan(busy);
            assertThat(after).isLessThanOrEqualTo(empty + 256);
        }
    }

    @Test
    void anOpenDealSilentForTheRetentionIsForgotten() throws Exception {
        DealTriggerConfig shortRetention = new DealTriggerConfig(Map.of(), Duration.ofDays(1), Duration.ofDays(7),
                Duration.ofDays(60));
        try (DealHarness deals = DealHarness.open(shortRetention)) {
            deals.send(deal().created(day(0), "qualification", LocalDate.parse("2026-01-20")));
            deals.advanceTo(day(70));
            assertThat(deals.keyedStateEntries()).as("60 days after its close date is not yet past").isEqualTo(1);

            deals.advanceTo(endOf(LocalDate.parse("2026-01-20")).plus(Duration.ofDays(60)));

            assertThat(deals.keyedStateEntries()).isZero();
            assertThat(deals.timers()).isZero();
        }
    }

    @Test
    void aTenantOverrideAppliesToThatTenantOnly() throws Exception {
        try (DealHarness deals = DealHarness.open()) {
            deals.override(TENANT, TriggerType.COMPETITOR_DETECTED, false, Map.of())
                    .override(TENANT, TriggerType.CLOSE_DATE_PASSED, null, Map.of("grace", "0h"));
            LocalDate close = LocalDate.parse("2026-01-20");
            deals.send(deal().created(day(0), "qualification", close), deal().competitor(day(1), "Zoho"),
                    deal(OTHER_TENANT, DEAL).created(day(0), "qualification", close),
                    deal(OTHER_TENANT, DEAL).competitor(day(1), "Zoho"));

            assertThat(deals.candidates(TriggerType.COMPETITOR_DETECTED)).singleElement()
                    .satisfies(c -> assertThat(c.tenantId()).isEqualTo(OTHER_TENANT));

            deals.advanceTo(endOf(close));
            assertThat(deals.candidates(TriggerType.CLOSE_DATE_PASSED)).singleElement()
                    .satisfies(c -> assertThat(c.tenantId()).isEqualTo(TENANT));
            deals.advanceTo(endOf(close).plus(Duration.ofHours(12)));
            assertThat(deals.candidates(TriggerType.CLOSE_DATE_PASSED)).singleElement()
                    .satisfies(c -> assertThat(c.tenantId()).isEqualTo(OTHER_TENANT));
        }
    }

    @Test
    void disablingATriggerForATenantClearsItsActiveCandidates() throws Exception {
        try (DealHarness deals = DealHarness.open()) {
            deals.send(deal().created(day(0), "qualification", CLOSE), deal().competitor(day(1), "Zoho"));
            SuggestionCandidate fired = deals.candidates(TriggerType.COMPETITOR_DETECTED).get(0);

            deals.override(TENANT, TriggerType.COMPETITOR_DETECTED, false, Map.of()).advanceTo(day(3));

            assertThat(deals.candidates(TriggerType.COMPETITOR_DETECTED)).singleElement()
                    .satisfies(withdrawalOf(fired))
                    .satisfies(c -> assertThat(c.facts()).containsEntry("cleared_reason",
                            DealTriggerFunction.REASON_DISABLED));
        }
    }

    @Test
    void anUnparsableOverrideIsRefusedAndTheDefaultsStay() throws Exception {
        try (DealHarness deals = DealHarness.open()) {
            deals.override(TENANT, TriggerType.DEAL_AT_RISK, null, Map.of("min_activities", "many"))
                    .override(TENANT, TriggerType.HOT_LEAD, false, Map.of());

            assertThat(deals.harness.getBroadcastState(DealTriggerState.OVERRIDES).entries()).isEmpty();
            deals.send(deal().created(day(0), "qualification", CLOSE), deal().competitor(day(1), "Zoho"));
            assertThat(deals.candidates(TriggerType.COMPETITOR_DETECTED)).hasSize(1);
        }
    }

    @Test
    void aReplayEmitsTheSameIds() throws Exception {
        List<String> first;
        List<String> second;
        try (DealHarness deals = DealHarness.open()) {
            replayableScenario(deals);
            first = deals.candidates().stream().map(c -> c.suggestionId() + c.cleared()).toList();
        }
        try (DealHarness deals = DealHarness.open()) {
            replayableScenario(deals);
            second = deals.candidates().stream().map(c -> c.suggestionId() + c.cleared()).toList();
        }
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void badDefaultsFailWhenTheJobIsBuilt() {
        var bad = Map.of(TriggerType.SINGLE_THREADED, new com.crmautopilot.cep.config.TriggerSettings(
                "single_threaded", true, Map.of("from_stage", "closing")));

        assertThatThrownBy(() -> DealTriggerConfig.of(bad)).hasMessageContaining("unknown stage closing");
    }

    @Test
    void overridesAreKeyedLikeTheSharedContract() {
        assertThat(new TriggerOverride(TENANT, "deal_at_risk", null, Map.of()).key())
                .isEqualTo(TriggerOverride.key(TENANT, TriggerType.DEAL_AT_RISK.wireName()));
    }

    private static void replayableScenario(DealHarness deals) throws Exception {
        deals.send(deal().created(day(0), "qualification", LocalDate.parse("2026-01-25")),
                deal().meeting(day(2), "c-1"), deal().stage(day(3), "qualification", "proposal"));
        deals.advanceTo(day(12));
        deals.send(deal().competitor(day(13), "Zoho"), deal().meeting(day(14), "c-2"));
        deals.advanceTo(day(40));
    }
}
