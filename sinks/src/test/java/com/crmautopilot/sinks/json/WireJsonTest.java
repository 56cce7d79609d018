package com.crmautopilot.sinks.json;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.output.LeadProfile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast writers must produce exactly the bytes of the shared contract mapper, or they are not the contract. */
class WireJsonTest {

    private static final String[] AWKWARD_TEXT = {"", "Jane Roe", "quote \" and \\ backslash", "tab\tnew\nline",
            "ünïcødé 東京", "emoji 😀", "control \u0001 \u001f", "line sep \u2028", "</script>"};

    @Test
    void formatsInstantsAsIsoInstantDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            Instant instant = randomInstant(random);
            assertThat(IsoInstants.format(instant)).as("%s", instant)
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
        for (String edge : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z",
                "2000-02-29T12:00:00.000001Z", "2100-03-01T00:00:00.100Z", "1600-02-29T23:59:59.010Z"}) {
            Instant instant = Instant.parse(edge);
            assertThat(IsoInstants.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
    }

    @Test
    void writesLeadProfilesByteForByteAsTheContractMapper() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            LeadProfile profile = randomProfile(random);
            assertThat(text(WireJson.writeBytes(profile))).isEqualTo(text(Json.writeBytes(profile)));
        }
    }

    @Test
    void writesDeadLettersByteForByteAsTheContractMapper() {
        Random random = new Random(13);
        for (int i = 0; i < 2_000; i++) {
            DeadLetter deadLetter = DeadLetter.fromSource(DeadLetterReason.values()[random.nextInt(
                            DeadLetterReason.values().length)], pick(random), "crm.events", random.nextInt(8),
                    random.nextLong(), random.nextBoolean() ? null : pick(random),
                    random.nextBoolean() ? null : pick(random), pick(random).getBytes(StandardCharsets.UTF_8));
            assertThat(text(WireJson.writeBytes(deadLetter))).isEqualTo(text(Json.writeBytes(deadLetter)));
        }
    }

    @Test
    void readsBackAsTheSameProfile() {
        LeadProfile profile = randomProfile(new Random(17));
        assertThat(Json.read(WireJson.writeBytes(profile), LeadProfile.class)).isEqualTo(profile);
    }

    private static LeadProfile randomProfile(Random r) {
        return new LeadProfile(maybe(r), maybe(r), maybe(r), r.nextLong(), maybeInstant(r), maybe(r), maybe(r),
                maybe(r), maybe(r), maybe(r), r.nextBoolean() ? null : r.nextInt(), maybe(r), maybe(r), maybe(r),
                maybe(r), maybe(r), maybe(r), r.nextInt(), r.nextInt(50), r.nextInt(50), r.nextInt(50), r.nextInt(50),
                r.nextInt(50), r.nextInt(50), r.nextInt(50), r.nextInt(50), r.nextLong(), r.nextBoolean(),
                maybeInstant(r), maybeInstant(r), maybeInstant(r), maybeInstant(r), r.nextInt(), r.nextLong(), maybeInstant(r));
    }

    private static String maybe(Random random) {
        return random.nextInt(4) == 0 ? null : pick(random);
    }

    private static String pick(Random random) {
        return AWKWARD_TEXT[random.nextInt(AWKWARD_TEXT.length)] + (random.nextBoolean() ? "" : random.nextInt());
    }

    private static Instant maybeInstant(Random random) {
        return random.nextInt(4) == 0 ? null : randomInstant(random);
    }

    private static Instant randomInstant(Random random) {
        long seconds = switch (random.nextInt(4)) {
            case 0 -> 1_700_000_000L + random.nextInt(200_000_000); // around now
            case 1 -> random.nextLong(-62_167_219_200L, 253_402_300_800L); // any four-digit year
            case 2 -> random.nextLong(-400_000_000_000L, 400_000_000_000L); // signed years too
            default -> random.nextLong(-1_000_000, 1_000_000); // around the epoch
        };
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
