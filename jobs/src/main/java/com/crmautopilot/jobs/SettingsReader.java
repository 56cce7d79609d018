package com.crmautopilot.jobs;

import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads a job's settings by key, so every refusal names the key and the offending value, and a job fails at start
 * rather than mid-stream. Every job's settings class reads its keys through one of these.
 */
public final class SettingsReader {

    private final Map<String, String> values;
    private final Set<String> knownKeys;

    /**
     * @param values    the values to read, defaults included
     * @param knownKeys the keys of the settings class: a refusal that already starts with one is passed on as it is
     */
    public SettingsReader(Map<String, String> values, Set<String> knownKeys) {
        this.values = values;
        this.knownKeys = knownKeys;
    }

    /** {@code --config FILE} loads a properties file first; every other {@code --key value} overrides it. */
    public static Map<String, String> argsToMap(String[] args) {
        ParameterTool parameters = ParameterTool.fromArgs(args);
        Map<String, String> values = new LinkedHashMap<>();
        if (parameters.has("config")) {
            try {
                values.putAll(ParameterTool.fromPropertiesFile(parameters.get("config")).toMap());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --config " + parameters.get("config"), e);
            }
        }
        parameters.toMap().forEach((key, value) -> {
            if (!key.equals("config")) {
                values.put(key, value);
            }
        });
        return values;
    }

    /** The defaults with the overrides on top; an override of a key the defaults do not have is refused. */
    public static Map<String, String> withDefaults(Map<String, String> defaults, Map<String, String> overrides) {
        Set<String> unknown = new TreeSet<>(overrides.keySet());
        unknown.removeAll(defaults.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting(s) " + unknown + "; known: " + defaults.keySet());
        }
        Map<String, String> values = new LinkedHashMap<>(defaults);
        values.putAll(overrides);
        return values;
    }

    public String text(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
        return value.trim();
    }

    public Duration duration(String key) {
        String value = text(key);
        try {
            return TimeUtils.parseDuration(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " = '" + value + "' is not a duration such as '30 s' or '15 min'");
        }
    }

    public int integer(String key) {
        String value = text(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + value + "' is not a whole number");
        }
    }

    public double number(String key) {
        String value = text(key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + value + "' is not a number");
        }
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String value = text(key);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new IllegalArgumentException(key + " = '" + value + "' is not one of " + allowed);
        }
    }

    /** Runs a constructor; a refusal that does not already name its key is prefixed with the keys involved. */
    public <T> T within(String keys, Supplier<T> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (e instanceof IllegalArgumentException && knownKeys.stream().anyMatch(message::startsWith)) {
                throw e;
            }
            throw new IllegalArgumentException("invalid " + keys + ": " + message, e);
        }
    }
}
