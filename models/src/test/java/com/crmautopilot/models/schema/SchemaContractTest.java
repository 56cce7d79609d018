package com.crmautopilot.models.schema;

import com.crmautopilot.models.SampleRecords;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EntityRef;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.control.ControlCommand;
import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.models.output.ScoreFactors;
import com.crmautopilot.models.output.ScoreHistoryEntry;
import com.crmautopilot.models.scoring.Tier;
import com.crmautopilot.models.validation.EventValidator;
import com.crmautopilot.models.validation.ValidationResult;
import com.crmautopilot.models.validation.ValidatorConfig;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas are the contract with producers and consumers; the records are what the code reads and writes.
 * These tests keep the two from drifting: same properties, same required set, same JSON types, and real records
 * validate against their schema.
 */
class SchemaContractTest {

    private static final String EVENTS = "crm.events.schema.json";
    private static final String PROFILES = "ai.lead-profiles.schema.json";
    private static final String DEAD_LETTERS = "ai.dead-letter.schema.json";
    private static final String LEAD_SCORES = "ai.lead-scores.schema.json";
    private static final String SCORE_CHANGES = "ai.score-changes.schema.json";
    private static final String MODELS = "ai.models.schema.json";
    private static final String CONTROL = "crm.control.schema.json";

    /** Output fields that are never null when written, beside the primitives. */
    private static final Set<String> LEAD_PROFILE_ALWAYS_WRITTEN = Set.of("profile_id", "tenant_id", "lead_id", "as_of", "trigger");
    private static final Set<String> DEAD_LETTER_ALWAYS_WRITTEN = Set.of("dead_letter_id", "reason", "detail", "source_topic");
    private static final Set<String> LEAD_SCORE_ALWAYS_WRITTEN = Set.of("score_id", "tenant_id", "lead_id", "tier",
            "factors", "suggested_actions", "model_version", "scored_at", "trigger", "reason", "history");
    private static final Set<String> SCORE_CHANGE_ALWAYS_WRITTEN = Set.of("change_id", "tenant_id", "lead_id",
            "old_tier", "new_tier", "old_model_version", "model_version", "changed_at", "trigger", "why");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT_FORMATS = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    // ---- the schemas themselves

    @ParameterizedTest
    @ValueSource(strings = {EVENTS, PROFILES, DEAD_LETTERS, LEAD_SCORES, SCORE_CHANGES, MODELS, CONTROL})
    void isAValidDraft202012Schema(String name) {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));

        assertThat(metaSchema.validate(schemaJson(name))).isEmpty();
        assertThat(schemaJson(name).path("$schema").asText()).isEqualTo(SchemaId.V202012);
    }

    @ParameterizedTest
    @ValueSource(strings = {EVENTS, PROFILES, DEAD_LETTERS, LEAD_SCORES, SCORE_CHANGES, MODELS, CONTROL})
    void describesEveryProperty(String name) {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(schemaJson(name), "", undescribed);

        assertThat(schemaJson(name).path("description").asText()).isNotBlank();
        assertThat(undescribed).isEmpty();
    }

    // ---- crm.events

    @Test
    void envelopePropertiesAreTheCrmEventComponents() {
        JsonNode schema = schemaJson(EVENTS);

        assertThat(propertyNames(schema)).isEqualTo(wireNames(CrmEvent.class));
        assertThat(stringSet(schema.get("required"))).isEqualTo(new TreeSet<>(EventValidator.REQUIRED_FIELDS));
        assertTypesMatch(schema, CrmEvent.class, Map.of("payload", "object"));
    }

    @Test
    void envelopeListsEveryEventTypeAndTheSchemaVersionsTheValidatorReads() {
        JsonNode properties = schemaJson(EVENTS).get("properties");

        assertThat(stringSet(properties.get("type").get("enum")))
                .isEqualTo(Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.toCollection(TreeSet::new)));
        Set<Integer> versions = new HashSet<>();
        properties.get("schema_version").get("enum").forEach(v -> versions.add(v.intValue()));
        assertThat(versions).isEqualTo(ValidatorConfig.defaults().schemaVersions());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasAPayloadSchemaMatchingItsRecord(EventType type) {
        JsonNode payloadSchema = schemaJson(EVENTS).path("$defs").path(type.wireName());

        assertThat(payloadSchema.isObject()).as("$defs/%s", type.wireName()).isTrue();
        assertThat(payloadSchema.get("type").asText()).isEqualTo("object");
        assertThat(propertyNames(payloadSchema)).isEqualTo(wireNames(type.payloadClass()));
        assertThat(stringSet(payloadSchema.get("required"))).isEqualTo(requiredPayloadFields(type.payloadClass()));
        assertTypesMatch(payloadSchema, type.payloadClass(), Map.of());
    }

    @Test
    void definesNoPayloadSchemaForATypeThatDoesNotExist() {
        Set<String> defined = new TreeSet<>();
        schemaJson(EVENTS).get("$defs").fieldNames().forEachRemaining(defined::add);

        assertThat(defined).isEqualTo(Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsBoundToItsPayloadAndRequiredReferences(EventType type) {
        JsonNode then = conditionalFor(type);

        assertThat(then.path("properties").path("payload").path("$ref").asText()).isEqualTo("#/$defs/" + type.wireName());
        boolean payloadRequired = !requiredPayloadFields(type.payloadClass()).isEmpty();
        assertThat(stringSet(then.get("required")).contains("payload")).isEqualTo(payloadRequired);
        List<Set<String>> groups = new ArrayList<>();
        then.path("allOf").forEach(group -> {
            Set<String> fields = new TreeSet<>();
            group.get("anyOf").forEach(option -> fields.addAll(stringSet(option.get("required"))));
            groups.add(fields);
        });
        List<Set<String>> expected = type.requiredRefs().stream()
                .map(group -> group.stream().map(EntityRef::field).collect(Collectors.toCollection(TreeSet::new)))
                .collect(Collectors.toList());
        assertThat(groups).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aSampleEventOfEveryTypeValidatesAgainstTheSchema(EventType type) {
        JsonNode event = tree(Json.writeBytes(SampleRecords.event(type)));

        assertThat(errors(EVENTS, event)).isEmpty();
        assertThat(fieldNames(event)).isEqualTo(propertyNames(schemaJson(EVENTS)));
        assertThat(fieldNames(event.get("payload"))).isEqualTo(propertyNames(schemaJson(EVENTS).get("$defs").get(type.wireName())));
    }

    @Test
    void anEventWithOnlyItsRequiredFieldsValidates() {
        String json = """
                {"event_id":"e1","tenant_id":"t1","type":"email.opened","occurred_at":"2026-03-01T10:00:00+02:00",
                 "schema_version":1,"contact_id":"c1","lead_id":null}""";

        assertThat(errors(EVENTS, tree(json.getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    /** Records the validator rejects for a reason a schema can express must break the schema too. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"event_id\":\"e1\",\"type\":\"email.opened\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":1,\"lead_id\":\"l\"}",
            "{\"event_id\":\"e1\",\"tenant_id\":\" \",\"type\":\"email.opened\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":1,\"lead_id\":\"l\"}",
            "{\"event_id\":7,\"tenant_id\":\"t\",\"type\":\"email.opened\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":1,\"lead_id\":\"l\"}",
            "{\"event_id\":\"e1\",\"tenant_id\":\"t\",\"type\":\"email.exploded\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":1,\"lead_id\":\"l\"}",
            "{\"event_id\":\"e1\",\"tenant_id\":\"t\",\"type\":\"email.opened\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":2,\"lead_id\":\"l\"}",
            "{\"event_id\":\"e1\",\"tenant_id\":\"t\",\"type\":\"email.opened\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":\"1\",\"lead_id\":\"l\"}",
            "{\"event_id\":\"e1\",\"tenant_id\":\"t\",\"type\":\"email.opened\",\"occurred_at\":\"yesterday\",\"schema_version\":1,\"lead_id\":\"l\"}",
            "{\"event_id\":\"e1\",\"tenant_id\":\"t\",\"type\":\"email.opened\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":1}",
            "{\"event_id\":\"e1\",\"tenant_id\":\"t\",\"type\":\"email.opened\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":1,\"lead_id\":\"\"}",
            "{\"event_id\":\"e1\",\"tenant_id\":\"t\",\"type\":\"email.opened\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":1,\"lead_id\":5}",
            "{\"event_id\":\"e1\",\"tenant_id\":\"t\",\"type\":\"opportunity.created\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":1,\"opportunity_id\":\"o\",\"payload\":{\"name\":\"n\",\"stage\":\"proposal\"}}",
            "{\"event_id\":\"e1\",\"tenant_id\":\"t\",\"type\":\"lead.created\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":1,\"lead_id\":\"l\"}",
            "{\"event_id\":\"e1\",\"tenant_id\":\"t\",\"type\":\"lead.created\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":1,\"lead_id\":\"l\",\"payload\":{\"name\":null}}",
            "{\"event_id\":\"e1\",\"tenant_id\":\"t\",\"type\":\"lead.created\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":1,\"lead_id\":\"l\",\"payload\":{\"name\":\"n\",\"company_size\":\"9\"}}",
            "{\"event_id\":\"e1\",\"tenant_id\":\"t\",\"type\":\"lead.created\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":1,\"lead_id\":\"l\",\"payload\":[]}",
            "{\"event_id\":\"e1\",\"tenant_id\":\"t\",\"type\":\"opportunity.close_date_changed\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"schema_version\":1,\"opportunity_id\":\"o\",\"payload\":{\"close_date\":\"05/01/2026\"}}",
    })
    void theSchemaRejectsWhatTheValidatorRejects(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        EventValidator validator = new EventValidator(ValidatorConfig.defaults(), Clock.fixed(SampleRecords.NOW, ZoneOffset.UTC));

        assertThat(validator.validate(bytes)).isInstanceOf(ValidationResult.Invalid.class);
        assertThat(errors(EVENTS, tree(bytes))).isNotEmpty();
    }

    // ---- ai.lead-profiles and ai.dead-letter

    @Test
    void leadProfileSchemaMatchesTheRecord() {
        JsonNode schema = schemaJson(PROFILES);

        assertThat(propertyNames(schema)).isEqualTo(wireNames(LeadProfile.class));
        assertThat(stringSet(schema.get("required"))).isEqualTo(alwaysWritten(LeadProfile.class, LEAD_PROFILE_ALWAYS_WRITTEN));
        assertTypesMatch(schema, LeadProfile.class, Map.of());
    }

    @Test
    void aSampleLeadProfileValidatesAgainstTheSchema() {
        JsonNode profile = tree(Json.writeBytes(SampleRecords.leadProfile()));

        assertThat(errors(PROFILES, profile)).isEmpty();
        assertThat(fieldNames(profile)).isEqualTo(propertyNames(schemaJson(PROFILES)));
    }

    @Test
    void aLeadProfileWithUnknownAttributesValidates() {
        LeadProfile sparse = new LeadProfile("t:l:1", "t", "l", 1, SampleRecords.OCCURRED_AT, LeadProfile.TRIGGER_WINDOW_EXPIRY,
                null, null, null, null, null, null, null, null, null, null, LeadProfile.STATUS_OPEN,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 1, false, null, SampleRecords.OCCURRED_AT, null, SampleRecords.OCCURRED_AT, 0, 0, null);

        assertThat(errors(PROFILES, tree(Json.writeBytes(sparse)))).isEmpty();
    }

    @Test
    void deadLetterSchemaMatchesTheRecord() {
        JsonNode schema = schemaJson(DEAD_LETTERS);

        assertThat(propertyNames(schema)).isEqualTo(wireNames(DeadLetter.class));
        assertThat(stringSet(schema.get("required"))).isEqualTo(alwaysWritten(DeadLetter.class, DEAD_LETTER_ALWAYS_WRITTEN));
        assertTypesMatch(schema, DeadLetter.class, Map.of());
        assertThat(stringSet(schema.get("properties").get("reason").get("enum")))
                .isEqualTo(Arrays.stream(DeadLetterReason.values()).map(DeadLetterReason::wireName).collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest
    @EnumSource(DeadLetterReason.class)
    void aDeadLetterOfEveryReasonValidatesAgainstTheSchema(DeadLetterReason reason) {
        DeadLetter sample = SampleRecords.deadLetter();
        DeadLetter deadLetter = reason.isMalformed()
                ? DeadLetter.fromSource(reason, "why", "crm.events", 0, 9L, null, null, new byte[]{1, 2, 3})
                : DeadLetter.forEvent(reason, "why", "crm.events", "t", "e", "{}".getBytes(StandardCharsets.UTF_8));
        JsonNode full = tree(Json.writeBytes(sample));

        assertThat(errors(DEAD_LETTERS, tree(Json.writeBytes(deadLetter)))).isEmpty();
        assertThat(errors(DEAD_LETTERS, full)).isEmpty();
        assertThat(fieldNames(full)).isEqualTo(propertyNames(schemaJson(DEAD_LETTERS)));
    }

    // ---- ai.lead-scores, ai.score-changes, ai.models and crm.control

    @Test
    void leadScoreSchemaMatchesTheRecord() {
        JsonNode schema = schemaJson(LEAD_SCORES);

        assertThat(propertyNames(schema)).isEqualTo(wireNames(LeadScore.class));
        assertThat(stringSet(schema.get("required"))).isEqualTo(alwaysWritten(LeadScore.class, LEAD_SCORE_ALWAYS_WRITTEN));
        assertTypesMatch(schema, LeadScore.class, Map.of("factors", "object", "suggested_actions", "array", "history", "array"));
        JsonNode factors = schema.get("$defs").get("factors");
        assertThat(propertyNames(factors)).isEqualTo(wireNames(ScoreFactors.class));
        assertTypesMatch(factors, ScoreFactors.class, Map.of("positive", "array", "negative", "array"));
        JsonNode entry = schema.get("$defs").get("history_entry");
        assertThat(propertyNames(entry)).isEqualTo(wireNames(ScoreHistoryEntry.class));
        assertThat(stringSet(entry.get("required"))).isEqualTo(wireNames(ScoreHistoryEntry.class));
        assertTypesMatch(entry, ScoreHistoryEntry.class, Map.of());
        assertThat(stringSet(schema.get("properties").get("tier").get("enum")))
                .isEqualTo(Arrays.stream(Tier.values()).map(Tier::wireName).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void aSampleLeadScoreValidatesAndAnOutOfRangeOneDoesNot() {
        JsonNode score = tree(Json.writeBytes(sampleLeadScore(78, Instant.parse("2026-03-02T10:00:00Z"))));
        JsonNode quiet = tree(Json.writeBytes(sampleLeadScore(12, null)));
        JsonNode tooHigh = tree(Json.writeBytes(sampleLeadScore(101, null)));

        assertThat(errors(LEAD_SCORES, score)).isEmpty();
        assertThat(fieldNames(score)).isEqualTo(propertyNames(schemaJson(LEAD_SCORES)));
        assertThat(errors(LEAD_SCORES, quiet)).isEmpty();
        assertThat(quiet.has("next_rescore")).isFalse();
        assertThat(errors(LEAD_SCORES, tooHigh)).isNotEmpty();
    }

    @Test
    void scoreChangeSchemaMatchesTheRecordAndASampleValidates() {
        JsonNode schema = schemaJson(SCORE_CHANGES);
        ScoreChange change = new ScoreChange("c", "t", "l", Tier.WARM, Tier.HOT, 55, 81, "v1", "v2",
                SampleRecords.OCCURRED_AT, "demo.requested", "Rose from warm to hot (55 to 81) after demo.requested");

        assertThat(propertyNames(schema)).isEqualTo(wireNames(ScoreChange.class));
        assertThat(stringSet(schema.get("required"))).isEqualTo(alwaysWritten(ScoreChange.class, SCORE_CHANGE_ALWAYS_WRITTEN));
        assertTypesMatch(schema, ScoreChange.class, Map.of());
        assertThat(errors(SCORE_CHANGES, tree(Json.writeBytes(change)))).isEmpty();
    }

    @Test
    void modelAnnouncementSchemaMatchesTheRecord() {
        JsonNode schema = schemaJson(MODELS);

        assertThat(propertyNames(schema)).isEqualTo(wireNames(ModelAnnouncement.class));
        assertThat(stringSet(schema.get("required"))).containsExactlyInAnyOrder("tenant_id", "model_name", "version");
        assertTypesMatch(schema, ModelAnnouncement.class, Map.of());
    }

    @Test
    void announcementsInlineByUriOrAsRollbackValidateAndAmbiguousOnesDoNot() {
        Instant at = SampleRecords.OCCURRED_AT;
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        ModelAnnouncement inline = ModelAnnouncement.inline("t", "lead-score", "v1", json, new byte[]{1}, at);
        ModelAnnouncement both = new ModelAnnouncement("a", "t", "lead-score", "v1", inline.modelJsonBase64(),
                inline.modelUbjBase64(), "file:///models/v1", at);
        ModelAnnouncement half = new ModelAnnouncement("a", "t", "lead-score", "v1", inline.modelJsonBase64(), null,
                null, at);

        assertThat(errors(MODELS, tree(Json.writeBytes(inline)))).isEmpty();
        assertThat(fieldNames(tree(Json.writeBytes(both)))).isEqualTo(propertyNames(schemaJson(MODELS)));
        assertThat(errors(MODELS, tree(Json.writeBytes(ModelAnnouncement.byUri("t", "lead-score", "v1", "file:///m", at))))).isEmpty();
        assertThat(errors(MODELS, tree(Json.writeBytes(ModelAnnouncement.reactivate("t", "lead-score", "v1", at))))).isEmpty();
        assertThat(errors(MODELS, tree(Json.writeBytes(both)))).isNotEmpty();
        assertThat(errors(MODELS, tree(Json.writeBytes(half)))).isNotEmpty();
    }

    @Test
    void controlCommandSchemaMatchesTheRecordAndRescoreNeedsALead() {
        JsonNode schema = schemaJson(CONTROL);
        Instant at = SampleRecords.OCCURRED_AT;
        JsonNode rescore = tree(Json.writeBytes(ControlCommand.rescore("t", "l", true, at)));

        assertThat(propertyNames(schema)).isEqualTo(wireNames(ControlCommand.class));
        assertThat(stringSet(schema.get("required"))).containsExactlyInAnyOrder("type", "tenant_id");
        assertTypesMatch(schema, ControlCommand.class, Map.of());
        assertThat(errors(CONTROL, rescore)).isEmpty();
        assertThat(fieldNames(rescore)).isEqualTo(propertyNames(schema));
        assertThat(errors(CONTROL, tree(Json.writeBytes(ControlCommand.rescoreAll("t", at))))).isEmpty();
        assertThat(errors(CONTROL, tree(Json.writeBytes(new ControlCommand("c", "rescore", "t", null, null, at)))))
                .isNotEmpty();
    }

    private static LeadScore sampleLeadScore(int score, Instant nextRescore) {
        Instant at = SampleRecords.OCCURRED_AT;
        ScoreHistoryEntry entry = new ScoreHistoryEntry(score, Tier.HOT, "lead-score-abc", at, "demo.requested",
                "Up from 60 to " + score + " after demo.requested: Demo requested today (+0.85)");
        return new LeadScore("s", "t", "l", score, score / 100.0, Tier.HOT, 0.85,
                new ScoreFactors(List.of("Demo requested today (weight: 0.85)"), List.of("Company size unknown (weight: -0.12)")),
                List.of("Schedule the demo call within 24 hours"), nextRescore, "lead-score-abc", at, "demo.requested",
                "evt-1", entry.reason(), List.of(entry));
    }

    // ---- helpers

    private static JsonNode conditionalFor(EventType type) {
        for (JsonNode branch : schemaJson(EVENTS).get("allOf")) {
            if (type.wireName().equals(branch.path("if").path("properties").path("type").path("const").asText())) {
                assertThat(stringSet(branch.path("if").get("required"))).containsExactly("type");
                return branch.get("then");
            }
        }
        throw new AssertionError("no if/then branch for " + type.wireName());
    }

    /** Every Java component's JSON type is the schema's, and only boxed (nullable) components may be null. */
    private static void assertTypesMatch(JsonNode schema, Class<? extends Record> recordClass, Map<String, String> overrides) {
        for (RecordComponent component : recordClass.getRecordComponents()) {
            String name = wireName(component.getName());
            JsonNode property = schema.get("properties").get(name);
            Set<String> types = new LinkedHashSet<>();
            if (property.get("type").isArray()) {
                property.get("type").forEach(t -> types.add(t.asText()));
            } else {
                types.add(property.get("type").asText());
            }
            boolean nullable = types.remove("null");
            String expected = overrides.containsKey(name) ? overrides.get(name) : jsonType(component.getType());
            assertThat(types).as("%s.%s type", recordClass.getSimpleName(), name).containsExactly(expected);
            if (nullable) {
                assertThat(component.getType().isPrimitive()).as("%s.%s is primitive but may be null", recordClass.getSimpleName(), name).isFalse();
                assertThat(stringSet(schema.get("required"))).as("required %s.%s may be null", recordClass.getSimpleName(), name)
                        .doesNotContain(name);
            }
            String expectedFormat = component.getType() == Instant.class ? "date-time"
                    : component.getType() == LocalDate.class ? "date" : null;
            assertThat(property.has("format") ? property.get("format").asText() : null)
                    .as("%s.%s format", recordClass.getSimpleName(), name).isEqualTo(expectedFormat);
        }
    }

    private static String jsonType(Class<?> type) {
        if (type == String.class || type == Instant.class || type == LocalDate.class || type.isEnum()) {
            return "string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        throw new AssertionError("no JSON type for " + type);
    }

    private static Set<String> wireNames(Class<? extends Record> recordClass) {
        return Arrays.stream(recordClass.getRecordComponents()).map(c -> wireName(c.getName()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The wire name the shared mapper gives a Java property. */
    private static String wireName(String javaName) {
        var naming = Json.mapper().getSerializationConfig().getPropertyNamingStrategy();
        return ((PropertyNamingStrategies.NamingBase) naming).translate(javaName);
    }

    private static Set<String> requiredPayloadFields(Class<? extends Record> payloadClass) {
        return Arrays.stream(payloadClass.getRecordComponents())
                .filter(c -> {
                    JsonProperty property = c.getAccessor().getAnnotation(JsonProperty.class);
                    return property != null && property.required();
                })
                .map(c -> wireName(c.getName()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> alwaysWritten(Class<? extends Record> recordClass, Set<String> nonNullObjects) {
        Set<String> required = Arrays.stream(recordClass.getRecordComponents()).filter(c -> c.getType().isPrimitive())
                .map(c -> wireName(c.getName())).collect(Collectors.toCollection(TreeSet::new));
        required.addAll(nonNullObjects);
        return required;
    }

    private static void collectUndescribed(JsonNode schema, String path, List<String> undescribed) {
        JsonNode properties = schema.get("properties");
        if (properties != null && !path.contains("/allOf")) {
            properties.fields().forEachRemaining(p -> {
                if (p.getValue().path("description").asText().isBlank()) {
                    undescribed.add(path + "/" + p.getKey());
                }
            });
        }
        JsonNode defs = schema.get("$defs");
        if (defs != null) {
            defs.fields().forEachRemaining(d -> {
                if (d.getValue().path("description").asText().isBlank()) {
                    undescribed.add(path + "/$defs/" + d.getKey());
                }
                collectUndescribed(d.getValue(), path + "/$defs/" + d.getKey(), undescribed);
            });
        }
    }

    private static Set<String> propertyNames(JsonNode schema) {
        return fieldNames(schema.get("properties"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> stringSet(JsonNode array) {
        Set<String> values = new TreeSet<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static Set<ValidationMessage> errors(String schemaName, JsonNode instance) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:schemas/" + schemaName), STRICT_FORMATS);
        return schema.validate(instance);
    }

    private static JsonNode schemaJson(String name) {
        try (InputStream in = SchemaContractTest.class.getResourceAsStream("/schemas/" + name)) {
            assertThat(in).as("schema resource %s", name).isNotNull();
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
