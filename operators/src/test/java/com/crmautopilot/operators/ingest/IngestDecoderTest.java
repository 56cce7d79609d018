package com.crmautopilot.operators.ingest;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.validation.ValidatorConfig;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.Set;

import static com.crmautopilot.operators.testing.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

class IngestDecoderTest {

    private final IngestDecoder decoder = IngestDecoder.withDefaults();

    @Test
    void decodesValidBytesIntoTheEvent() {
        CrmEvent event = leadEvent(EventType.EMAIL_OPENED, T0);

        Ingested ingested = decoder.decode(bytes(event), "crm.events", 3, 42L);

        assertThat(ingested.isEvent()).isTrue();
        assertThat(ingested.event()).isEqualTo(event);
        assertThat(ingested.deadLetter()).isNull();
    }

    @Test
    void parksBytesThatAreNotJsonWithTheirSourcePositionAndOriginalBytes() {
        byte[] garbage = utf8("{\"tenant_id\": \"acme\", oops");

        Ingested ingested = decoder.decode(garbage, "crm.events", 3, 42L);

        assertThat(ingested.isEvent()).isFalse();
        DeadLetter deadLetter = ingested.deadLetter();
        assertThat(deadLetter.reason()).isEqualTo(DeadLetterReason.NOT_JSON);
        assertThat(deadLetter.sourceTopic()).isEqualTo("crm.events");
        assertThat(deadLetter.sourcePartition()).isEqualTo(3);
        assertThat(deadLetter.sourceOffset()).isEqualTo(42L);
        assertThat(deadLetter.originalBytes()).isEqualTo(garbage);
        assertThat(deadLetter.detail()).isNotBlank();
    }

    @Test
    void namesTheTenantAndEventOfARecordThatCouldBeRead() {
        byte[] unknownType = utf8("{\"tenant_id\":\"acme\",\"event_id\":\"e-1\",\"type\":\"lead.teleported\","
                + "\"occurred_at\":\"2026-01-05T09:00:00Z\",\"schema_version\":1,\"lead_id\":\"lead-1\"}");

        DeadLetter deadLetter = decoder.decode(unknownType, "crm.events", 0, 7L).deadLetter();

        assertThat(deadLetter.reason()).isEqualTo(DeadLetterReason.UNKNOWN_TYPE);
        assertThat(deadLetter.tenantId()).isEqualTo("acme");
        assertThat(deadLetter.eventId()).isEqualTo("e-1");
    }

    @Test
    void parksATombstoneInsteadOfFailing() {
        DeadLetter deadLetter = decoder.decode(null, "crm.events", 1, 9L).deadLetter();

        assertThat(deadLetter.reason()).isEqualTo(DeadLetterReason.NOT_JSON);
        assertThat(deadLetter.originalBytes()).isEmpty();
    }

    @Test
    void neverThrowsOnRandomBytes() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            Ingested ingested = decoder.decode(noise, "crm.events", 0, i);
            assertThat(ingested.deadLetter()).as("record %d", i).isNotNull();
            assertThat(ingested.deadLetter().sourceOffset()).isEqualTo(i);
        }
    }

    @Test
    void keepsItsValidatorLimitsAcrossJavaSerialization() throws Exception {
        ValidatorConfig strict = new ValidatorConfig(100, Duration.ofMinutes(1), Set.of(1));
        IngestDecoder shipped = InstantiationUtil.clone(new IngestDecoder(strict));

        byte[] big = bytes(leadEvent(EventType.EMAIL_OPENED, T0));
        assertThat(big.length).isGreaterThan(100);

        assertThat(shipped.config()).isEqualTo(strict);
        assertThat(shipped.decode(big, "crm.events", 0, 0).deadLetter().reason()).isEqualTo(DeadLetterReason.OVERSIZED);
    }
}
