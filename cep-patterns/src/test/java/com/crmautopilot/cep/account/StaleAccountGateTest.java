package com.crmautopilot.cep.account;

import com.crmautopilot.cep.condense.AccountMark;
import com.crmautopilot.cep.condense.TriggerKeys;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerOverrides;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.crmautopilot.cep.testing.Marks.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StaleAccountGateTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();
    /** The end of T0's evaluation step (the shipped step is one hour): the pattern time of a touch at T0. */
    private static final long T0_STEP_END = T0.toEpochMilli() + HOUR;

    private KeyedBroadcastOperatorTestHarness<String, AccountMark, TriggerOverride, AccountTouch> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new StaleAccountGate(TriggerCatalog.defaults()), TriggerKeys.byAccount(), Types.STRING,
                TriggerOverrides.DESCRIPTOR);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(AccountMark mark) throws Exception {
        harness.processElement(mark, mark.at());
    }

    private static AccountMark touch(String tenant, String account, Instant at) {
        return AccountMark.touch(tenant, account, "call.logged", REP, at.toEpochMilli(), null);
    }

    @Test
    void touchesCarryTheAccountsNameOwnerAndSilence() throws Exception {
        send(profile(TENANT, "acct-1", true, true, true, T0));
        send(touch(TENANT, "acct-1", T0.plusSeconds(60)));
        assertThat(harness.extractOutputValues()).singleElement().satisfies(t -> {
            assertThat(t.accountName()).isEqualTo("Acme Corp");
            assertThat(t.ownerId()).isEqualTo(REP);
            assertThat(t.silenceMillis()).isEqualTo(30 * DAY);
            assertThat(t.cepAt()).isEqualTo(T0_STEP_END);
        });
    }

    @Test
    void aLongerTenantSilenceMovesPatternTimeAndAShorterOneIsRaisedToTheDefault() throws Exception {
        harness.processBroadcastElement(new TriggerOverride(TENANT, "stale_account", null,
                Map.of("silence", "45d")), 0);
        harness.processBroadcastElement(new TriggerOverride(OTHER_TENANT, "stale_account", null,
                Map.of("silence", "10d")), 0);
        send(touch(TENANT, "acct-1", T0));
        send(touch(OTHER_TENANT, "acct-1", T0));
        send(touch("initech", "acct-1", T0));
        List<AccountTouch> touches = harness.extractOutputValues();
        assertThat(touches).extracting(AccountTouch::cepAt)
                .containsExactly(T0_STEP_END + 15 * DAY, T0_STEP_END, T0_STEP_END);
        assertThat(touches).extracting(AccountTouch::silenceMillis).containsExactly(45 * DAY, 30 * DAY, 30 * DAY);
    }

    @Test
    void aStepsFirstTouchGoesToThePatternAndItsLaterOnesToTheReport() throws Exception {
        send(touch(TENANT, "acct-1", T0));
        send(touch(TENANT, "acct-1", T0.plusSeconds(600)));
        send(touch(TENANT, "acct-1", T0.plusSeconds(1200)));
        send(touch(TENANT, "acct-1", T0.plusSeconds(3600)));
        assertThat(harness.extractOutputValues()).extracting(AccountTouch::at, AccountTouch::cepAt).containsExactly(
                tuple(T0.toEpochMilli(), T0_STEP_END),
                tuple(T0.toEpochMilli() + HOUR, T0_STEP_END + HOUR));
        assertThat(harness.getSideOutput(StaleAccountGate.LATER_TOUCHES)).extracting(r -> r.getValue().at())
                .containsExactly(T0.toEpochMilli() + 600_000, T0.toEpochMilli() + 1_200_000);
    }

    @Test
    void theFirstTouchAfterTheTriggerIsSwitchedBackOnReachesThePattern() throws Exception {
        send(touch(TENANT, "acct-1", T0));
        harness.processBroadcastElement(new TriggerOverride(TENANT, "stale_account", false, Map.of()), 0);
        send(touch(TENANT, "acct-1", T0.plusSeconds(600)));
        harness.processBroadcastElement(new TriggerOverride(TENANT, "stale_account", true, Map.of()), 0);
        send(touch(TENANT, "acct-1", T0.plusSeconds(1200)));
        assertThat(harness.extractOutputValues()).extracting(AccountTouch::at)
                .containsExactly(T0.toEpochMilli(), T0.toEpochMilli() + 1_200_000);
        assertThat(harness.getSideOutput(StaleAccountGate.LATER_TOUCHES)).isNullOrEmpty();
    }

    @Test
    void aDisabledTenantsTouchesDoNotReachThePattern() throws Exception {
        harness.processBroadcastElement(new TriggerOverride(TENANT, "stale_account", false, Map.of()), 0);
        send(touch(TENANT, "acct-1", T0));
        send(touch(OTHER_TENANT, "acct-1", T0));
        assertThat(harness.extractOutputValues()).extracting(AccountTouch::tenantId).containsExactly(OTHER_TENANT);
    }

    @Test
    void aTouchAfterALongSilenceWithdrawsTheSuggestionOfThatSilence() throws Exception {
        send(touch(TENANT, "acct-1", T0));
        send(touch(TENANT, "acct-1", T0.plus(Duration.ofDays(10))));
        send(touch(TENANT, "acct-1", T0.plus(Duration.ofDays(45))));
        List<StreamRecord<SuggestionCandidate>> cleared = List.copyOf(harness.getSideOutput(StaleAccountGate.CLEARED));
        assertThat(cleared).singleElement().satisfies(record -> {
            assertThat(record.getValue().cleared()).isTrue();
            assertThat(record.getValue().suggestionId()).isEqualTo(SuggestionIds.of(TENANT,
                    TriggerType.STALE_ACCOUNT, "acct-1", T0.plus(Duration.ofDays(10))));
        });
    }

    @Test
    void itsStateExpiresByTtl() throws Exception {
        harness.setStateTtlProcessingTime(0);
        send(profile(TENANT, "acct-1", true, true, true, T0));
        send(touch(TENANT, "acct-1", T0));
        long withAccount = harness.snapshot(1, 1).getStateSize();
        harness.setStateTtlProcessingTime(Duration.ofDays(121).toMillis());
        assertThat(harness.snapshot(2, 2).getStateSize()).isLessThan(withAccount);
    }
}
