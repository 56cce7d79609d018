package com.crmautopilot.cep.account;

import com.crmautopilot.cep.condense.AccountMark;
import com.crmautopilot.cep.condense.TriggerKeys;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.testing.TriggerHarness;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.crmautopilot.cep.testing.Marks.*;
import static com.crmautopilot.cep.testing.Withdrawals.withdrawalOf;
import static org.assertj.core.api.Assertions.assertThat;

class MissingDataTriggerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private TriggerHarness<AccountMark> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new TriggerHarness<>(new MissingDataTrigger(TriggerCatalog.defaults()), TriggerKeys.byAccount());
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(AccountMark mark) throws Exception {
        harness.send(mark, mark.at());
    }

    @Test
    void firesAfterTheGraceWhenAnAccountWithAnOpenDealLacksRevenue() throws Exception {
        send(profile(TENANT, "acct-1", false, true, true, T0));
        harness.watermark(T0.plus(Duration.ofDays(3)));
        assertThat(harness.newCandidates()).isEmpty();
        send(dealOpened(TENANT, "acct-1", "opp-1", T0.plus(Duration.ofDays(4))));
        harness.watermark(T0.plus(Duration.ofDays(4)).plus(Duration.ofMinutes(59)));
        assertThat(harness.newCandidates()).isEmpty();
        harness.watermark(T0.plus(Duration.ofDays(4)).plus(Duration.ofHours(1)));
        assertThat(harness.newCandidates()).singleElement().satisfies(c -> {
            assertThat(c.entityKind()).isEqualTo("account");
            assertThat(c.entityName()).isEqualTo("Acme Corp");
            assertThat(c.ownerUserId()).isEqualTo(REP);
            assertThat(c.facts()).containsEntry("missing_fields", "annual_revenue")
                    .containsEntry("open_opportunities", "1");
        });
    }

    @Test
    void enrichmentWithinTheGraceMeansNoSuggestion() throws Exception {
        send(profile(TENANT, "acct-1", false, false, true, T0));
        send(dealOpened(TENANT, "acct-1", "opp-1", T0.plusSeconds(60)));
        send(profile(TENANT, "acct-1", true, true, true, T0.plusSeconds(600)));
        harness.watermark(T0.plus(Duration.ofDays(2)));
        assertThat(harness.newCandidates()).isEmpty();
        assertThat(harness.eventTimeTimers()).isZero();
    }

    @Test
    void aCompleteAccountOrOneWithoutOpenDealsNeverFires() throws Exception {
        send(profile(TENANT, "acct-1", true, true, true, T0));
        send(dealOpened(TENANT, "acct-1", "opp-1", T0.plusSeconds(60)));
        send(profile(TENANT, "acct-2", false, false, false, T0));
        harness.watermark(T0.plus(Duration.ofDays(2)));
        assertThat(harness.newCandidates()).isEmpty();
    }

    @Test
    void theDealClosingWithdrawsTheSuggestionAndDropsTheDeal() throws Exception {
        send(profile(TENANT, "acct-1", true, false, true, T0));
        send(dealOpened(TENANT, "acct-1", "opp-1", T0.plusSeconds(60)));
        harness.watermark(T0.plus(Duration.ofDays(1)));
        SuggestionCandidate fired = harness.newCandidates().get(0);
        int withDeal = harness.keyedStateEntries();
        send(dealClosed(TENANT, "acct-1", "opp-1", T0.plus(Duration.ofDays(2))));
        assertThat(harness.newCandidates()).singleElement().satisfies(withdrawalOf(fired));
        assertThat(harness.keyedStateEntries()).isLessThan(withDeal);
    }

    @Test
    void aTenantCanRequireFewerFields() throws Exception {
        harness.override(new TriggerOverride(TENANT, "missing_data", null, Map.of("required_fields", "industry")));
        for (String tenant : new String[] {TENANT, OTHER_TENANT}) {
            send(profile(tenant, "acct-1", false, true, true, T0));
            send(dealOpened(tenant, "acct-1", "opp-1", T0.plusSeconds(60)));
        }
        harness.watermark(T0.plus(Duration.ofDays(1)));
        assertThat(harness.newCandidates()).extracting(SuggestionCandidate::tenantId).containsExactly(OTHER_TENANT);
    }

    @Test
    void stateExpiresByTtl() throws Exception {
        harness.ttlClock(0);
        send(profile(TENANT, "acct-1", false, true, true, T0));
        long withAccount = harness.snapshotBytes(1);
        harness.ttlClock(Duration.ofDays(181).toMillis());
        long expired = harness.snapshotBytes(2);
        assertThat(expired).isLessThan(withAccount);
    }
}
