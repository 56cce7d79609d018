package com.crmautopilot.cep.account;

import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerOverrides;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StaleAccountReportTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration SILENCE = Duration.ofDays(30);
    private static final String TENANT = "acme";

    private KeyedBroadcastOperatorTestHarness<String, StaleAccountEvidence, TriggerOverride, SuggestionCandidate>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new StaleAccountReport(TriggerCatalog.defaults()), new StaleAccountTrigger.EvidenceAccount(),
                Types.STRING, TriggerOverrides.DESCRIPTOR);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static AccountTouch touch(String tenant, Instant at, String type, String by) {
        return new AccountTouch(tenant, "acct-1", type, by, at.toEpochMilli(), at.toEpochMilli(), "Acme Corp",
                "user-dana", SILENCE.toMillis());
    }

    private void later(AccountTouch touch) throws Exception {
        harness.processElement(StaleAccountEvidence.laterTouch(touch), touch.at());
    }

    private void silence(AccountTouch after, Instant seenAt) throws Exception {
        harness.processElement(StaleAccountEvidence.silenceAfter(after), seenAt.toEpochMilli());
    }

    @Test
    void aSilenceNamesTheLastTouchWithItsFactsOnceTheWatermarkReachesIt() throws Exception {
        Instant seen = T0.plus(SILENCE).plus(Duration.ofDays(4));
        silence(touch(TENANT, T0, "email.sent", "user-dana"), seen);
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.processBroadcastWatermark(Long.MAX_VALUE);
        harness.processWatermark(seen.toEpochMilli());
        assertThat(harness.extractOutputValues()).singleElement().satisfies(c -> {
            assertThat(c.suggestionId()).isEqualTo(SuggestionIds.of(TENANT, TriggerType.STALE_ACCOUNT, "acct-1", T0));
            assertThat(c.firedAt()).isEqualTo(T0.plus(SILENCE));
            assertThat(c.episodeStart()).isEqualTo(T0);
            assertThat(c.entityName()).isEqualTo("Acme Corp");
            assertThat(c.ownerUserId()).isEqualTo("user-dana");
            assertThat(c.facts()).containsEntry("days_silent", "30").containsEntry("last_touch_type", "email.sent")
                    .containsEntry("last_touch_by", "user-dana").containsEntry("last_touch_at", T0.toString());
        });
    }

    @Test
    void aLaterTouchOfTheStepIsTheRealLastTouch() throws Exception {
        Instant later = T0.plus(Duration.ofMinutes(40));
        later(touch(TENANT, later, "call.logged", "user-bob"));
        Instant seen = T0.plus(SILENCE).plus(Duration.ofHours(1));
        silence(touch(TENANT, T0, "email.sent", "user-dana"), seen);
        harness.processBroadcastWatermark(Long.MAX_VALUE);
        harness.processWatermark(seen.toEpochMilli());
        assertThat(harness.extractOutputValues()).singleElement().satisfies(c -> {
            assertThat(c.suggestionId())
                    .isEqualTo(SuggestionIds.of(TENANT, TriggerType.STALE_ACCOUNT, "acct-1", later));
            assertThat(c.firedAt()).isEqualTo(later.plus(SILENCE));
            assertThat(c.facts()).containsEntry("last_touch_type", "call.logged")
                    .containsEntry("last_touch_by", "user-bob").containsEntry("last_touch_at", later.toString());
        });
    }

    @Test
    void aLaterTouchOfAnEarlierStepIsNotTheLastTouch() throws Exception {
        later(touch(TENANT, T0.minus(Duration.ofDays(3)), "call.logged", "user-bob"));
        Instant seen = T0.plus(SILENCE).plus(Duration.ofHours(1));
        silence(touch(TENANT, T0, "email.sent", "user-dana"), seen);
        harness.processBroadcastWatermark(Long.MAX_VALUE);
        harness.processWatermark(seen.toEpochMilli());
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(c -> assertThat(c.episodeStart()).isEqualTo(T0));
    }

    @Test
    void aTouchOfTheStepAfterTheSilenceBelongsToTheNextEpisode() throws Exception {
        Instant seen = T0.plus(SILENCE).plus(Duration.ofHours(1));
        Instant next = seen.plus(Duration.ofMinutes(30));
        later(touch(TENANT, next, "call.logged", "user-bob"));
        silence(touch(TENANT, T0, "email.sent", "user-dana"), seen);
        harness.processBroadcastWatermark(Long.MAX_VALUE);
        harness.processWatermark(seen.toEpochMilli());
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(c -> assertThat(c.episodeStart()).isEqualTo(T0));

        // The kept touch names the next silence, which began with the step's first touch just before it.
        silence(touch(TENANT, next.minus(Duration.ofMinutes(20)), "web.visit", null),
                next.plus(SILENCE).plus(Duration.ofHours(1)));
        harness.processWatermark(next.plus(SILENCE).plus(Duration.ofHours(1)).toEpochMilli());
        assertThat(harness.extractOutputValues()).hasSize(2).last()
                .satisfies(c -> assertThat(c.episodeStart()).isEqualTo(next));
    }

    @Test
    void aTenantThatSwitchedTheTriggerOffGetsNoSuggestion() throws Exception {
        harness.processBroadcastElement(new TriggerOverride(TENANT, "stale_account", false, Map.of()), 0);
        Instant seen = T0.plus(SILENCE).plus(Duration.ofHours(1));
        silence(touch(TENANT, T0, "email.sent", "user-dana"), seen);
        silence(touch("globex", T0, "email.sent", "user-dana"), seen);
        harness.processBroadcastWatermark(Long.MAX_VALUE);
        harness.processWatermark(seen.toEpochMilli());
        assertThat(harness.extractOutputValues()).extracting(SuggestionCandidate::tenantId).containsExactly("globex");
    }

    @Test
    void itsStateIsGoneAfterTheReportAndLaterTouchesExpireByTtl() throws Exception {
        harness.setStateTtlProcessingTime(0);
        long empty = harness.snapshot(1, 1).getStateSize();
        later(touch(TENANT, T0.plusSeconds(60), "call.logged", "user-bob"));
        later(touch("globex", T0.plusSeconds(60), "call.logged", "user-bob"));
        long withTouches = harness.snapshot(2, 2).getStateSize();
        Instant seen = T0.plus(SILENCE).plus(Duration.ofHours(1));
        silence(touch(TENANT, T0, "email.sent", "user-dana"), seen);
        harness.processBroadcastWatermark(Long.MAX_VALUE);
        harness.processWatermark(seen.toEpochMilli());
        long afterReport = harness.snapshot(3, 3).getStateSize();
        harness.setStateTtlProcessingTime(Duration.ofDays(121).toMillis());
        long afterTtl = harness.snapshot(4, 4).getStateSize();
        assertThat(withTouches).isGreaterThan(empty);
        assertThat(afterReport).isLessThan(withTouches);
        assertThat(afterTtl).isLessThanOrEqualTo(empty);
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
