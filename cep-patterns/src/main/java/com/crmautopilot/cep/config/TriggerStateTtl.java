package com.crmautopilot.cep.config;

import org.apache.flink.api.common.state.StateTtlConfig;

/**
 * The state TTL every trigger uses for entities that simply stop: the trigger's job-wide {@code state_ttl}, counted
 * from the last write, never returning an expired value, and dropped from full snapshots. Timers clear what a trigger
 * knows to be over; this covers the rest.
 */
public final class TriggerStateTtl {

    private TriggerStateTtl() {
    }

    public static StateTtlConfig of(TriggerSettings defaults) {
        return StateTtlConfig.newBuilder(defaults.duration(TriggerParams.STATE_TTL))
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .cleanupFullSnapshot()
                .build();
    }
}
