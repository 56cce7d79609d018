package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.suggest.UserFeedback;
import com.crmautopilot.models.suggest.UserPreferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionInputDecoderTest {

    private static final String FEEDBACK = """
            {"feedback_id":"fb-1","tenant_id":"t1","user_id":"user-01","suggestion_id":"sg-1",
             "trigger_type":"stale_account","action":"snoozed","snooze_until":"2026-03-05T00:00:00Z",
             "occurred_at":"2026-03-02T10:00:00Z"}""";
    private static final String PREFERENCES = """
            {"tenant_id":"t1","user_id":"user-01","inapp":true,"email":false,"slack":true,
             "muted_triggers":["missing_data"],"min_push_priority":"high","quiet_hours_start":"22:00",
             "quiet_hours_end":"07:00","time_zone":"Europe/Paris","digest_hour":8,"email_address":"a@b.c",
             "slack_webhook_url":"https://hooks.slack.com/services/x","updated_at":"2026-03-01T00:00:00Z"}""";

    /** The reading machine's clock: a week after the records, so that nothing here depends on today's date. */
    private static final Instant NOW = Instant.parse("2026-03-09T12:00:00Z");
    private static final String AHEAD = "2026-03-09T12:05:01Z";
    private static final String WITHIN_SKEW = "2026-03-09T12:05:00Z";

    private final SuggestionInputDecoder decoder =
            new SuggestionInputDecoder(2048, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsValidFeedback() {
        DecodedFeedback decoded = feedback(FEEDBACK);

        assertThat(decoded.feedback()).isEqualTo(new UserFeedback("fb-1", "t1", "user-01", "sg-1", "stale_account",
                "snoozed", Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-02T10:00:00Z")));
    }

    @Test
    void readsValidPreferencesAndTenantDefaultsWithoutAUser() {
        UserPreferences user = preferences(PREFERENCES).preferences();
        UserPreferences tenant = preferences("{\"tenant_id\":\"t1\",\"digest_hour\":9,"
                + "\"updated_at\":\"2026-03-01T00:00:00Z\"}").preferences();

        assertThat(user.mutedTriggers()).containsExactly("missing_data");
        assertThat(user.timeZone()).isEqualTo("Europe/Paris");
        assertThat(user.email()).isFalse();
        assertThat(tenant.userId()).isNull();
        assertThat(tenant.digestHour()).isEqualTo(9);
    }

    static Stream<Arguments> badFeedback() {
        return Stream.of(
                Arguments.of("", DeadLetterReason.NOT_JSON),
                Arguments.of("{\"feedback_id\":", DeadLetterReason.NOT_JSON),
                Arguments.of("[1,2]", DeadLetterReason.NOT_JSON),
                Arguments.of("{\"a\":1,\"a\":2}", DeadLetterReason.NOT_JSON),
                Arguments.of("{\"tenant_id\":\"t1\"}" + " ".repeat(3000), DeadLetterReason.OVERSIZED),
                Arguments.of(FEEDBACK.replace("\"tenant_id\":\"t1\",", ""), DeadLetterReason.MISSING_FIELD),
                Arguments.of(FEEDBACK.replace("\"user_id\":\"user-01\"", "\"user_id\":\"  \""), DeadLetterReason.MISSING_FIELD),
                Arguments.of(FEEDBACK.replace("\"suggestion_id\":\"sg-1\"", "\"suggestion_id\":null"), DeadLetterReason.MISSING_FIELD),
                Arguments.of(FEEDBACK.replace("\"action\":\"snoozed\"", "\"action\":\"liked\""), DeadLetterReason.UNKNOWN_TYPE),
                Arguments.of(FEEDBACK.replace("\"stale_account\"", "\"space_alien\""), DeadLetterReason.UNKNOWN_TYPE),
                Arguments.of(FEEDBACK.replace("\"user_id\":\"user-01\"", "\"user_id\":42"), DeadLetterReason.WRONG_TYPE),
                Arguments.of(FEEDBACK.replace("\"fb-1\"", "\"" + "x".repeat(300) + "\""), DeadLetterReason.WRONG_TYPE),
                Arguments.of(FEEDBACK.replace("\"action\":\"snoozed\"", "\"action\":[\"snoozed\"]"), DeadLetterReason.WRONG_TYPE),
                Arguments.of(FEEDBACK.replace("2026-03-02T10:00:00Z", "yesterday"), DeadLetterReason.BAD_TIMESTAMP),
                Arguments.of(FEEDBACK.replace("2026-03-05T00:00:00Z", "2026-13-45"), DeadLetterReason.BAD_TIMESTAMP),
                Arguments.of(FEEDBACK.replace("2026-03-02T10:00:00Z", AHEAD), DeadLetterReason.FUTURE_TIMESTAMP),
                Arguments.of(FEEDBACK.replace("\"sg-1\"", "\"\\ud800\""), DeadLetterReason.NOT_JSON));
    }

    @ParameterizedTest
    @MethodSource("badFeedback")
    void deadLettersBadFeedbackWithTheReasonAndTheOriginalBytes(String json, DeadLetterReason reason) {
        DecodedFeedback decoded = feedback(json);

        assertThat(decoded.isValid()).isFalse();
        DeadLetter deadLetter = decoded.deadLetter();
        assertThat(deadLetter.reason()).as(deadLetter.detail()).isEqualTo(reason);
        assertThat(deadLetter.sourceTopic()).isEqualTo("crm.feedback");
        assertThat(deadLetter.sourceOffset()).isEqualTo(7L);
        assertThat(deadLetter.originalBytes()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        assertThat(deadLetter.detail()).isNotBlank().hasSizeLessThanOrEqualTo(243);
    }

    @Test
    void timesUpToTheAllowedSkewAheadOfTheClockAreReadAndASnoozeMayEndInTheFuture() {
        DecodedFeedback feedback = feedback(FEEDBACK.replace("2026-03-02T10:00:00Z", WITHIN_SKEW)
                .replace("2026-03-05T00:00:00Z", "2027-01-01T00:00:00Z"));
        DecodedPreferences preferences = preferences(PREFERENCES.replace("2026-03-01T00:00:00Z", WITHIN_SKEW));

        assertThat(feedback.feedback().occurredAt()).isEqualTo(Instant.parse(WITHIN_SKEW));
        assertThat(feedback.feedback().snoozeUntil()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(preferences.preferences().updatedAt()).isEqualTo(Instant.parse(WITHIN_SKEW));
    }

    @Test
    void aFutureTimestampIsDeadLetteredWithTheClockItWasCheckedAgainst() {
        DeadLetter deadLetter = feedback(FEEDBACK.replace("2026-03-02T10:00:00Z", AHEAD)).deadLetter();

        assertThat(deadLetter.tenantId()).isEqualTo("t1");
        assertThat(deadLetter.detail()).contains("occurred_at " + AHEAD, "PT5M", "ahead of " + NOW);
    }

    @Test
    void aDeadLetterNamesTheTenantAndFeedbackWhenTheyCouldBeRead() {
        DeadLetter deadLetter = feedback(FEEDBACK.replace("\"snoozed\"", "\"liked\"")).deadLetter();

        assertThat(deadLetter.tenantId()).isEqualTo("t1");
        assertThat(deadLetter.eventId()).isEqualTo("fb-1");
        assertThat(deadLetter.detail()).contains("liked");
    }

    @Test
    void nullBytesAreADeadLetterNotAnException() {
        assertThat(decoder.decodeFeedback(null, "crm.feedback", 0, 1).deadLetter().reason())
                .isEqualTo(DeadLetterReason.NOT_JSON);
        assertThat(decoder.decodePreferences(null, "crm.preferences", 0, 1).deadLetter().reason())
                .isEqualTo(DeadLetterReason.NOT_JSON);
    }

    static Stream<Arguments> badPreferences() {
        return Stream.of(
                Arguments.of("not json", DeadLetterReason.NOT_JSON),
                Arguments.of("{\"tenant_id\":\"t1\",\"x\":\"" + "y".repeat(3000) + "\"}", DeadLetterReason.OVERSIZED),
                Arguments.of(PREFERENCES.replace("\"tenant_id\":\"t1\",", ""), DeadLetterReason.MISSING_FIELD),
                Arguments.of(PREFERENCES.replace(",\"updated_at\":\"2026-03-01T00:00:00Z\"", ""), DeadLetterReason.MISSING_FIELD),
                Arguments.of(PREFERENCES.replace("\"inapp\":true", "\"inapp\":\"yes\""), DeadLetterReason.WRONG_TYPE),
                Arguments.of(PREFERENCES.replace("\"digest_hour\":8", "\"digest_hour\":\"8\""), DeadLetterReason.WRONG_TYPE),
                Arguments.of(PREFERENCES.replace("[\"missing_data\"]", "\"missing_data\""), DeadLetterReason.WRONG_TYPE),
                Arguments.of(PREFERENCES.replace("[\"missing_data\"]", "[\"missing_data\",7]"), DeadLetterReason.WRONG_TYPE),
                Arguments.of(PREFERENCES.replace("[\"missing_data\"]", "[\"weather\"]"), DeadLetterReason.UNKNOWN_TYPE),
                Arguments.of(PREFERENCES.replace("2026-03-01T00:00:00Z", "March"), DeadLetterReason.BAD_TIMESTAMP),
                Arguments.of(PREFERENCES.replace("2026-03-01T00:00:00Z", AHEAD), DeadLetterReason.FUTURE_TIMESTAMP),
                Arguments.of(PREFERENCES.replace("Europe/Paris", "Mars/Olympus"), DeadLetterReason.INVALID_PAYLOAD),
                Arguments.of(PREFERENCES.replace("\"22:00\"", "\"10pm\""), DeadLetterReason.INVALID_PAYLOAD),
                Arguments.of(PREFERENCES.replace("\"quiet_hours_end\":\"07:00\",", ""), DeadLetterReason.INVALID_PAYLOAD),
                Arguments.of(PREFERENCES.replace("\"digest_hour\":8", "\"digest_hour\":24"), DeadLetterReason.INVALID_PAYLOAD),
                Arguments.of(PREFERENCES.replace("\"high\"", "\"urgent\""), DeadLetterReason.INVALID_PAYLOAD),
                Arguments.of(PREFERENCES.replace("https://hooks", "http://hooks"), DeadLetterReason.INVALID_PAYLOAD),
                Arguments.of(PREFERENCES.replace("a@b.c", "a@b.c\\r\\nBcc: x@y.z"), DeadLetterReason.INVALID_PAYLOAD));
    }

    @ParameterizedTest
    @MethodSource("badPreferences")
    void deadLettersBadPreferencesWithTheReason(String json, DeadLetterReason reason) {
        DecodedPreferences decoded = preferences(json);

        assertThat(decoded.isValid()).isFalse();
        assertThat(decoded.deadLetter().reason()).as(decoded.deadLetter().detail()).isEqualTo(reason);
        assertThat(decoded.deadLetter().sourceTopic()).isEqualTo("crm.preferences");
    }

    @Test
    void deeplyNestedInputIsADeadLetterNotAStackOverflow() {
        String nested = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";

        assertThat(new SuggestionInputDecoder(100_000).decodeFeedback(bytes(nested), "crm.feedback", 0, 0)
                .deadLetter().reason()).isEqualTo(DeadLetterReason.NOT_JSON);
    }

    @Test
    void decodingTheSameRecordTwiceGivesTheSameDeadLetterId() {
        String bad = FEEDBACK.replace("\"snoozed\"", "\"liked\"");

        assertThat(List.of(feedback(bad).deadLetter().deadLetterId(), feedback(bad).deadLetter().deadLetterId()))
                .containsOnly(feedback(bad).deadLetter().deadLetterId());
    }

    private DecodedFeedback feedback(String json) {
        return decoder.decodeFeedback(bytes(json), "crm.feedback", 0, 7);
    }

    private DecodedPreferences preferences(String json) {
        return decoder.decodePreferences(bytes(json), "crm.preferences", 0, 7);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
