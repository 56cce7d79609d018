package com.crmautopilot.models.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written UTC fast path must agree exactly with {@link Instant#parse}, which defines the contract. */
class IsoInstantsTest {

    @Test
    void readsRandomUtcInstantsAtEveryPrecisionLikeInstantParse() {
        Random random = new Random(7);
        long earliest = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long latest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochSecond(earliest + (long) (random.nextDouble() * (latest - earliest)),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = instant.toString();

            assertThat(IsoInstants.parseUtc(text)).as(text).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01T10:00:00Z", "2024-02-29T23:59:59.999999999Z", "2026-03-01T10:00:00.1Z",
            "2026-03-01T10:00:00+02:00", "2026-03-01T10:00:00.5-07:30", "2016-12-31T23:59:60Z", "0000-01-01T00:00:00Z",
            "2025-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "2026-00-10T10:00:00Z", "2026-03-01T24:00:00Z",
            "2026-03-01T10:60:00Z", "2026-03-01T10:00:00.Z", "2026-03-01T10:00:00.1234567890Z", "2026-03-01t10:00:00z",
            "2026-03-01T10:00Z", "2026-03-01T10:00:00", "20260301T100000Z", "2026-3-01T10:00:00Z", "2026-03-01T10:00:0xZ",
            "+2026-03-01T10:00:00Z", "2026-03-01T10:00:00ZZ", " 2026-03-01T10:00:00Z", "", "Z"})
    void agreesWithInstantParseOnEdgeCases(String text) {
        assertThat(IsoInstants.parse(text)).as(text).isEqualTo(reference(text));
    }

    @Test
    void agreesWithInstantParseOnDamagedTimestamps() {
        Random random = new Random(11);
        String alphabet = "0123456789-:.TZ+ z";
        for (int i = 0; i < 50_000; i++) {
            char[] text = "2026-03-01T10:00:00.123Z".toCharArray();
            text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            String damaged = new String(text, 0, 19 + random.nextInt(text.length - 18));

            assertThat(IsoInstants.parse(damaged)).as(damaged).isEqualTo(reference(damaged));
        }
    }

    private static Instant reference(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
