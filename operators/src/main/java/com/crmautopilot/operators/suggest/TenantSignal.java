package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.UserPreferences;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Tenant-wide news for every (tenant, user) key, broadcast to the engine: the tenant's default preferences (a
 * {@code crm.preferences} record without a user), or the tenant's pooled outcomes for one trigger type (absolute
 * totals, so applying one twice changes nothing).
 */
public record TenantSignal(String tenantId, UserPreferences defaults, String triggerType, double successes,
                           double failures) {

    public static final TypeInformation<TenantSignal> TYPE = TypeInformation.of(TenantSignal.class);

    public static TenantSignal defaults(UserPreferences defaults) {
        return new TenantSignal(defaults.tenantId(), defaults, null, 0, 0);
    }

    public static TenantSignal pooled(String tenantId, String triggerType, double successes, double failures) {
        return new TenantSignal(tenantId, null, triggerType, successes, failures);
    }
}
