package com.crmautopilot.models.validation;

import com.crmautopilot.models.SampleRecords;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.EmailOpened;
import com.crmautopilot.models.event.payload.LeadCreated;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetterReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static com.crmautopilot.models.SampleRecords.NOW;
import static com.crmautopilot.models.SampleRecords.OCCURRED_AT;
import static com.crmautopilot.models.output.DeadLetterReason.*;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class EventValidatorTest {

    private final EventValidator validator = new EventValidator(ValidatorConfig.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    // ---- valid events

    @ParameterizedTest
    @EnumSource(EventType.class)
    void acceptsAWellFormedEventOfEveryTypeUnchanged(EventType type) {
        CrmEvent sample = SampleRecords.event(type);

        ValidationResult result = validator.validate(Json.writeBytes(sample));

        assertThat(result).isEqualTo(new ValidationResult.Valid(sample));
    }

    @Test
    void carriesEveryEnvelopeFieldOverToTheEvent() {
        String json = """
                {"event_id":"e-42","tenant_id":"acme","type":"email.clicked","occurred_at":"2026-03-01T09:15:30.250Z",
                 "schema_version":1,"lead_id":"L1","contact_id":"C1","account_id":"A1","opportunity_id":"O1",
                 "campaign_id":"K1","user_id":"U1","payload":{"url":"https://x.test/p","variant_id":"B"}}""";

        CrmEvent event = assertValid(validate(json));

        assertThat(event.eventId()).isEqualTo("e-42");
        assertThat(event.tenantId()).isEqualTo("acme");
        assertThat(event.type()).isEqualTo("email.clicked");
        assertThat(event.eventType()).isEqualTo(EventType.EMAIL_CLICKED);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-01T09:15:30.250Z"));
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.leadId()).isEqualTo("L1");
        assertThat(event.contactId()).isEqualTo("C1");
        assertThat(event.accountId()).isEqualTo("A1");
        assertThat(event.opportunityId()).isEqualTo("O1");
        assertThat(event.campaignId()).isEqualTo("K1");
        assertThat(event.userId()).isEqualTo("U1");
        assertThat(event.payload()).isEqualTo("{\"url\":\"https://x.test/p\",\"variant_id\":\"B\"}");
    }

    @Test
    void acceptsOccurredAtWithAnOffsetAndKeepsTheSameInstant() {
        ObjectNode event = sample(EventType.EMAIL_OPENED).put("occurred_at", "2026-03-01T10:00:00+02:00");

        assertThat(assertValid(validate(event)).occurredAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
    }

    @Test
    void readsAbsentOrNullPayloadAsAnEmptyObject() {
        ObjectNode absent = sample(EventType.EMAIL_OPENED);
        absent.remove("payload");
        ObjectNode explicitNull = sample(EventType.HEARTBEAT);
        explicitNull.putNull("payload");

        assertThat(assertValid(validate(absent)).payload()).isEqualTo("{}");
        assertThat(assertValid(validate(explicitNull)).payload()).isEqualTo("{}");
    }

    @Test
    void writesThePayloadInCanonicalFormWithoutUnknownFields() {
        String json = envelope("lead.created", "\"lead_id\":\"L1\"",
                "{ \"source\" : \"paid\", \"extra\": {\"deep\": [1, 2]}, \"name\" : \"Ada\", \"company_size\": 12 }");

        CrmEvent event = assertValid(validate(json));

        assertThat(event.payload()).isEqualTo("{\"name\":\"Ada\",\"company_size\":12,\"source\":\"paid\"}");
        assertThat(event.payloadAs(LeadCreated.class))
                .isEqualTo(new LeadCreated("Ada", null, null, null, 12, null, null, "paid"));
    }

    @Test
    void ignoresUnknownEnvelopeFields() {
        ObjectNode event = sample(EventType.EMAIL_OPENED).put("trace_id", "abc");
        event.putArray("tags").add("x");

        assertThat(assertValid(validate(event))).isEqualTo(SampleRecords.event(EventType.EMAIL_OPENED));
    }

    @Test
    void treatsBlankOptionalReferencesAsAbsent() {
        ObjectNode event = sample(EventType.EMAIL_OPENED).put("account_id", "  ");
        event.putNull("user_id");

        CrmEvent valid = assertValid(validate(event));

        assertThat(valid.accountId()).isNull();
        assertThat(valid.userId()).isNull();
        assertThat(valid.leadId()).isEqualTo("lead-1");
    }

    // ---- OVERSIZED

    @Test
    void rejectsARecordOverTheSizeLimitBeforeParsingIt() {
        byte[] garbage = new byte[ValidatorConfig.DEFAULT_MAX_PAYLOAD_BYTES + 1];
        Arrays.fill(garbage, (byte) 'x');

        ValidationResult.Invalid invalid = assertInvalid(validator.validate(garbage), OVERSIZED);

        assertThat(invalid.detail()).contains("65537 bytes").contains("65536");
    }

    @Test
    void acceptsARecordOfExactlyTheSizeLimit() {
        ObjectNode event = sample(EventType.EMAIL_OPENED).put("padding", "");
        int padding = ValidatorConfig.DEFAULT_MAX_PAYLOAD_BYTES - Json.writeBytes(event).length;
        event.put("padding", "p".repeat(padding));
        byte[] exact = Json.writeBytes(event);
        assertThat(exact).hasSize(ValidatorConfig.DEFAULT_MAX_PAYLOAD_BYTES);

        assertValid(validator.validate(exact));
        event.put("padding", "p".repeat(padding + 1));
        assertInvalid(validate(event), OVERSIZED);
    }

    @Test
    void honoursAConfiguredSizeLimit() {
        EventValidator small = new EventValidator(
                new ValidatorConfig(100, Duration.ZERO, Set.of(1)), Clock.fixed(NOW, ZoneOffset.UTC));

        assertInvalid(small.validate(Json.writeBytes(SampleRecords.event(EventType.LEAD_CREATED))), OVERSIZED);
    }

    // ---- NOT_JSON

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n", "nope", "{\"tenant_id\":", "{\"a\" 1}", "[1,2]", "\"text\"", "42", "null", "{'a':1}"})
    void rejectsBytesThatAreNotAJsonObject(String text) {
        ValidationResult.Invalid invalid = assertInvalid(validate(text), NOT_JSON);

        assertThat(invalid.tenantId()).isNull();
        assertThat(invalid.eventId()).isNull();
    }

    @Test
    void rejectsNullBytesAsNotJson() {
        assertThat(assertInvalid(validator.validate(null), NOT_JSON).detail()).isEqualTo("empty record");
    }

    @Test
    void rejectsTrailingGarbageAfterTheObject() {
        String json = Json.write(sample(EventType.EMAIL_OPENED)) + " {}";

        assertInvalid(validate(json), NOT_JSON);
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        ObjectNode event = sample(EventType.EMAIL_OPENED);
        String deep = "[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH);
        String json = Json.write(event).replaceFirst("\\{", "{\"junk\":" + deep + ",");

        assertThat(assertInvalid(validate(json), NOT_JSON).detail()).contains("nesting depth");
    }

    @Test
    void acceptsNestingJustUnderTheLimitInAnIgnoredField() {
        ObjectNode event = sample(EventType.EMAIL_OPENED);
        int depth = Json.MAX_NESTING_DEPTH - 1; // the envelope object is the first level
        String deep = "[".repeat(depth) + "]".repeat(depth);
        String json = Json.write(event).replaceFirst("\\{", "{\"junk\":" + deep + ",");

        assertValid(validate(json));
    }

    @Test
    void rejectsDuplicateKeysBecauseTheirMeaningIsAmbiguous() {
        String json = Json.write(sample(EventType.EMAIL_OPENED)).replaceFirst("\\{", "{\"tenant_id\":\"other\",");

        assertThat(assertInvalid(validate(json), NOT_JSON).detail()).contains("Duplicate field 'tenant_id'");
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] bytes = Json.writeBytes(sample(EventType.EMAIL_OPENED).put("user_id", "XX"));
        String text = new String(bytes, UTF_8);
        int at = text.indexOf("XX");
        bytes[at] = (byte) 0xC3;
        bytes[at + 1] = (byte) 0x28;

        assertInvalid(validator.validate(bytes), NOT_JSON);
    }

    @Test
    void rejectsAnIdThatIsNotValidUnicode() {
        String json = Json.write(sample(EventType.EMAIL_OPENED)).replace("\"lead-1\"", "\"lead\\ud800-1\"");

        assertThat(assertInvalid(validate(json), NOT_JSON).detail())
                .isEqualTo("lead_id is not valid Unicode: a lone surrogate at index 4");
    }

    @Test
    void namesNoTenantThatCouldNotBeWrittenIntoADeadLetter() {
        String json = Json.write(sample(EventType.EMAIL_OPENED)).replace("\"tenant-1\"", "\"tenant\\ud800\"");

        ValidationResult.Invalid invalid = assertInvalid(validate(json), NOT_JSON);

        assertThat(invalid.tenantId()).isNull();
        assertThat(invalid.eventId()).isEqualTo("evt-email.opened");
    }

    @Test
    void rejectsAPayloadTextThatIsNotValidUnicode() {
        String json = envelope("lead.created", "\"lead_id\":\"L1\"", "{\"name\":\"Ada\\udc00\"}");

        assertThat(assertInvalid(validate(json), NOT_JSON).detail())
                .isEqualTo("payload.name is not valid Unicode: a lone surrogate at index 3");
    }

    @Test
    void acceptsEscapedAndLiteralCharactersOutsideTheBasicPlane() {
        String json = envelope("lead.created", "\"lead_id\":\"L\\ud83d\\ude00\"", "{\"name\":\"Zo\u00eb \ud83d\ude00\"}");

        CrmEvent event = assertValid(validate(json));

        assertThat(event.leadId()).isEqualTo("L\ud83d\ude00");
        assertThat(event.payloadAs(LeadCreated.class).name()).isEqualTo("Zo\u00eb \ud83d\ude00");
    }

    // ---- MISSING_FIELD

    static Stream<Arguments> requiredFieldsAbsentNullOrBlank() {
        return EventValidator.REQUIRED_FIELDS.stream().flatMap(field ->
                Stream.of(Arguments.of(field, "missing"), Arguments.of(field, "null"), Arguments.of(field, "blank")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("requiredFieldsAbsentNullOrBlank")
    void rejectsAnEventWithoutARequiredEnvelopeField(String field, String how) {
        ObjectNode event = sample(EventType.EMAIL_OPENED);
        switch (how) {
            case "missing" -> event.remove(field);
            case "null" -> event.putNull(field);
            default -> event.put(field, " \t");
        }

        ValidationResult.Invalid invalid = assertInvalid(validate(event), MISSING_FIELD);

        assertThat(invalid.detail()).isEqualTo(field + " is " + how);
    }

    // ---- WRONG_TYPE

    @Test
    void rejectsATenantIdThatIsNotAString() {
        ObjectNode event = sample(EventType.EMAIL_OPENED).put("tenant_id", 17);

        ValidationResult.Invalid invalid = assertInvalid(validate(event), WRONG_TYPE);

        assertThat(invalid.detail()).isEqualTo("tenant_id must be a string, got number 17");
        assertThat(invalid.tenantId()).isNull();
        assertThat(invalid.eventId()).isEqualTo("evt-email.opened");
    }

    @Test
    void rejectsAnEpochNumberAsOccurredAt() {
        ObjectNode event = sample(EventType.EMAIL_OPENED).put("occurred_at", 1_772_359_200_000L);

        assertThat(assertInvalid(validate(event), WRONG_TYPE).detail()).startsWith("occurred_at must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1\"", "1.0", "1.5", "true", "[1]"})
    void rejectsASchemaVersionThatIsNotAnInteger(String version) {
        String json = Json.write(sample(EventType.EMAIL_OPENED)).replace("\"schema_version\":1", "\"schema_version\":" + version);

        assertThat(assertInvalid(validate(json), WRONG_TYPE).detail()).startsWith("schema_version must be an integer");
    }

    @Test
    void rejectsAPayloadThatIsNotAnObject() {
        ObjectNode event = sample(EventType.EMAIL_OPENED);
        event.putArray("payload").add(1);

        assertThat(assertInvalid(validate(event), WRONG_TYPE).detail()).isEqualTo("payload must be an object, got an array");
    }

    @Test
    void rejectsAReferenceThatIsNotAString() {
        ObjectNode event = sample(EventType.EMAIL_OPENED);
        event.putObject("contact_id").put("id", "c");

        assertThat(assertInvalid(validate(event), WRONG_TYPE).detail()).isEqualTo("contact_id must be a string, got an object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"event_id", "tenant_id", "lead_id"})
    void rejectsIdsLongerThan256Characters(String field) {
        ObjectNode event = sample(EventType.EMAIL_OPENED).put(field, "x".repeat(EventValidator.MAX_ID_LENGTH + 1));

        assertThat(assertInvalid(validate(event), WRONG_TYPE).detail()).isEqualTo(field + " is 257 characters, over 256");
        assertValid(validate(event.put(field, "x".repeat(EventValidator.MAX_ID_LENGTH))));
    }

    @Test
    void rejectsAPayloadNumberSentAsAString() {
        String json = envelope("lead.created", "\"lead_id\":\"L1\"", "{\"name\":\"Ada\",\"company_size\":\"12\"}");

        assertThat(assertInvalid(validate(json), WRONG_TYPE).detail())
                .isEqualTo("payload.company_size must be an integer (32-bit), got string \"12\"");
    }

    @Test
    void rejectsAPayloadStringSentAsANumber() {
        String json = envelope("lead.created", "\"lead_id\":\"L1\"", "{\"name\":\"Ada\",\"country\":49}");

        assertThat(assertInvalid(validate(json), WRONG_TYPE).detail())
                .isEqualTo("payload.country must be a string, got number 49");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.5", "3000000000", "true"})
    void rejectsAPayloadIntegerThatIsFractionalOutOfRangeOrNotANumber(String companySize) {
        String json = envelope("lead.created", "\"lead_id\":\"L1\"", "{\"name\":\"Ada\",\"company_size\":" + companySize + "}");

        assertThat(assertInvalid(validate(json), WRONG_TYPE).detail()).startsWith("payload.company_size must be an integer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"NaN\"", "1e400", "\"100\""})
    void rejectsAnAmountThatIsNotAFiniteNumber(String amount) {
        String json = envelope("opportunity.amount_changed", "\"opportunity_id\":\"O1\"", "{\"amount\":" + amount + "}");

        assertThat(assertInvalid(validate(json), WRONG_TYPE).detail()).startsWith("payload.amount must be a finite number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-13-01\"", "\"01/05/2026\"", "[2026,5,1]"})
    void rejectsACloseDateThatIsNotAnIsoDateString(String closeDate) {
        String json = envelope("opportunity.close_date_changed", "\"opportunity_id\":\"O1\"", "{\"close_date\":" + closeDate + "}");

        assertThat(assertInvalid(validate(json), WRONG_TYPE).detail()).startsWith("payload.close_date must be a date string");
    }

    // ---- UNKNOWN_TYPE, UNKNOWN_SCHEMA_VERSION

    @Test
    void rejectsAnUnknownType() {
        ObjectNode event = sample(EventType.EMAIL_OPENED).put("type", "email.exploded");

        ValidationResult.Invalid invalid = assertInvalid(validate(event), UNKNOWN_TYPE);

        assertThat(invalid.detail()).isEqualTo("unknown type \"email.exploded\"");
        assertThat(invalid.tenantId()).isEqualTo(SampleRecords.TENANT);
        assertThat(invalid.eventId()).isEqualTo("evt-email.opened");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 2, -1, 99_999_999_999L})
    void rejectsASchemaVersionThisBuildDoesNotRead(long version) {
        ObjectNode event = sample(EventType.EMAIL_OPENED).put("schema_version", version);

        assertThat(assertInvalid(validate(event), UNKNOWN_SCHEMA_VERSION).detail())
                .isEqualTo("schema_version " + version + " is not one of [1]");
    }

    @Test
    void acceptsEverySchemaVersionItIsConfiguredFor() {
        EventValidator twoVersions = new EventValidator(new ValidatorConfig(65_536, Duration.ofMinutes(5), Set.of(1, 2)),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(assertValid(twoVersions.validate(Json.writeBytes(sample(EventType.EMAIL_OPENED).put("schema_version", 2))))
                .schemaVersion()).isEqualTo(2);
    }

    // ---- BAD_TIMESTAMP, FUTURE_TIMESTAMP

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01T10:00:00", "2026-03-01", "yesterday", "2026-02-30T10:00:00Z",
            "2026-03-01 10:00:00Z", "-0001-01-01T00:00:00Z", "+1000000-01-01T00:00:00Z"})
    void rejectsAnOccurredAtThatIsNotAnIsoInstant(String occurredAt) {
        ObjectNode event = sample(EventType.EMAIL_OPENED).put("occurred_at", occurredAt);

        assertThat(assertInvalid(validate(event), BAD_TIMESTAMP).detail()).startsWith("occurred_at \"" + occurredAt + "\"");
    }

    @Test
    void rejectsAnOccurredAtFurtherAheadThanTheAllowedSkew() {
        Instant tooLate = NOW.plus(ValidatorConfig.DEFAULT_MAX_FUTURE_SKEW).plusMillis(1);
        ObjectNode event = sample(EventType.EMAIL_OPENED).put("occurred_at", tooLate.toString());

        assertThat(assertInvalid(validate(event), FUTURE_TIMESTAMP).detail())
                .isEqualTo("occurred_at 2026-03-01T12:05:00.001Z is more than PT5M ahead of 2026-03-01T12:00:00Z");
    }

    @Test
    void acceptsAnOccurredAtExactlyAtTheAllowedSkew() {
        Instant edge = NOW.plus(ValidatorConfig.DEFAULT_MAX_FUTURE_SKEW);
        ObjectNode event = sample(EventType.EMAIL_OPENED).put("occurred_at", edge.toString());

        assertThat(assertValid(validate(event)).occurredAt()).isEqualTo(edge);
    }

    @Test
    void judgesTheFutureByItsOwnClock() {
        Instant later = NOW.plus(Duration.ofDays(1));
        EventValidator tomorrow = new EventValidator(ValidatorConfig.defaults(), Clock.fixed(later, ZoneId.of("Europe/Berlin")));
        byte[] event = Json.writeBytes(sample(EventType.EMAIL_OPENED).put("occurred_at", later.toString()));

        assertInvalid(validator.validate(event), FUTURE_TIMESTAMP);
        assertValid(tomorrow.validate(event));
    }

    // ---- MISSING_REFERENCE

    @Test
    void rejectsEmailOpenedWithoutLeadOrContact() {
        ObjectNode event = sample(EventType.EMAIL_OPENED);
        event.remove("lead_id");
        event.remove("contact_id");

        assertThat(assertInvalid(validate(event), MISSING_REFERENCE).detail())
                .isEqualTo("email.opened needs lead_id or contact_id");
    }

    @Test
    void acceptsEmailOpenedWithOnlyAContact() {
        ObjectNode event = sample(EventType.EMAIL_OPENED);
        event.remove("lead_id");

        CrmEvent valid = assertValid(validate(event));

        assertThat(valid.leadId()).isNull();
        assertThat(valid.contactId()).isEqualTo("contact-1");
        assertThat(valid.payloadAs(EmailOpened.class)).isEqualTo(new EmailOpened("sample variantId"));
    }

    @Test
    void rejectsALeadEventWhoseLeadIdIsBlank() {
        ObjectNode event = sample(EventType.LEAD_CREATED).put("lead_id", "");

        assertThat(assertInvalid(validate(event), MISSING_REFERENCE).detail()).isEqualTo("lead.created needs lead_id");
    }

    @Test
    void rejectsAnOpportunityCreatedWithoutItsAccount() {
        ObjectNode event = sample(EventType.OPPORTUNITY_CREATED);
        event.remove("account_id");

        assertThat(assertInvalid(validate(event), MISSING_REFERENCE).detail()).isEqualTo("opportunity.created needs account_id");
    }

    // ---- INVALID_PAYLOAD

    @Test
    void rejectsLeadCreatedWithoutItsName() {
        String json = envelope("lead.created", "\"lead_id\":\"L1\"", "{\"company\":\"Acme\"}");

        assertThat(assertInvalid(validate(json), INVALID_PAYLOAD).detail())
                .isEqualTo("payload.name is required for lead.created");
    }

    @Test
    void rejectsARequiredPayloadFieldThatIsNull() {
        String json = envelope("opportunity.stage_changed", "\"opportunity_id\":\"O1\"", "{\"from_stage\":\"proposal\",\"to_stage\":null}");

        assertThat(assertInvalid(validate(json), INVALID_PAYLOAD).detail())
                .isEqualTo("payload.to_stage is required for opportunity.stage_changed");
    }

    @Test
    void rejectsAMissingPayloadWhenTheTypeRequiresFields() {
        ObjectNode event = sample(EventType.CONTENT_DOWNLOADED);
        event.remove("payload");

        assertThat(assertInvalid(validate(event), INVALID_PAYLOAD).detail())
                .isEqualTo("payload.asset is required for content.downloaded");
    }

    // ---- robustness

    @Test
    void neverThrowsEvenWhenItsClockFails() {
        Clock broken = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { throw new IllegalStateException("clock unplugged"); }
        };
        EventValidator fragile = new EventValidator(ValidatorConfig.defaults(), broken);

        ValidationResult.Invalid invalid = assertInvalid(fragile.validate(Json.writeBytes(sample(EventType.EMAIL_OPENED))), NOT_JSON);

        assertThat(invalid.detail()).contains("clock unplugged");
    }

    @Test
    void keepsDetailsShortAndPrintable() {
        ObjectNode event = sample(EventType.EMAIL_OPENED).put("type", "\u0000\u0007" + "z".repeat(5_000) + "\uD800");

        ValidationResult.Invalid invalid = assertInvalid(validate(event), UNKNOWN_TYPE);

        assertThat(invalid.detail()).hasSizeLessThanOrEqualTo(Details.MAX_DETAIL_CHARS + 3)
                .startsWith("unknown type \"??zzz").doesNotContain("\u0000");
    }

    // ---- helpers

    private static ObjectNode sample(EventType type) {
        return (ObjectNode) tree(Json.writeBytes(SampleRecords.event(type)));
    }

    private static String envelope(String type, String refs, String payload) {
        return "{\"event_id\":\"e1\",\"tenant_id\":\"t1\",\"type\":\"" + type + "\",\"occurred_at\":\"" + OCCURRED_AT
                + "\",\"schema_version\":1," + refs + ",\"payload\":" + payload + "}";
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ValidationResult validate(JsonNode node) {
        return validator.validate(Json.writeBytes(node));
    }

    private ValidationResult validate(String text) {
        return validator.validate(text.getBytes(UTF_8));
    }

    private static CrmEvent assertValid(ValidationResult result) {
        assertThat(result).isInstanceOf(ValidationResult.Valid.class);
        return ((ValidationResult.Valid) result).event();
    }

    private static ValidationResult.Invalid assertInvalid(ValidationResult result, DeadLetterReason reason) {
        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        ValidationResult.Invalid invalid = (ValidationResult.Invalid) result;
        assertThat(invalid.reason()).as("reason (detail: %s)", invalid.detail()).isEqualTo(reason);
        assertThat(invalid.detail()).isNotBlank();
        return invalid;
    }
}
