package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.UserPreferences;

/**
 * What the engine knows of a tenant (broadcast state): its default preferences and its pooled acceptance, the
 * prior of every user's learning. A Flink POJO.
 */
public class TenantContext {

    public UserPreferences defaults;
    public AcceptanceCounts pooled;

    public TenantContext() {
        pooled = new AcceptanceCounts();
    }
}
