package com.crmautopilot.models.validation;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EntityRef;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetterReason;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.crmautopilot.models.output.DeadLetterReason.*;

/**
 * Turns raw {@code crm.events} bytes into a valid {@link com.crmautopilot.models.event.CrmEvent} or a reason it is
 * not one. It never throws. Thread-safe and serializable-free: Flink operators build one in {@code open()}.
 *
 * <p>Checks run cheapest and most fundamental first, so each record gets the reason a producer can act on: size,
 * JSON syntax, required envelope fields, JSON types, known type and schema version, timestamp, entity references,
 * and last the typed payload. The bytes are parsed once into a tree; the valid path throws no exception.
 */
public final class EventValidator {

    /** The envelope fields every event carries, by wire name, in the order they are checked. */
    public static final List<String> REQUIRED_FIELDS =
            List.of("tenant_id", "event_id", "type", "occurred_at", "schema_version");

    /** Ids are keys in state and topics; longer ones are junk or an attack. */
    public static final int MAX_ID_LENGTH = 256;

    /** ISO-8601 years have four digits; outside them an instant no longer fits epoch milliseconds either. */
    static final Instant EARLIEST_OCCURRED_AT = Instant.parse("0000-01-01T00:00:00Z");
    static final Instant LATEST_OCCURRED_AT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static final String PAYLOAD = "payload";
    private static final List<String> STRING_FIELDS = List.of("tenant_id", "event_id", "type", "occurred_at");
    private static final List<String> ID_FIELDS = List.of("tenant_id", "event_id");

    // Duplicate keys are rejected: different parsers keep different copies, so the record has no single meaning.
    private static final ObjectReader TREE_READER = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private static final Map<EventType, PayloadShape> SHAPES = payloadShapes();

    private final ValidatorConfig config;
    private final Clock clock;
    private final String knownVersions;

    public EventValidator(ValidatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.knownVersions = config.schemaVersions().stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    public ValidationResult validate(byte[] bytes) {
        try {
            return check(bytes);
        } catch (StackOverflowError e) {
            return ValidationResult.invalid(NOT_JSON, "nested too deeply to read");
        } catch (Throwable e) {
            // A bug here must cost one dead letter, not the job: the record stays replayable once it is fixed.
            return ValidationResult.invalid(NOT_JSON, Details.clip("could not be read: " + e));
        }
    }

    private ValidationResult check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return ValidationResult.invalid(NOT_JSON, "empty record");
        }
        if (bytes.length > config.maxPayloadBytes()) {
            return ValidationResult.invalid(OVERSIZED,
                    "record is " + bytes.length + " bytes, over the limit of " + config.maxPayloadBytes());
        }
        JsonNode root;
        try {
            root = TREE_READER.readTree(bytes);
        } catch (IOException e) {
            return ValidationResult.invalid(NOT_JSON, parseFailure(e));
        }
        if (root == null || root.isMissingNode()) {
            return ValidationResult.invalid(NOT_JSON, "no JSON value, only whitespace");
        }
        if (!root.isObject()) {
            return ValidationResult.invalid(NOT_JSON, "the record is " + Details.describe(root) + ", not a JSON object");
        }
        return new Envelope(root).check();
    }

    /** One record's checks; it holds the ids read so far so that every rejection can name them. */
    private final class Envelope {
        private final JsonNode root;
        private final String tenantId;
        private final String eventId;

        Envelope(JsonNode root) {
            this.root = root;
            this.tenantId = readableId(root.get("tenant_id"));
            this.eventId = readableId(root.get("event_id"));
        }

        ValidationResult check() {
            ValidationResult failure = firstMissingField();
            if (failure == null) {
                failure = firstEnvelopeTypeError();
            }
            if (failure != null) {
                return failure;
            }

            String typeName = root.get("type").textValue();
            EventType type = EventType.fromWireName(typeName).orElse(null);
            if (type == null) {
                return reject(UNKNOWN_TYPE, "unknown type " + Details.quote(typeName));
            }
            JsonNode version = root.get("schema_version");
            if (!version.canConvertToInt() || !config.schemaVersions().contains(version.intValue())) {
                return reject(UNKNOWN_SCHEMA_VERSION, "schema_version " + Details.clip(version.asText(), 40)
                        + " is not one of " + knownVersions);
            }
            String occurredAtText = root.get("occurred_at").textValue();
            Instant occurredAt = IsoInstants.parse(occurredAtText);
            failure = timestampError(occurredAt, occurredAtText);
            if (failure == null) {
                failure = firstMissingReference(type);
            }
            if (failure != null) {
                return failure;
            }
            return withTypedPayload(type, version.intValue(), occurredAt);
        }

        private ValidationResult firstMissingField() {
            for (String field : REQUIRED_FIELDS) {
                JsonNode value = root.get(field);
                if (value == null) {
                    return reject(MISSING_FIELD, field + " is missing");
                }
                if (value.isNull()) {
                    return reject(MISSING_FIELD, field + " is null");
                }
                if (value.isTextual() && value.textValue().isBlank()) {
                    return reject(MISSING_FIELD, field + " is blank");
                }
            }
            return null;
        }

        private ValidationResult timestampError(Instant occurredAt, String text) {
            if (occurredAt == null || occurredAt.isBefore(EARLIEST_OCCURRED_AT) || occurredAt.isAfter(LATEST_OCCURRED_AT)) {
                return reject(BAD_TIMESTAMP, "occurred_at " + Details.quote(text)
                        + " is not an ISO-8601 instant such as 2026-03-01T10:00:00Z");
            }
            Instant now = clock.instant();
            if (occurredAt.isAfter(now.plus(config.maxFutureSkew()))) {
                return reject(FUTURE_TIMESTAMP, "occurred_at " + occurredAt + " is more than "
                        + config.maxFutureSkew() + " ahead of " + now);
            }
            return null;
        }

        private ValidationResult firstMissingReference(EventType type) {
            for (Set<EntityRef> group : type.requiredRefs()) {
                if (!anyPresent(group)) {
                    return reject(MISSING_REFERENCE, type.wireName() + " needs " + describeGroup(group));
                }
            }
            return null;
        }

        /** The last check: the payload must read as the type's record; its canonical JSON goes into the event. */
        private ValidationResult withTypedPayload(EventType type, int schemaVersion, Instant occurredAt) {
            JsonNode payloadNode = root.get(PAYLOAD);
            if (payloadNode == null || payloadNode.isNull()) {
                payloadNode = Json.mapper().createObjectNode();
            }
            PayloadShape shape = SHAPES.get(type);
            PayloadShape.Mismatch mismatch = shape.firstMismatch(payloadNode, type.wireName());
            if (mismatch != null) {
                return reject(mismatch.reason(), mismatch.detail());
            }
            Record payload;
            try {
                payload = shape.reader().readValue(payloadNode);
            } catch (IOException e) {
                return rejectBinding(e, type);
            }
            return new ValidationResult.Valid(new CrmEvent(eventId, tenantId, type.wireName(), occurredAt, schemaVersion,
                    presentRef(EntityRef.LEAD), presentRef(EntityRef.CONTACT), presentRef(EntityRef.ACCOUNT),
                    presentRef(EntityRef.OPPORTUNITY), presentRef(EntityRef.CAMPAIGN), presentRef(EntityRef.USER),
                    Json.write(payload)));
        }

        private ValidationResult firstEnvelopeTypeError() {
            for (String field : STRING_FIELDS) {
                JsonNode value = root.get(field);
                if (!value.isTextual()) {
                    return reject(WRONG_TYPE, field + " must be a string, got " + Details.describe(value));
                }
            }
            for (String idField : ID_FIELDS) {
                ValidationResult badId = checkId(idField, root.get(idField).textValue());
                if (badId != null) {
                    return badId;
                }
            }
            JsonNode version = root.get("schema_version");
            if (!version.isIntegralNumber()) {
                return reject(WRONG_TYPE, "schema_version must be an integer, got " + Details.describe(version));
            }
            for (EntityRef ref : EntityRef.values()) {
                JsonNode value = root.get(ref.field());
                if (value == null || value.isNull()) {
                    continue;
                }
                if (!value.isTextual()) {
                    return reject(WRONG_TYPE, ref.field() + " must be a string, got " + Details.describe(value));
                }
                ValidationResult badId = checkId(ref.field(), value.textValue());
                if (badId != null) {
                    return badId;
                }
            }
            JsonNode payload = root.get(PAYLOAD);
            if (payload != null && !payload.isNull() && !payload.isObject()) {
                return reject(WRONG_TYPE, "payload must be an object, got " + Details.describe(payload));
            }
            return null;
        }

        private ValidationResult checkId(String field, String id) {
            if (id.length() > MAX_ID_LENGTH) {
                return reject(WRONG_TYPE, field + " is " + id.length() + " characters, over " + MAX_ID_LENGTH);
            }
            int surrogate = Details.loneSurrogateIndex(id);
            if (surrogate >= 0) {
                // Parsed from an escape such as backslash-u-D800: valid JSON syntax, but no UTF-8 writer can emit it again.
                return reject(NOT_JSON, field + " is not valid Unicode: a lone surrogate at index " + surrogate);
            }
            return null;
        }

        private boolean anyPresent(Set<EntityRef> group) {
            for (EntityRef ref : group) {
                if (presentRef(ref) != null) {
                    return true;
                }
            }
            return false;
        }

        /** The reference's id, or null when absent, null or blank: blank ids would key state on nothing. */
        private String presentRef(EntityRef ref) {
            JsonNode value = root.get(ref.field());
            return value != null && value.isTextual() && !value.textValue().isBlank() ? value.textValue() : null;
        }

        private ValidationResult rejectBinding(IOException e, EventType type) {
            String path = e instanceof JsonMappingException mapping ? fieldPath(mapping) : PAYLOAD;
            String message = e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
            if (message != null && message.startsWith("Missing required creator property")) {
                return reject(INVALID_PAYLOAD, path + " is required for " + type.wireName());
            }
            if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == LocalDate.class) {
                return reject(WRONG_TYPE, path + " must be a date string (yyyy-mm-dd), got "
                        + Details.quote(String.valueOf(invalid.getValue())));
            }
            return reject(WRONG_TYPE, path + " does not fit " + type.payloadClass().getSimpleName() + ": "
                    + Details.clip(firstLine(message), 120));
        }

        private ValidationResult reject(DeadLetterReason reason, String detail) {
            return new ValidationResult.Invalid(reason, Details.clip(detail), tenantId, eventId);
        }
    }

    /** Ids are echoed into dead letters only when they are usable as ids and can be written as UTF-8. */
    private static String readableId(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        String text = value.textValue();
        boolean usable = !text.isBlank() && text.length() <= MAX_ID_LENGTH && Details.loneSurrogateIndex(text) < 0;
        return usable ? text : null;
    }

    private static String describeGroup(Set<EntityRef> group) {
        List<String> fields = group.stream().sorted().map(EntityRef::field).toList();
        if (fields.size() == 1) {
            return fields.get(0);
        }
        return String.join(", ", fields.subList(0, fields.size() - 1)) + " or " + fields.get(fields.size() - 1);
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder(PAYLOAD);
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String parseFailure(IOException e) {
        if (!(e instanceof JsonProcessingException processing)) {
            return Details.clip("unreadable: " + e.getMessage());
        }
        String message = firstLine(processing.getOriginalMessage());
        JsonLocation location = processing.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return Details.clip(Details.clip(message, 180) + where);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static Map<EventType, PayloadShape> payloadShapes() {
        Map<EventType, PayloadShape> shapes = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            shapes.put(type, PayloadShape.of(type.payloadClass()));
        }
        return shapes;
    }
}
