package com.crmautopilot.cep.condense;

import org.apache.flink.api.java.functions.KeySelector;

/**
 * Keys of trigger state: tenant and entity. The same format as the operators module's {@code TenantKeys.of} (the
 * tenant length-prefixed, so no id can make two keys collide), written here so cep-patterns does not depend on
 * operators, which may in turn depend on the trigger catalog.
 */
public final class TriggerKeys {

    private TriggerKeys() {
    }

    public static String of(String tenantId, String id) {
        return tenantId.length() + ":" + tenantId + ":" + id;
    }

    public static KeySelector<LeadMark, String> byLead() {
        return new ByLead();
    }

    public static KeySelector<AccountMark, String> byAccount() {
        return new ByAccount();
    }

    private static final class ByLead implements KeySelector<LeadMark, String> {
        @Override
        public String getKey(LeadMark mark) {
            return mark.key();
        }
    }

    private static final class ByAccount implements KeySelector<AccountMark, String> {
        @Override
        public String getKey(AccountMark mark) {
            return mark.key();
        }
    }
}
