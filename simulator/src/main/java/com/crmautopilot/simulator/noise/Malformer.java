package com.crmautopilot.simulator.noise;

import com.crmautopilot.models.event.EntityRef;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetterReason;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Breaks a clean record in one precise way, so that a validator must name exactly that reason. Each reason has a
 * few recipes (cycled by {@code variant}) so that a validator cannot pass by recognising a single shape. The
 * broken record gets its own event id, distinct from every clean one, so it never collides with dedupe, and its
 * bytes are unique, so a dead letter can be matched to its defect by its original bytes.
 * No recipe puts a line break into the bytes: every record stays one line of JSONL.
 */
public final class Malformer {

    /** Oversized records are this many characters of filler over the payload, well past the 64 KiB default. */
    static final int OVERSIZE_FILLER_CHARS = 70_000;
    static final int FUTURE_YEARS = 10;

    private static final List<String> ENVELOPE_FIELDS =
            List.of("tenant_id", "event_id", "type", "occurred_at", "schema_version");
    private static final List<String> UNKNOWN_TYPES = List.of("lead.teleported", "email.openned", "opportunity.archived");
    private static final List<Integer> UNKNOWN_VERSIONS = List.of(2, 99, 0);
    private static final String FILLER = filler();

    /** A malformed record: its bytes and the event id a reader could find in it (null if none). */
    public record Malformed(byte[] bytes, String eventId) {
    }

    private Malformer() {
    }

    public static Malformed corrupt(DeadLetterReason reason, byte[] cleanBytes, EventType type, String badEventId,
                                    int variant) {
        ObjectNode tree = parse(cleanBytes);
        tree.put("event_id", badEventId);
        return switch (reason) {
            case NOT_JSON -> notJson(tree, badEventId, variant);
            case OVERSIZED -> {
                payload(tree).put("notes", FILLER);
                yield of(tree, badEventId);
            }
            case MISSING_FIELD -> missingField(tree, badEventId, variant);
            case UNKNOWN_TYPE -> {
                tree.put("type", UNKNOWN_TYPES.get(variant % UNKNOWN_TYPES.size()));
                yield of(tree, badEventId);
            }
            case UNKNOWN_SCHEMA_VERSION -> {
                tree.put("schema_version", UNKNOWN_VERSIONS.get(variant % UNKNOWN_VERSIONS.size()));
                yield of(tree, badEventId);
            }
            case WRONG_TYPE -> wrongType(tree, badEventId, variant);
            case BAD_TIMESTAMP -> {
                tree.put("occurred_at", badTimestamp(Instant.parse(tree.get("occurred_at").textValue()), variant));
                yield of(tree, badEventId);
            }
            case FUTURE_TIMESTAMP -> {
                Instant at = Instant.parse(tree.get("occurred_at").textValue());
                tree.put("occurred_at", at.atOffset(ZoneOffset.UTC).plusYears(FUTURE_YEARS).toInstant().toString());
                yield of(tree, badEventId);
            }
            case MISSING_REFERENCE -> missingReference(tree, type, badEventId);
            case INVALID_PAYLOAD -> invalidPayload(tree, type, badEventId);
            case DUPLICATE, LATE, MODEL_REFUSED, DELIVERY_FAILED, DELIVERY_REJECTED, DESTINATION_NOT_ALLOWED -> throw new IllegalArgumentException(reason + " is not a malformation");
        };
    }

    private static Malformed notJson(ObjectNode tree, String eventId, int variant) {
        String json = Json.write(tree);
        return switch (variant % 3) {
            // A producer that died mid-write.
            case 0 -> new Malformed(utf8(json.substring(0, json.length() * 3 / 5)), eventId);
            // A proxy's error page where the record should be; the request id keeps every defect's bytes unique.
            case 1 -> new Malformed(utf8("<html><body><h1>502 Bad Gateway</h1><!-- request " + eventId
                    + " --></body></html>"), null);
            // Valid JSON, but not an object.
            default -> new Malformed(utf8("[" + json + "]"), eventId);
        };
    }

    private static Malformed missingField(ObjectNode tree, String eventId, int variant) {
        String field = ENVELOPE_FIELDS.get(variant % ENVELOPE_FIELDS.size());
        boolean blank = (variant / ENVELOPE_FIELDS.size()) % 2 == 1;
        if (blank) {
            tree.put(field, "");
        } else {
            tree.remove(field);
        }
        return of(tree, field.equals("event_id") ? null : eventId);
    }

    private static Malformed wrongType(ObjectNode tree, String eventId, int variant) {
        switch (variant % 4) {
            case 0 -> tree.put("schema_version", "1");
            case 1 -> tree.put("occurred_at", Instant.parse(tree.get("occurred_at").textValue()).toEpochMilli());
            case 2 -> tree.put("payload", "see attachment");
            default -> {
                ObjectNode payload = payload(tree);
                Iterator<Map.Entry<String, JsonNode>> fields = payload.fields();
                if (fields.hasNext()) {
                    Map.Entry<String, JsonNode> first = fields.next();
                    if (first.getValue().isTextual()) {
                        payload.put(first.getKey(), 42);
                    } else {
                        payload.put(first.getKey(), "many");
                    }
                } else {
                    tree.put("user_id", 12345);
                }
            }
        }
        return of(tree, eventId);
    }

    private static String badTimestamp(Instant at, int variant) {
        return switch (variant % 4) {
            case 0 -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC).format(at);
            case 1 -> DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC).format(at);
            case 2 -> DateTimeFormatter.ofPattern("yyyy-MM-dd'T'25:61:00'Z'", Locale.ROOT).withZone(ZoneOffset.UTC).format(at);
            default -> "yesterday";
        };
    }

    private static Malformed missingReference(ObjectNode tree, EventType type, String eventId) {
        List<Set<EntityRef>> groups = type.requiredRefs();
        if (groups.isEmpty()) {
            // A heartbeat needs nothing: make it an engagement event that names no one.
            tree.put("type", EventType.EMAIL_OPENED.wireName());
            tree.putObject("payload");
            for (EntityRef ref : EntityRef.values()) {
                tree.remove(ref.field());
            }
        } else {
            for (EntityRef ref : groups.get(0)) {
                tree.remove(ref.field());
            }
        }
        return of(tree, eventId);
    }

    private static Malformed invalidPayload(ObjectNode tree, EventType type, String eventId) {
        String required = firstRequiredField(type.payloadClass());
        if (required != null) {
            payload(tree).remove(required);
        } else {
            // The type has no required payload field: make it an assignment without its owner.
            if (!tree.hasNonNull("lead_id")) {
                tree.put("lead_id", "lead-00000");
            }
            tree.put("type", EventType.LEAD_ASSIGNED.wireName());
            tree.putObject("payload");
        }
        return of(tree, eventId);
    }

    private static String firstRequiredField(Class<? extends Record> payloadClass) {
        PropertyNamingStrategies.NamingBase naming = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
        for (RecordComponent component : payloadClass.getRecordComponents()) {
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            if (property != null && property.required()) {
                return naming.translate(component.getName());
            }
        }
        return null;
    }

    private static ObjectNode payload(ObjectNode tree) {
        JsonNode payload = tree.get("payload");
        if (payload instanceof ObjectNode object) {
            return object;
        }
        return tree.putObject("payload");
    }

    private static Malformed of(ObjectNode tree, String eventId) {
        return new Malformed(utf8(Json.write(tree)), eventId);
    }

    private static ObjectNode parse(byte[] bytes) {
        try {
            return (ObjectNode) Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("clean records are JSON objects", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String filler() {
        String words = "lorem ipsum dolor sit amet consectetur adipiscing elit ";
        StringBuilder out = new StringBuilder(OVERSIZE_FILLER_CHARS + words.length());
        while (out.length() < OVERSIZE_FILLER_CHARS) {
            out.append(words);
        }
        return out.substring(0, OVERSIZE_FILLER_CHARS);
    }
}
