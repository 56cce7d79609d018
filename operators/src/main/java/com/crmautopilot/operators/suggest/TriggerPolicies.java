package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.config.ConfigDocuments;
import com.crmautopilot.models.config.DurationText;
import com.crmautopilot.models.suggest.TriggerType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Base priority, cooldown and snooze of every trigger type. They are read from {@code conf/triggers.yaml}, whose
 * owner is the trigger library: this class reads only {@code triggers.<wire_name>.params.{base_priority, cooldown,
 * snooze}} and ignores every other key, so the file can grow without breaking the engine. A trigger or parameter
 * the file does not give keeps the shipped one ({@value #RESOURCE} on the classpath).
 *
 * <p>{@code base_priority} is a number in (0, 1] or one of the words {@code high} (0.8), {@code medium} (0.5),
 * {@code low} (0.25). Durations are ISO-8601 ({@code P7D}) or shorthand ({@code 7d}, {@code 24h}).
 */
public final class TriggerPolicies implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The shipped {@code triggers.yaml} (on the classpath, beside the templates; the trigger catalog reads the same
     * copy), so a job started without a conf directory ranks as the trigger catalog says.
     */
    public static final String RESOURCE = "triggers.yaml";
    /** For a trigger type this build does not know: neutral, so a new trigger is never dropped. */
    private static final TriggerPolicy NEUTRAL = policy(0.5, 7, 7);

    /** The shipped policies; every trigger type must have one. */
    private static final Map<TriggerType, TriggerPolicy> DEFAULTS = complete(ConfigDocuments.fromClasspath(
            TriggerPolicies.class, RESOURCE, (yaml, source) -> parse(yaml, source, Map.of())));

    private final EnumMap<TriggerType, TriggerPolicy> policies;

    private TriggerPolicies(Map<TriggerType, TriggerPolicy> policies) {
        this.policies = new EnumMap<>(policies);
    }

    public static TriggerPolicies defaults() {
        return new TriggerPolicies(DEFAULTS);
    }

    public static TriggerPolicies fromFile(Path file) {
        return ConfigDocuments.fromFile(file, TriggerPolicies::fromYaml);
    }

    /** Reads the file if it exists, else the built-in defaults. */
    public static TriggerPolicies fromFileOrDefaults(Path file) {
        return file != null && Files.isRegularFile(file) ? fromFile(file) : defaults();
    }

    /** A trigger or parameter {@code yaml} does not give keeps the shipped one. */
    public static TriggerPolicies fromYaml(String yaml, String source) {
        return new TriggerPolicies(parse(yaml, source, DEFAULTS));
    }

    private static Map<TriggerType, TriggerPolicy> parse(String yaml, String source,
                                                         Map<TriggerType, TriggerPolicy> inherited) {
        JsonNode root = ConfigDocuments.parseYaml(new YAMLMapper(), yaml, source);
        Map<TriggerType, TriggerPolicy> policies = new EnumMap<>(TriggerType.class);
        policies.putAll(inherited);
        JsonNode triggers = root == null ? null : root.get("triggers");
        if (triggers == null || !triggers.isObject()) {
            return policies;
        }
        triggers.fields().forEachRemaining(entry -> TriggerType.fromWire(entry.getKey()).ifPresent(type -> {
            JsonNode params = entry.getValue().path("params");
            TriggerPolicy fallback = policies.getOrDefault(type, NEUTRAL);
            String where = source + ": triggers." + entry.getKey() + ".params";
            double base = params.hasNonNull("base_priority")
                    ? basePriority(params.get("base_priority"), where) : fallback.basePriority();
            Duration cooldown = params.hasNonNull("cooldown")
                    ? duration(params.get("cooldown"), where + ".cooldown") : fallback.cooldown();
            Duration snooze = params.hasNonNull("snooze")
                    ? duration(params.get("snooze"), where + ".snooze") : fallback.snooze();
            try {
                policies.put(type, new TriggerPolicy(base, cooldown, snooze));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }));
        return policies;
    }

    public TriggerPolicy of(TriggerType type) {
        return policies.get(type);
    }

    /** The policy of a wire name; unknown names get a neutral policy, so a new trigger is never dropped. */
    public TriggerPolicy of(String wireName) {
        return TriggerType.fromWire(wireName).map(policies::get).orElse(NEUTRAL);
    }

    private static double basePriority(JsonNode node, String where) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        String text = node.asText().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "high" -> 0.8;
            case "medium" -> 0.5;
            case "low" -> 0.25;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ".base_priority must be a number in (0, 1] or "
                            + "high, medium, low; got '" + text + "'");
                }
            }
        };
    }

    private static Duration duration(JsonNode node, String where) {
        try {
            return DurationText.parse(node.asText());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + " is not a duration such as 7d or P7D: '" + node.asText() + "'");
        }
    }

    private static TriggerPolicy policy(double base, int cooldownDays, int snoozeDays) {
        return new TriggerPolicy(base, Duration.ofDays(cooldownDays), Duration.ofDays(snoozeDays));
    }

    private static Map<TriggerType, TriggerPolicy> complete(Map<TriggerType, TriggerPolicy> given) {
        for (TriggerType type : TriggerType.values()) {
            if (!given.containsKey(type)) {
                throw new IllegalStateException("the shipped " + RESOURCE + " gives no policy for " + type.wireName());
            }
        }
        return given;
    }
}
