package com.crmautopilot.cep.deal;

/**
 * Stable operator uids (they key the operators' state in savepoints: never change one) and display names of the
 * deal-trigger part of a job.
 */
public final class DealTriggerUids {

    public static final String SIGNALS = "deal-triggers-signals";
    public static final String STAGE_SIGNALS = "deal-triggers-stage-signals";
    public static final String STAGE_STAYS = "deal-triggers-stage-stays";
    public static final String STAGE_MEDIANS = "deal-triggers-stage-medians";
    public static final String MEDIAN_CONTROLS = "deal-triggers-median-controls";
    public static final String OVERRIDE_WATERMARKS = "deal-triggers-override-watermarks";
    public static final String OVERRIDE_CONTROLS = "deal-triggers-override-controls";
    public static final String TRIGGERS = "deal-triggers";

    public static final String SIGNALS_NAME = "Deal signals (condensed)";
    public static final String STAGE_SIGNALS_NAME = "Deal stage signals";
    public static final String STAGE_STAYS_NAME = "Deal stage stays";
    public static final String STAGE_MEDIANS_NAME = "Tenant stage medians";
    public static final String MEDIAN_CONTROLS_NAME = "Stage medians to broadcast";
    public static final String OVERRIDE_WATERMARKS_NAME = "Trigger overrides (never hold back event time)";
    public static final String OVERRIDE_CONTROLS_NAME = "Deal trigger overrides to broadcast";
    public static final String TRIGGERS_NAME = "Deal triggers";

    private DealTriggerUids() {
    }
}
