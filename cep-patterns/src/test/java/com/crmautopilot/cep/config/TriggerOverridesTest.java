package com.crmautopilot.cep.config;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerOverridesTest {

    private static Optional<TriggerOverride> decode(String json) {
        return TriggerOverrides.fromControlJson(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesATriggerConfigRecord() {
        assertThat(decode("""
                {"type": "trigger_config", "tenant_id": "acme", "trigger_type": "inactive_lead",
                 "enabled": false, "params": {"silence": "10d", "retain_after_fire": 14}}"""))
                .contains(new TriggerOverride("acme", "inactive_lead", false,
                        Map.of("silence", "10d", "retain_after_fire", "14")));
    }

    @Test
    void enabledAndParamsAreOptionalAndTheirAbsenceIsAReset() {
        Optional<TriggerOverride> reset = decode("""
                {"type": "trigger_config", "tenant_id": "acme", "trigger_type": "hot_lead"}""");
        assertThat(reset).isPresent();
        assertThat(TriggerOverrides.isReset(reset.get())).isTrue();
    }

    @Test
    void otherCommandsAndMalformedRecordsGiveNothingAndNeverThrow() {
        assertThat(decode("""
                {"type": "rescore", "tenant_id": "acme", "lead_id": "l-1"}""")).isEmpty();
        assertThat(decode("{not json")).isEmpty();
        assertThat(decode("[1, 2]")).isEmpty();
        assertThat(decode("")).isEmpty();
        assertThat(decode(null)).isEmpty();
        assertThat(decode("""
                {"type": "trigger_config", "tenant_id": "acme", "trigger_type": "not_a_trigger"}""")).isEmpty();
        assertThat(decode("""
                {"type": "trigger_config", "trigger_type": "hot_lead"}""")).isEmpty();
        assertThat(decode("""
                {"type": "trigger_config", "tenant_id": "acme", "trigger_type": "hot_lead", "enabled": "no"}"""))
                .isEmpty();
        assertThat(decode("""
                {"type": "trigger_config", "tenant_id": "acme", "trigger_type": "hot_lead", "params": {"a": [1]}}"""))
                .isEmpty();
        assertThat(TriggerOverrides.fromControlJson(new byte[] {(byte) 0xff, (byte) 0xfe, 0})).isEmpty();
    }
}
