package com.crmautopilot.cep.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * A tenant's override of one trigger's defaults, delivered to the trigger operators as broadcast state (keyed by
 * {@link #key()}). A null {@code enabled} keeps the default switch; {@code params} replace defaults by name.
 */
public record TriggerOverride(String tenantId, String triggerType, Boolean enabled, Map<String, String> params) {

    public TriggerOverride {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public String key() {
        return key(tenantId, triggerType);
    }

    public static String key(String tenantId, String triggerType) {
        return tenantId + '\u0000' + triggerType;
    }
}
