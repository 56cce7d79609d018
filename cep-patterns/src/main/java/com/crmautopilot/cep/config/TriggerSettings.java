package com.crmautopilot.cep.config;

import com.crmautopilot.models.config.DurationText;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One trigger's parameters, as {@code conf/triggers.yaml} gives them (or a tenant's override of them). Values are
 * text so one type serves every trigger; the typed getters parse them and fail loudly on a wrong value, which config
 * loading surfaces at start, not mid-stream.
 *
 * <p>Triggers read a duration or a list for every record. Each instance parses a value once and keeps it, and the
 * operators' {@link TriggerOverrides.Resolver} hands out one instance per tenant until an override replaces it, so
 * the per-record path is a map lookup and an override never meets a stale parse. Equality is by the three values
 * only.
 */
public final class TriggerSettings {

    private final String triggerType;
    private final boolean enabled;
    private final Map<String, String> params;
    // Parsed parameters by name, and derived views (a business calendar) by a name of their own.
    private final Map<String, Duration> durations = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> lists = new ConcurrentHashMap<>();
    private final Map<String, Object> views = new ConcurrentHashMap<>();

    /**
     * @param triggerType {@link com.crmautopilot.models.suggest.TriggerType#wireName()}
     * @param params      name to value: durations as ISO-8601 ({@code P30D}, {@code PT24H}) or
     *                    {@code 30d}/{@code 24h}/{@code 15m}
     */
    public TriggerSettings(String triggerType, boolean enabled, Map<String, String> params) {
        this.triggerType = triggerType;
        this.enabled = enabled;
        this.params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public String triggerType() {
        return triggerType;
    }

    public boolean enabled() {
        return enabled;
    }

    public Map<String, String> params() {
        return params;
    }

    public String text(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException(triggerType + ": parameter " + name + " is not set");
        }
        return value.trim();
    }

    public Duration duration(String name) {
        Duration parsed = durations.get(name);
        if (parsed == null) {
            parsed = DurationText.parse(text(name));
            durations.put(name, parsed);
        }
        return parsed;
    }

    /** A comma-separated parameter as an ordered, unmodifiable set of its trimmed, non-empty items. */
    public Set<String> list(String name) {
        Set<String> parsed = lists.get(name);
        if (parsed == null) {
            Set<String> items = new LinkedHashSet<>();
            for (String item : text(name).split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
            parsed = Collections.unmodifiableSet(items);
            lists.put(name, parsed);
        }
        return parsed;
    }

    public int integer(String name) {
        return Integer.parseInt(text(name));
    }

    public double decimal(String name) {
        return Double.parseDouble(text(name));
    }

    /**
     * A view of these settings that is costly to build (a business calendar), built on first use and kept with them.
     * {@code name} must identify what {@code build} makes; {@code build} must not return null, nor fail differently
     * on a second call.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String name, Function<TriggerSettings, T> build) {
        Object value = views.get(name);
        if (value == null) {
            value = build.apply(this);
            views.put(name, value);
        }
        return (T) value;
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

    @Override
    public boolean equals(Object other) {
        return other instanceof TriggerSettings that && enabled == that.enabled
                && Objects.equals(triggerType, that.triggerType) && params.equals(that.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(triggerType, enabled, params);
    }

    @Override
    public String toString() {
        return "TriggerSettings[triggerType=" + triggerType + ", enabled=" + enabled + ", params=" + params + "]";
    }
}
