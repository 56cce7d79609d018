package com.crmautopilot.cep.config;

import com.crmautopilot.models.config.ConfigDocuments;
import com.crmautopilot.models.suggest.TriggerType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The default settings of every trigger, from {@code conf/triggers.yaml} (or the identical {@value #RESOURCE} on the
 * classpath). Every parameter is checked when the catalog loads, so a typo fails the job at start rather than a
 * trigger mid-stream. It also checks tenant overrides against the same kinds ({@link #problem(TriggerOverride)}).
 */
public final class TriggerCatalog implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String RESOURCE = "triggers.yaml";
    private static final Set<String> ENTRY_KEYS = Set.of("enabled", "params");

    // Kept as plain maps: the catalog travels inside every trigger function, and TriggerSettings is not
    // Serializable. The settings objects are rebuilt once per JVM.
    private final EnumMap<TriggerType, Boolean> enabled = new EnumMap<>(TriggerType.class);
    private final EnumMap<TriggerType, TreeMap<String, String>> params = new EnumMap<>(TriggerType.class);
    private transient EnumMap<TriggerType, TriggerSettings> settings;

    private TriggerCatalog(EnumMap<TriggerType, TriggerSettings> settings) {
        settings.forEach((type, s) -> {
            enabled.put(type, s.enabled());
            params.put(type, new TreeMap<>(s.params()));
        });
        this.settings = settings;
    }

    /** The catalog shipped on the classpath. */
    public static TriggerCatalog defaults() {
        return ConfigDocuments.fromClasspath(TriggerCatalog.class, RESOURCE, TriggerCatalog::fromYaml);
    }

    public static TriggerCatalog load(Path file) {
        return ConfigDocuments.fromFile(file, TriggerCatalog::fromYaml);
    }

    /** Parses and checks a catalog; every trigger type must be present, every parameter must parse. */
    public static TriggerCatalog fromYaml(String yaml, String source) {
        JsonNode root = ConfigDocuments.parseYaml(new YAMLMapper(), yaml, source);
        JsonNode triggers = root == null ? null : root.get("triggers");
        if (triggers == null || !triggers.isObject()) {
            throw new IllegalArgumentException(source + " must be a mapping with a triggers mapping");
        }
        EnumMap<TriggerType, TriggerSettings> all = new EnumMap<>(TriggerType.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = triggers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            TriggerType type = TriggerType.fromWire(entry.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    source + ": unknown trigger type " + entry.getKey()));
            all.put(type, parseEntry(type, entry.getValue(), source));
        }
        for (TriggerType type : TriggerType.values()) {
            if (!all.containsKey(type)) {
                throw new IllegalArgumentException(source + ": trigger " + type.wireName() + " is missing");
            }
        }
        return new TriggerCatalog(all);
    }

    private static TriggerSettings parseEntry(TriggerType type, JsonNode node, String source) {
        String where = source + ": " + type.wireName();
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " must be a mapping with enabled and params");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ENTRY_KEYS.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown key " + name + " (expected " + ENTRY_KEYS + ")");
            }
        }
        JsonNode enabled = node.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw new IllegalArgumentException(where + ": enabled must be true or false");
        }
        Map<String, String> params = new TreeMap<>();
        JsonNode paramsNode = node.path("params");
        if (!paramsNode.isMissingNode() && !paramsNode.isObject()) {
            throw new IllegalArgumentException(where + ": params must be a mapping");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = paramsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getValue().isValueNode() || p.getValue().isNull()) {
                throw new IllegalArgumentException(where + ": parameter " + p.getKey() + " must be a single value");
            }
            params.put(p.getKey(), p.getValue().asText().trim());
        }
        for (Map.Entry<String, ParamKind> declared : TriggerParams.declared(type).entrySet()) {
            if (!params.containsKey(declared.getKey())) {
                throw new IllegalArgumentException(where + ": parameter " + declared.getKey() + " is missing");
            }
        }
        TriggerSettings settings = new TriggerSettings(type.wireName(), enabled.booleanValue(), params);
        String problem = problem(type, settings);
        if (problem != null) {
            throw new IllegalArgumentException(where + ": " + problem);
        }
        return settings;
    }

    /** Every parameter against its declared kind, and the cross-parameter rules. Null when all is well. */
    private static String problem(TriggerType type, TriggerSettings settings) {
        Map<String, ParamKind> declared = TriggerParams.declared(type);
        for (Map.Entry<String, String> p : settings.params().entrySet()) {
            ParamKind kind = declared.get(p.getKey());
            if (kind == null) {
                continue;
            }
            String problem = kind.problem(p.getValue());
            if (problem != null) {
                return "parameter " + p.getKey() + " = '" + p.getValue() + "' " + problem;
            }
        }
        if (settings.params().containsKey(TriggerParams.BUSINESS_DAY_START)) {
            try {
                BusinessCalendar.of(settings);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        if (settings.params().containsKey(TriggerParams.REQUIRED_FIELDS)) {
            for (String field : settings.text(TriggerParams.REQUIRED_FIELDS).split(",")) {
                if (!TriggerParams.ACCOUNT_FIELDS.contains(field.trim())) {
                    return "required_fields: unknown field " + field.trim() + " (known: "
                            + new java.util.TreeSet<>(TriggerParams.ACCOUNT_FIELDS) + ")";
                }
            }
        }
        return null;
    }

    public TriggerSettings settings(TriggerType type) {
        if (settings == null) {
            EnumMap<TriggerType, TriggerSettings> rebuilt = new EnumMap<>(TriggerType.class);
            enabled.forEach((t, on) -> rebuilt.put(t, new TriggerSettings(t.wireName(), on, params.get(t))));
            settings = rebuilt;
        }
        return settings.get(type);
    }

    /**
     * Why {@code override} cannot apply, or empty when it can: the trigger must exist, each parameter must exist in
     * the defaults and not be job-wide, and the merged settings must pass the same checks as the file.
     */
    public Optional<String> problem(TriggerOverride override) {
        Optional<TriggerType> type = TriggerType.fromWire(override.triggerType());
        if (type.isEmpty()) {
            return Optional.of("unknown trigger type " + override.triggerType());
        }
        if (override.tenantId() == null || override.tenantId().isBlank()) {
            return Optional.of("tenant_id is missing");
        }
        TriggerSettings defaults = settings(type.get());
        Map<String, ParamKind> declared = TriggerParams.declared(type.get());
        for (Map.Entry<String, String> p : override.params().entrySet()) {
            String name = p.getKey();
            if (!defaults.params().containsKey(name)) {
                return Optional.of(type.get().wireName() + " has no parameter " + name);
            }
            if (TriggerParams.JOB_WIDE.contains(name)) {
                return Optional.of(name + " is job-wide and cannot be overridden per tenant");
            }
            ParamKind kind = declared.getOrDefault(name, ParamKind.inferFrom(defaults.text(name)));
            String problem = p.getValue() == null ? "is null" : kind.problem(p.getValue().trim());
            if (problem != null) {
                return Optional.of("parameter " + name + " = '" + p.getValue() + "' " + problem);
            }
        }
        return Optional.ofNullable(problem(type.get(), defaults.with(override)));
    }

    /** The defaults of {@code type} with {@code override} on top, or the defaults when the override is invalid. */
    public TriggerSettings effective(TriggerType type, TriggerOverride override) {
        if (override == null || problem(override).isPresent()) {
            return settings(type);
        }
        return settings(type).with(override);
    }
}
