package com.crmautopilot.cep.config;

import com.crmautopilot.models.config.DurationText;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One trigger's parameters, as {@code conf/triggers.yaml} gives them (or a tenant's override of them). Values are
 * text so one record type serves every trigger; the typed getters parse them and fail loudly on a wrong value,
 * which config loading surfaces at start, not mid-stream.
 *
 * @param triggerType {@link com.crmautopilot.models.suggest.TriggerType#wireName()}
 * @param params      name to value: durations as ISO-8601 ({@code P30D}, {@code PT24H}) or {@code 30d}/{@code 24h}/{@code 15m}
 */
public record TriggerSettings(String triggerType, boolean enabled, Map<String, String> params) {

    /**
     * Parsed durations by their text: triggers read a duration for every record, and the texts are the few values of
     * the catalog and its overrides. Bounded, in case overrides keep inventing new texts.
     */
    private static final Map<String, Duration> PARSED = new ConcurrentHashMap<>();
    /** Comma-separated lists by their text, for the same reason. */
    private static final Map<String, Set<String>> LISTS = new ConcurrentHashMap<>();
    private static final int PARSED_MAX = 1_024;

    public TriggerSettings {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public String text(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException(triggerType + ": parameter " + name + " is not set");
        }
        return value.trim();
    }

    public Duration duration(String name) {
        String text = text(name);
        Duration parsed = PARSED.get(text);
        if (parsed == null) {
            parsed = DurationText.parse(text);
            if (PARSED.size() < PARSED_MAX) {
                PARSED.put(text, parsed);
            }
        }
        return parsed;
    }

    /** A comma-separated parameter as an ordered, unmodifiable set of its trimmed, non-empty items. */
    public Set<String> list(String name) {
        String text = text(name);
        Set<String> parsed = LISTS.get(text);
        if (parsed == null) {
            Set<String> items = new LinkedHashSet<>();
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
            parsed = Collections.unmodifiableSet(items);
            if (LISTS.size() < PARSED_MAX) {
                LISTS.put(text, parsed);
            }
        }
        return parsed;
    }

    public int integer(String name) {
        return Integer.parseInt(text(name));
    }

    public double decimal(String name) {
        return Double.parseDouble(text(name));
    }

    /** These settings with {@code override}'s switch and parameters on top. */
    public TriggerSettings with(TriggerOverride override) {
        if (override == null) {
            return this;
        }
        Map<String, String> merged = new TreeMap<>(params);
        merged.putAll(override.params());
        return new TriggerSettings(triggerType, override.enabled() == null ? enabled : override.enabled(), merged);
    }
}
