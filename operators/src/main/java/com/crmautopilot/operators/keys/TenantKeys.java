package com.crmautopilot.operators.keys;

import com.crmautopilot.models.event.CrmEvent;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Keys for keyed state. Every key includes the tenant, so two tenants that reuse an id never share state. The
 * tenant is length-prefixed, which keeps the key unambiguous whatever characters the ids contain.
 */
public final class TenantKeys {

    private TenantKeys() {
    }

    public static String of(String tenantId, String id) {
        return tenantId.length() + ":" + tenantId + ":" + id;
    }

    /** Dedupe key: {@code event_id} within its tenant. */
    public static KeySelector<CrmEvent, String> byEventId() {
        return new ByEventId();
    }

    /** Profile key: {@code lead_id} within its tenant; only for events that carry a lead. */
    public static KeySelector<CrmEvent, String> byLead() {
        return new ByLead();
    }

    private static final class ByEventId implements KeySelector<CrmEvent, String> {
        @Override
        public String getKey(CrmEvent event) {
            return of(event.tenantId(), event.eventId());
        }
    }

    private static final class ByLead implements KeySelector<CrmEvent, String> {
        @Override
        public String getKey(CrmEvent event) {
            return of(event.tenantId(), event.leadId());
        }
    }
}
