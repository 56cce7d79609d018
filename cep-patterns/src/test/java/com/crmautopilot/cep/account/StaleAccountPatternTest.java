package com.crmautopilot.cep.account;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.operator.CepOperator;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stale-account CEP pattern under Flink's operator harness, fed touches as the gate emits them (timestamped with
 * their pattern time) and driven by watermarks.
 */
class StaleAccountPatternTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration SILENCE = Duration.ofDays(30);
    private static final String TENANT = "acme";

    private KeyedOneInputStreamOperatorTestHarness<String, AccountTouch, StaleAccountEvidence> harness;
    private int consumed;

    @BeforeEach
    void open() throws Exception {
        harness = patternHarness(null);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, AccountTouch, StaleAccountEvidence> patternHarness(
            OperatorSubtaskState checkpoint) throws Exception {
        Pattern<AccountTouch, AccountTouch> pattern = StaleAccountPattern.of(SILENCE);
        CepOperator<AccountTouch, String, StaleAccountEvidence> operator = new CepOperator<>(
                TypeInformation.of(AccountTouch.class).createSerializer(new SerializerConfigImpl()), false,
                NFACompiler.compileFactory(pattern, false), null, pattern.getAfterMatchSkipStrategy(),
                new StaleAccountMatches(), null);
        KeyedOneInputStreamOperatorTestHarness<String, AccountTouch, StaleAccountEvidence> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(operator, new StaleAccountTrigger.TouchAccount(),
                        Types.STRING);
        harness.setup();
        if (checkpoint != null) {
            harness.initializeState(checkpoint);
        }
        harness.open();
        return harness;
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void touch(String tenant, String account, Instant at, Duration silence) throws Exception {
        long cepAt = at.toEpochMilli() + silence.toMillis() - SILENCE.toMillis();
        harness.processElement(new AccountTouch(tenant, account, "email.sent", "user-dana", at.toEpochMilli(), cepAt,
                "Acme Corp", "user-dana", silence.toMillis()), cepAt);
    }

    private void touch(String account, Instant at) throws Exception {
        touch(TENANT, account, at, SILENCE);
    }

    private List<StaleAccountEvidence> newSilences() {
        List<StaleAccountEvidence> all = harness.extractOutputValues();
        List<StaleAccountEvidence> fresh = List.copyOf(all.subList(consumed, all.size()));
        consumed = all.size();
        return fresh;
    }

    @Test
    void firesWhenThirtyDaysPassWithoutATouch() throws Exception {
        touch("acct-1", T0);
        harness.processWatermark(T0.plus(SILENCE).toEpochMilli() - 1);
        assertThat(newSilences()).isEmpty();
        harness.processWatermark(T0.plus(SILENCE).toEpochMilli() + 1);
        assertThat(newSilences()).singleElement().satisfies(s -> {
            assertThat(s.silence()).isTrue();
            assertThat(s.touch().at()).isEqualTo(T0.toEpochMilli());
            assertThat(s.touch().accountId()).isEqualTo("acct-1");
        });
    }

    @Test
    void aTouchWithinTheSilenceStartsANewEpisode() throws Exception {
        touch("acct-1", T0);
        touch("acct-1", T0.plus(Duration.ofDays(20)));
        harness.processWatermark(T0.plus(Duration.ofDays(40)).toEpochMilli());
        assertThat(newSilences()).isEmpty();
        harness.processWatermark(T0.plus(Duration.ofDays(51)).toEpochMilli());
        assertThat(newSilences()).extracting(s -> s.touch().at())
                .containsExactly(T0.plus(Duration.ofDays(20)).toEpochMilli());
    }

    @Test
    void aLongerTenantSilenceShiftsThePatternTime() throws Exception {
        touch("globex", "acct-1", T0, Duration.ofDays(45));
        harness.processWatermark(T0.plus(Duration.ofDays(44)).toEpochMilli());
        assertThat(newSilences()).isEmpty();
        harness.processWatermark(T0.plus(Duration.ofDays(46)).toEpochMilli());
        assertThat(newSilences()).singleElement().satisfies(s -> {
            assertThat(s.touch().at()).isEqualTo(T0.toEpochMilli());
            assertThat(s.touch().silenceMillis()).isEqualTo(Duration.ofDays(45).toMillis());
        });
    }

    @Test
    void aRestoredPatternStillFires() throws Exception {
        touch("acct-1", T0);
        harness.processWatermark(T0.plus(Duration.ofDays(10)).toEpochMilli());
        OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
        harness.close();
        harness = patternHarness(checkpoint);
        harness.processWatermark(T0.plus(Duration.ofDays(31)).toEpochMilli());
        assertThat(newSilences()).extracting(s -> s.touch().at()).containsExactly(T0.toEpochMilli());
    }

    /** Checkpointed CEP state grows with the silent accounts' pending matches and shrinks back once they fire. */
    @Test
    void checkpointedStateShrinksBackAsAccountsGoSilent() throws Exception {
        long empty = harness.snapshot(1, 1).getStateSize();
        int accounts = 300;
        for (int i = 0; i < accounts; i++) {
            touch("acct-" + i, T0.plusSeconds(i));
            touch("acct-" + i, T0.plusSeconds(i + 3600));
        }
        harness.processWatermark(T0.plus(Duration.ofDays(1)).toEpochMilli());
        long pending = harness.snapshot(2, 2).getStateSize();
        harness.processWatermark(T0.plus(Duration.ofDays(32)).toEpochMilli());
        assertThat(newSilences()).hasSize(accounts);
        long silent = harness.snapshot(3, 3).getStateSize();

        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                "stale_account CEP snapshot bytes: empty {0}, {1} accounts pending {2}, after firing {3}",
                empty, accounts, pending, silent);
        assertThat(pending).isGreaterThan(empty + accounts * 100L);
        // The buffered touches, partial matches and per-key NFA states are all gone.
        assertThat(silent).isLessThan(empty + 1_000);
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
