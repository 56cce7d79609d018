package com.crmautopilot.cep.config;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.suggest.TriggerType;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per-tenant trigger overrides: their wire form on {@code crm.control}, the broadcast state that holds them, and the
 * resolution of a tenant's effective settings.
 *
 * <p>Wire form (a {@code crm.control} record):
 * <pre>{"type": "trigger_config", "tenant_id": "t1", "trigger_type": "inactive_lead",
 *  "enabled": true, "params": {"silence": "10d"}}</pre>
 * {@code enabled} and {@code params} are both optional. A record with neither resets the tenant to the defaults.
 * Parameter values may be JSON strings, numbers or booleans.
 */
public final class TriggerOverrides {

    public static final String CONTROL_TYPE = "trigger_config";

    /** Broadcast state: {@link TriggerOverride#key()} to the tenant's override of one trigger. */
    public static final MapStateDescriptor<String, TriggerOverride> DESCRIPTOR = new MapStateDescriptor<>(
            "trigger-overrides", Types.STRING, TypeInformation.of(TriggerOverride.class));

    private static final Logger LOG = LoggerFactory.getLogger(TriggerOverrides.class);
    private static final int MAX_TEXT = 256;

    private TriggerOverrides() {
    }

    /**
     * The override in a {@code crm.control} record, or empty when the record is of another type or malformed. It
     * never throws: control topics carry commands for other jobs, and a bad record must not stop the triggers.
     * Parameter values are checked later, against the catalog ({@link TriggerCatalog#problem}).
     */
    public static Optional<TriggerOverride> fromControlJson(byte[] bytes) {
        try {
            if (bytes == null || bytes.length == 0) {
                return Optional.empty();
            }
            JsonNode root = Json.mapper().readTree(bytes);
            if (root == null || !root.isObject() || !CONTROL_TYPE.equals(text(root, "type"))) {
                return Optional.empty();
            }
            String tenant = text(root, "tenant_id");
            String trigger = text(root, "trigger_type");
            if (tenant == null || trigger == null || TriggerType.fromWire(trigger).isEmpty()) {
                return Optional.empty();
            }
            JsonNode enabledNode = root.get("enabled");
            Boolean enabled = null;
            if (enabledNode != null && !enabledNode.isNull()) {
                if (!enabledNode.isBoolean()) {
                    return Optional.empty();
                }
                enabled = enabledNode.booleanValue();
            }
            Map<String, String> params = new TreeMap<>();
            JsonNode paramsNode = root.get("params");
            if (paramsNode != null && !paramsNode.isNull()) {
                if (!paramsNode.isObject()) {
                    return Optional.empty();
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = paramsNode.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    JsonNode value = p.getValue();
                    if (!value.isValueNode() || value.isNull() || value.asText().length() > MAX_TEXT) {
                        return Optional.empty();
                    }
                    params.put(p.getKey(), value.asText().trim());
                }
            }
            return Optional.of(new TriggerOverride(tenant, trigger, enabled, params));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || !node.isTextual() || node.asText().isBlank() || node.asText().length() > MAX_TEXT
                ? null : node.asText();
    }

    /** True for an override that carries nothing, which resets its tenant and trigger to the defaults. */
    public static boolean isReset(TriggerOverride override) {
        return override.enabled() == null && override.params().isEmpty();
    }

    /**
     * One operator instance's view of the overrides: applies broadcast updates after checking them against the
     * catalog, and resolves a tenant's settings with a local cache, so the per-event path is a map lookup. Not
     * serializable state: build it in {@code open} (the broadcast state itself is what Flink checkpoints).
     */
    public static final class Resolver {
        private final TriggerCatalog catalog;
        private final TriggerType type;
        private final Map<String, TriggerSettings> cache = new HashMap<>();

        public Resolver(TriggerCatalog catalog, TriggerType type) {
            this.catalog = catalog;
            this.type = type;
        }

        /** The effective settings of this resolver's trigger for {@code tenantId}. */
        public TriggerSettings settings(ReadOnlyBroadcastState<String, TriggerOverride> overrides, String tenantId)
                throws Exception {
            TriggerSettings cached = cache.get(tenantId);
            if (cached == null) {
                cached = catalog.effective(type, overrides.get(TriggerOverride.key(tenantId, type.wireName())));
                cache.put(tenantId, cached);
            }
            return cached;
        }

        /**
         * Stores a valid override (or removes the tenant's override on a reset); an invalid one is logged and
         * ignored, which keeps the tenant's previous settings. Overrides of other triggers are stored too: every
         * trigger operator sees every override, and the state is small.
         */
        public void apply(BroadcastState<String, TriggerOverride> overrides, TriggerOverride override)
                throws Exception {
            if (isReset(override)) {
                overrides.remove(override.key());
            } else {
                Optional<String> problem = catalog.problem(override);
                if (problem.isPresent()) {
                    LOG.warn("ignoring trigger override for tenant {}: {}", override.tenantId(), problem.get());
                    return;
                }
                overrides.put(override.key(), override);
            }
            cache.remove(override.tenantId());
        }

        public TriggerSettings defaults() {
            return catalog.settings(type);
        }
    }
}
