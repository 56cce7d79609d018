package com.crmautopilot.cep.deal;

import com.crmautopilot.operators.keys.TenantKeys;
import org.apache.flink.api.java.functions.KeySelector;

/** One completed stay of a deal in a stage: it moved on to another stage, or was won from it. */
public record StageStay(String tenantId, String stage, long durationMillis, long endedAt) {

    public static KeySelector<StageStay, String> byTenantStage() {
        return new ByTenantStage();
    }

    private static final class ByTenantStage implements KeySelector<StageStay, String> {
        @Override
        public String getKey(StageStay stay) {
            return TenantKeys.of(stay.tenantId(), stay.stage());
        }
    }
}
