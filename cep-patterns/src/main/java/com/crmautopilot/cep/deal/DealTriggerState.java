package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerOverrides;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** The state the deal triggers keep, by descriptor. Names are part of the savepoint format: never rename them. */
public final class DealTriggerState {

    /**
     * Broadcast: per-tenant trigger overrides by {@link TriggerOverride#key(String, String)}; the library's one
     * descriptor ({@link TriggerOverrides#DESCRIPTOR}), so every trigger operator holds overrides alike.
     */
    public static final MapStateDescriptor<String, TriggerOverride> OVERRIDES = TriggerOverrides.DESCRIPTOR;

    /** Broadcast: per-tenant stage medians by {@link StageMedian#key(String, String)}. */
    public static final MapStateDescriptor<String, StageMedian> STAGE_MEDIANS = new MapStateDescriptor<>(
            "deal-stage-medians", Types.STRING, TypeInformation.of(StageMedian.class));

    public static final String DEAL_STATE_NAME = "deal-trigger-state";
    public static final TypeInformation<DealState> DEAL_STATE_TYPE = TypeInformation.of(DealState.class);
    public static final String STAGE_CLOCK_NAME = "deal-stage-clock";
    public static final TypeInformation<StageClock> STAGE_CLOCK_TYPE = TypeInformation.of(StageClock.class);
    public static final String STAGE_SAMPLE_NAME = "deal-stage-sample";
    public static final TypeInformation<StageSample> STAGE_SAMPLE_TYPE = TypeInformation.of(StageSample.class);

    private DealTriggerState() {
    }

    public static ValueStateDescriptor<DealState> deal() {
        return new ValueStateDescriptor<>(DEAL_STATE_NAME, DEAL_STATE_TYPE);
    }

    public static ValueStateDescriptor<StageClock> stageClock() {
        return new ValueStateDescriptor<>(STAGE_CLOCK_NAME, STAGE_CLOCK_TYPE);
    }

    public static ValueStateDescriptor<StageSample> stageSample() {
        return new ValueStateDescriptor<>(STAGE_SAMPLE_NAME, STAGE_SAMPLE_TYPE);
    }
}
