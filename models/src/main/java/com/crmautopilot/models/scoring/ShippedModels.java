package com.crmautopilot.models.scoring;

/**
 * Models that ship inside the jar, for the demo and the tests: trained by {@code autopilot train} on the standard
 * simulation (180 days, 3 tenants of 5,000 leads, seed 42), with its {@code metrics.json} beside it. A real tenant
 * announces its own model on {@code ai.models}; the job serves none by default.
 */
public final class ShippedModels {

    /** A {@code scoring.default-model} location: the lead-conversion model trained on the standard simulation. */
    public static final String LEAD_CONVERSION = "classpath:/shipped-models/lead-conversion";

    private ShippedModels() {
    }
}
