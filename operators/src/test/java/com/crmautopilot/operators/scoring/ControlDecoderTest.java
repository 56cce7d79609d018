package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.control.ControlCommand;
import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ControlDecoderTest {

    private static final ControlDecoder DECODER = decoder();
    private static final Instant AT = Instant.parse("2026-02-01T00:00:00Z");

    private static ControlDecoder decoder() {
        ControlDecoder decoder = new ControlDecoder();
        decoder.open();
        return decoder;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAnAnnouncementWithItsModelInline() {
        ModelAnnouncement sent = ModelAnnouncement.inline("acme", "lead-score", "lead-score-abc", utf8("{}"),
                new byte[]{1, 2}, AT);

        ControlMessage message = DECODER.decodeAnnouncement(Json.writeBytes(sent), "ai.models", 0, 7);

        assertThat(message.announcement()).isEqualTo(sent);
        assertThat(message.deadLetter()).isNull();
    }

    @Test
    void readsARollbackAndAUriAnnouncement() {
        assertThat(DECODER.decodeAnnouncement(utf8("""
                {"tenant_id":"acme","model_name":"lead-score","version":"v1"}"""), "ai.models", 0, 1)
                .announcement().isReactivation()).isTrue();
        assertThat(DECODER.decodeAnnouncement(utf8("""
                {"tenant_id":"acme","model_name":"lead-score","version":"v1","uri":"file:///models/v1"}"""),
                "ai.models", 0, 1).announcement().hasUri()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json at all | not_json",
            "[1, 2] | not_json",
            "{\"model_name\":\"lead-score\",\"version\":\"v1\"} | missing_field",
            "{\"tenant_id\":\"acme\",\"model_name\":\"lead-score\",\"version\":7} | wrong_type",
            "{\"tenant_id\":\"acme\",\"model_name\":\"lead-score\",\"version\":\"v1\",\"model_json_base64\":\"e30=\"} | invalid_payload",
            "{\"tenant_id\":\"acme\",\"model_name\":\"lead-score\",\"version\":\"v1\",\"model_json_base64\":\"e30=\",\"model_ubj_base64\":\"!!\"} | invalid_payload",
            "{\"tenant_id\":\"acme\",\"model_name\":\"lead-score\",\"version\":\"v1\",\"model_json_base64\":\"e30=\",\"model_ubj_base64\":\"e30=\",\"uri\":\"file:/x\"} | invalid_payload",
    })
    void deadLettersAnnouncementsItCannotServe(String json, String reason) {
        ControlMessage message = DECODER.decodeAnnouncement(utf8(json.trim()), "ai.models", 2, 41);

        DeadLetter deadLetter = message.deadLetter();
        assertThat(deadLetter).isNotNull();
        assertThat(deadLetter.reason().wireName()).isEqualTo(reason);
        assertThat(deadLetter.sourceTopic()).isEqualTo("ai.models");
        assertThat(deadLetter.sourcePartition()).isEqualTo(2);
        assertThat(deadLetter.sourceOffset()).isEqualTo(41);
        assertThat(deadLetter.originalBytes()).isEqualTo(utf8(json.trim()));
        assertThat(deadLetter.detail()).isNotBlank();
    }

    @Test
    void readsRescoreCommands() {
        ControlCommand one = ControlCommand.rescore("acme", "lead-1", true, AT);
        ControlCommand all = ControlCommand.rescoreAll("acme", AT);

        assertThat(DECODER.decodeCommand(Json.writeBytes(one), "crm.control", 0, 1).command()).isEqualTo(one);
        assertThat(DECODER.decodeCommand(Json.writeBytes(all), "crm.control", 0, 2).command()).isEqualTo(all);
        assertThat(DECODER.decodeCommand(Json.writeBytes(one), "crm.control", 0, 1).isSingleLeadRescore()).isTrue();
    }

    @Test
    void skipsCommandsForOtherJobs() {
        assertThat(DECODER.decodeCommand(utf8("{\"type\":\"kill_switch\",\"tenant_id\":\"acme\"}"), "crm.control", 0, 1))
                .isNull();
    }

    @Test
    void deadLettersCommandsMissingWhatTheyNeed() {
        DeadLetter noLead = DECODER.decodeCommand(utf8("{\"type\":\"rescore\",\"tenant_id\":\"acme\",\"command_id\":\"c9\"}"),
                "crm.control", 0, 3).deadLetter();
        DeadLetter noTenant = DECODER.decodeCommand(utf8("{\"type\":\"rescore_all\"}"), "crm.control", 0, 4).deadLetter();
        DeadLetter noType = DECODER.decodeCommand(utf8("{\"tenant_id\":\"acme\"}"), "crm.control", 0, 5).deadLetter();
        DeadLetter badForce = DECODER.decodeCommand(
                utf8("{\"type\":\"rescore\",\"tenant_id\":\"acme\",\"lead_id\":\"l\",\"force\":\"yes\"}"),
                "crm.control", 0, 6).deadLetter();

        assertThat(noLead.reason()).isEqualTo(DeadLetterReason.MISSING_REFERENCE);
        assertThat(noLead.tenantId()).isEqualTo("acme");
        assertThat(noLead.eventId()).isEqualTo("c9");
        assertThat(noTenant.reason()).isEqualTo(DeadLetterReason.MISSING_FIELD);
        assertThat(noType.reason()).isEqualTo(DeadLetterReason.MISSING_FIELD);
        assertThat(badForce.reason()).isEqualTo(DeadLetterReason.WRONG_TYPE);
        assertThat(badForce.detail()).contains("force");
    }

    @Test
    void neverThrowsOnEmptyOrNullBytes() {
        assertThat(DECODER.decodeCommand(null, "crm.control", 0, 1).deadLetter().reason())
                .isEqualTo(DeadLetterReason.NOT_JSON);
        assertThat(DECODER.decodeAnnouncement(new byte[0], "ai.models", 0, 1).deadLetter().reason())
                .isEqualTo(DeadLetterReason.NOT_JSON);
    }
}
