package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerOverride;

/**
 * The deal operator's broadcast input: a tenant's trigger override or a tenant's stage median (exactly one is set).
 * One broadcast stream carries both, because a keyed operator has one broadcast side.
 */
public record DealControl(TriggerOverride override, StageMedian median) {

    public static DealControl of(TriggerOverride override) {
        return new DealControl(override, null);
    }

    public static DealControl of(StageMedian median) {
        return new DealControl(null, median);
    }
}
