package com.crmautopilot.models.validation;

import com.crmautopilot.models.SampleRecords;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EntityRef;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static com.crmautopilot.models.SampleRecords.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds the validator mutants of valid events and checks that it always answers, never throws, and that every
 * answer is usable: an invalid record has a malformed reason and a detail and can be written as a dead letter, and a
 * valid event can be read and re-validated to itself. The random source is seeded, so a failure reproduces.
 */
class EventValidatorFuzzTest {

    private static final long SEED = 20_260_301L;
    private static final int TOTAL_MUTANTS = 100_008;
    private static final int MAX_PROBLEMS_SHOWN = 10;

    /** The ways a producer, a network or an attacker can damage a record. */
    enum Mutation {
        TRUNCATION, TYPE_SWAP, VALUE_SWAP, RANDOM_BYTES, DEEP_NESTING, HUGE_STRING, FIELD_DELETION, DUPLICATED_KEY,
        UNICODE_JUNK
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PLACEHOLDER = "@@nest@@";
    private static final byte[][] JUNK_BYTES = {
            {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {0}, {1}, {'\n'}, {'"'}, {'\\'}, {'\\', 'u', 'd', '8', '0', '0'},
            "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8), "\u202E".getBytes(StandardCharsets.UTF_8),
            "e\u0301\u200D".getBytes(StandardCharsets.UTF_8), {'}'}, {']'}, {','}, {':'}};
    private static final String[] JUNK_TEXT = {"\uD800", "\uDC00x", "\u0000", "\u001B[31m", "\uFEFF", "\u202E", "\uD83D\uDE00",
            "\u200B", "e\u0301", "\\", "\"", "\uFFFF", "\u2028"};

    private final EventValidator validator = new EventValidator(ValidatorConfig.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void answersEveryMutantWithAValidEventOrAReasonAndNeverThrows() {
        Random random = new Random(SEED);
        List<ObjectNode> seeds = seedEvents();
        Mutation[] mutations = Mutation.values();
        Map<Mutation, Map<DeadLetterReason, Integer>> rejected = new EnumMap<>(Mutation.class);
        Map<Mutation, Integer> accepted = new EnumMap<>(Mutation.class);
        List<String> problems = new ArrayList<>();

        long started = System.nanoTime();
        for (int i = 0; i < TOTAL_MUTANTS; i++) {
            Mutation mutation = mutations[i % mutations.length];
            byte[] mutant = mutate(mutation, seeds.get(random.nextInt(seeds.size())), random);
            ValidationResult result;
            try {
                result = validator.validate(mutant);
            } catch (Throwable escaped) {
                problems.add(mutation + " #" + i + " threw " + escaped);
                continue;
            }
            String problem = problemWith(result);
            if (problem != null) {
                problems.add(mutation + " #" + i + ": " + problem + " for " + excerpt(mutant));
            } else if (result instanceof ValidationResult.Invalid invalid) {
                rejected.computeIfAbsent(mutation, m -> new EnumMap<>(DeadLetterReason.class)).merge(invalid.reason(), 1, Integer::sum);
            } else {
                accepted.merge(mutation, 1, Integer::sum);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("fuzzed %,d mutants in %d ms; accepted %s; rejected %s%n",
                TOTAL_MUTANTS, elapsed.toMillis(), accepted, rejected);

        assertThat(problems).as("first problems of %d", problems.size())
                .isEmpty();
        int answered = accepted.values().stream().mapToInt(Integer::intValue).sum()
                + rejected.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        assertThat(answered).isEqualTo(TOTAL_MUTANTS).isGreaterThanOrEqualTo(100_000);
        for (Mutation mutation : mutations) {
            int rejections = rejected.getOrDefault(mutation, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            assertThat(rejections).as("rejections from %s", mutation).isGreaterThan(TOTAL_MUTANTS / mutations.length / 20);
        }
        Set<DeadLetterReason> seen = rejected.values().stream().flatMap(m -> m.keySet().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DeadLetterReason.class)));
        Set<DeadLetterReason> malformed = Arrays.stream(DeadLetterReason.values()).filter(DeadLetterReason::isMalformed)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DeadLetterReason.class)));
        assertThat(seen).as("reasons the fuzzer reached").isEqualTo(malformed);
        assertThat(accepted.getOrDefault(Mutation.FIELD_DELETION, 0)).as("deleting optional fields keeps events valid").isPositive();
    }

    @Test
    void givesTheSameVerdictForTheSameBytes() {
        Random random = new Random(SEED);
        List<ObjectNode> seeds = seedEvents();
        for (int i = 0; i < 2_000; i++) {
            byte[] mutant = mutate(Mutation.values()[i % Mutation.values().length], seeds.get(random.nextInt(seeds.size())), random);

            assertThat(validator.validate(mutant.clone())).isEqualTo(validator.validate(mutant));
        }
    }

    /** Null when the result honours the contract, else what is wrong with it. */
    private String problemWith(ValidationResult result) {
        if (result instanceof ValidationResult.Invalid invalid) {
            if (invalid.reason() == null || !invalid.reason().isMalformed()) {
                return "reason " + invalid.reason();
            }
            if (invalid.detail() == null || invalid.detail().isBlank() || invalid.detail().length() > Details.MAX_DETAIL_CHARS + 3) {
                return "detail " + invalid.detail();
            }
            try {
                Json.writeBytes(DeadLetter.fromSource(invalid.reason(), invalid.detail(), "crm.events", 0, 0L,
                        invalid.tenantId(), invalid.eventId(), new byte[0]));
                return null;
            } catch (RuntimeException e) {
                return "cannot be dead-lettered: " + e;
            }
        }
        if (!(result instanceof ValidationResult.Valid valid) || valid.event() == null) {
            return "no result";
        }
        CrmEvent event = valid.event();
        try {
            event.timestampMillis();
            event.payloadAs(event.eventType().payloadClass());
            for (Set<EntityRef> group : event.eventType().requiredRefs()) {
                if (group.stream().noneMatch(ref -> event.ref(ref).isPresent())) {
                    return "valid event lacks one of " + group;
                }
            }
            ValidationResult again = validator.validate(Json.writeBytes(event));
            return again.equals(result) ? null : "re-validating the valid event gave " + again;
        } catch (RuntimeException e) {
            return "valid event is unusable: " + e;
        }
    }

    // ---- mutations

    private static byte[] mutate(Mutation mutation, ObjectNode seed, Random random) {
        ObjectNode event = seed.deepCopy();
        return switch (mutation) {
            case TRUNCATION -> truncate(bytes(event), random);
            case TYPE_SWAP -> {
                Target target = pickField(event, random);
                target.parent().set(target.field(), randomValueOfAnyType(random));
                yield bytes(event);
            }
            case VALUE_SWAP -> bytes(swapValue(event, random));
            case RANDOM_BYTES -> randomBytes(bytes(event), random);
            case DEEP_NESTING -> nest(event, random);
            case HUGE_STRING -> {
                Target target = pickField(event, random);
                int[] lengths = {100, 257, 2_000, 20_000, 60_000, 70_000, 200_000};
                char fill = (char) ('a' + random.nextInt(26));
                target.parent().put(target.field(), String.valueOf(fill).repeat(lengths[random.nextInt(lengths.length)]));
                yield bytes(event);
            }
            case FIELD_DELETION -> {
                int deletions = 1 + random.nextInt(3);
                for (int i = 0; i < deletions; i++) {
                    Target target = pickField(event, random);
                    target.parent().remove(target.field());
                }
                yield bytes(event);
            }
            case DUPLICATED_KEY -> duplicateKey(event, random);
            case UNICODE_JUNK -> unicodeJunk(event, random);
        };
    }

    /** A field of the envelope or of the payload. */
    private record Target(ObjectNode parent, String field) {
    }

    private static Target pickField(ObjectNode event, Random random) {
        JsonNode payload = event.get("payload");
        if (payload instanceof ObjectNode payloadObject && payloadObject.size() > 0 && random.nextInt(3) == 0) {
            return new Target(payloadObject, nthField(payloadObject, random.nextInt(payloadObject.size())));
        }
        if (event.size() == 0) {
            return new Target(event, "tenant_id");
        }
        return new Target(event, nthField(event, random.nextInt(event.size())));
    }

    private static String nthField(ObjectNode node, int n) {
        var names = node.fieldNames();
        for (int i = 0; i < n; i++) {
            names.next();
        }
        return names.next();
    }

    private static JsonNode randomValueOfAnyType(Random random) {
        return switch (random.nextInt(11)) {
            case 0 -> NODES.numberNode(random.nextInt());
            case 1 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 2 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 3 -> NODES.textNode("x" + random.nextInt(100));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.arrayNode();
            case 7 -> NODES.arrayNode().add(1).add("two");
            case 8 -> NODES.objectNode().put("id", "x");
            case 9 -> NODES.textNode("");
            default -> NODES.numberNode(1);
        };
    }

    /** Same JSON type, wrong content: the mistakes a well-meaning producer makes. */
    private static ObjectNode swapValue(ObjectNode event, Random random) {
        switch (random.nextInt(8)) {
            case 0 -> event.put("type", new String[]{"lead.exploded", "EMAIL.OPENED", "email.opened ", "email"}[random.nextInt(4)]);
            case 1 -> event.put("type", EventType.values()[random.nextInt(EventType.values().length)].wireName());
            case 2 -> event.put("occurred_at", NOW.plus(Duration.ofMinutes(1 + random.nextInt(10_000_000))).toString());
            case 3 -> event.put("occurred_at", new String[]{"2026-03-01", "2026-03-01T10:00", "1772359200", "2026-03-01T25:00:00Z"}[random.nextInt(4)]);
            case 4 -> event.put("schema_version", random.nextInt(5) - 2);
            case 5 -> event.put(EntityRef.values()[random.nextInt(EntityRef.values().length)].field(), random.nextBoolean() ? "" : " ");
            case 6 -> event.putObject("payload");
            default -> {
                JsonNode payload = event.get("payload");
                if (payload instanceof ObjectNode payloadObject && payloadObject.size() > 0) {
                    payloadObject.putNull(nthField(payloadObject, random.nextInt(payloadObject.size())));
                }
            }
        }
        return event;
    }

    private static byte[] truncate(byte[] bytes, Random random) {
        return Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }

    private static byte[] randomBytes(byte[] original, Random random) {
        if (random.nextBoolean()) {
            byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] damaged = original.clone();
        int hits = 1 + random.nextInt(8);
        for (int i = 0; i < hits; i++) {
            damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
        }
        return damaged;
    }

    /** Wraps a field's value (or a new junk field) in arrays and objects, some shallow, some past the depth limit. */
    private static byte[] nest(ObjectNode event, Random random) {
        int[] depths = {1, 5, Json.MAX_NESTING_DEPTH - 2, Json.MAX_NESTING_DEPTH, Json.MAX_NESTING_DEPTH + 1, 500, 5_000};
        int depth = depths[random.nextInt(depths.length)];
        Target target = random.nextInt(3) == 0 ? new Target(event, "junk") : pickField(event, random);
        JsonNode original = target.parent().get(target.field());
        target.parent().put(target.field(), PLACEHOLDER);
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            boolean array = random.nextBoolean();
            open.append(array ? "[" : "{\"n\":");
            close.insert(0, array ? "]" : "}");
        }
        String inner = original == null ? "{}" : original.toString();
        String json = Json.write(event).replace('"' + PLACEHOLDER + '"', open + inner + close);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] duplicateKey(ObjectNode event, Random random) {
        Target target = pickField(event, random);
        JsonNode value = random.nextBoolean() ? target.parent().get(target.field()) : randomValueOfAnyType(random);
        String json = Json.write(event);
        String duplicate = Json.write(target.field()) + ":" + value + ",";
        int objectStart = target.parent() == event ? 0 : json.indexOf("\"payload\":{") + "\"payload\":".length();
        return (json.substring(0, objectStart + 1) + duplicate + json.substring(objectStart + 1)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] unicodeJunk(ObjectNode event, Random random) {
        if (random.nextBoolean()) {
            Target target = pickField(event, random);
            JsonNode value = target.parent().get(target.field());
            String base = value != null && value.isTextual() ? value.textValue() : "";
            String junk = JUNK_TEXT[random.nextInt(JUNK_TEXT.length)];
            int at = random.nextInt(base.length() + 1);
            target.parent().put(target.field(), base.substring(0, at) + junk + base.substring(at));
            return bytes(event);
        }
        byte[] original = bytes(event);
        byte[] junk = JUNK_BYTES[random.nextInt(JUNK_BYTES.length)];
        int at = random.nextInt(original.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + junk.length);
        out.write(original, 0, at);
        out.write(junk, 0, junk.length);
        out.write(original, at, original.length - at);
        return out.toByteArray();
    }

    // ---- seeds

    /** Every type twice: fully populated, and stripped to its required references and payload fields. */
    private static List<ObjectNode> seedEvents() {
        List<ObjectNode> seeds = new ArrayList<>();
        for (EventType type : EventType.values()) {
            ObjectNode full = (ObjectNode) tree(Json.writeBytes(SampleRecords.event(type)));
            seeds.add(full);
            ObjectNode minimal = full.deepCopy();
            for (EntityRef ref : EntityRef.values()) {
                boolean needed = type.requiredRefs().stream().anyMatch(group -> group.stream().sorted().findFirst().orElseThrow() == ref);
                if (!needed) {
                    minimal.remove(ref.field());
                }
            }
            ObjectNode payload = (ObjectNode) minimal.get("payload");
            for (PayloadShape.Field field : PayloadShape.of(type.payloadClass()).fields()) {
                if (!field.required()) {
                    payload.remove(field.wireName());
                }
            }
            seeds.add(minimal);
        }
        return seeds;
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        return Json.writeBytes(node);
    }

    private static String excerpt(byte[] mutant) {
        String text = new String(mutant, 0, Math.min(mutant.length, 300), StandardCharsets.UTF_8);
        return text + (mutant.length > 300 ? "... (" + mutant.length + " bytes)" : "");
    }
}
