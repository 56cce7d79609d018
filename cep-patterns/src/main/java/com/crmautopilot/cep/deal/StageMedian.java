package com.crmautopilot.cep.deal;

/** A tenant's median stay in one stage, over its most recent completed stays; broadcast to the deal operator. */
public record StageMedian(String tenantId, String stage, long medianMillis, int sampleSize, long asOf) {

    public String key() {
        return key(tenantId, stage);
    }

    public static String key(String tenantId, String stage) {
        return tenantId + '\u0000' + stage;
    }
}
