package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import com.crmautopilot.operators.time.ControlWatermarks;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

import java.util.Map;

/**
 * Wires the six deal triggers onto a stream of validated, deduplicated events:
 *
 * <pre>
 * events ─ DealSignalExtractor (condense: opportunity events and deal touches only)
 *          ├─ stage signals ─ keyBy deal ─ StageStayFunction ─ keyBy (tenant, stage) ─ StageMedianFunction ─┐
 *          │                                                                   overrides (no hold-back) ──┤ broadcast
 *          └─ keyBy deal ─────────────────────────── connect ─ DealTriggerFunction ─ SuggestionCandidate  ◄─┘
 * </pre>
 *
 * Every operator has a stable uid ({@link DealTriggerUids}) and a name. Parallelism is the environment's.
 */
public final class DealTriggers {

    private DealTriggers() {
    }

    /**
     * @param events    validated, deduplicated events with event-time timestamps and watermarks
     * @param overrides per-tenant overrides (any trigger type; the non-deal ones are ignored here). Their own
     *                  watermarks are replaced by ones that never hold back event time, because a quiet config
     *                  stream would otherwise stall every deal timer (an operator's watermark is its inputs' least)
     * @param defaults  the triggers' settings from {@code conf/triggers.yaml}; missing types or parameters take the
     *                  shipped ones ({@link DealTriggerSet#shippedDefaults()})
     */
    public static DataStream<SuggestionCandidate> attach(DataStream<CrmEvent> events,
                                                         DataStream<TriggerOverride> overrides,
                                                         Map<TriggerType, TriggerSettings> defaults) {
        return attach(events, overrides, DealTriggerConfig.of(defaults));
    }

    public static DataStream<SuggestionCandidate> attach(DataStream<CrmEvent> events,
                                                         DataStream<TriggerOverride> overrides,
                                                         DealTriggerConfig config) {
        // At the events' parallelism, so condensing chains to the source and keeps each source split's order.
        int eventParallelism = events.getParallelism();
        DataStream<DealSignal> signals = events
                .flatMap(new DealSignalExtractor(), DealSignal.TYPE)
                .setParallelism(eventParallelism)
                .uid(DealTriggerUids.SIGNALS).name(DealTriggerUids.SIGNALS_NAME);

        DataStream<DealControl> medianControls = signals
                .filter(signal -> signal.kind().isStageClock())
                .setParallelism(eventParallelism)
                .uid(DealTriggerUids.STAGE_SIGNALS).name(DealTriggerUids.STAGE_SIGNALS_NAME)
                .keyBy(DealSignal.byOpportunity())
                .process(new StageStayFunction(config.openRetention(), config.closedRetention()),
                        TypeInformation.of(StageStay.class))
                .uid(DealTriggerUids.STAGE_STAYS).name(DealTriggerUids.STAGE_STAYS_NAME)
                .keyBy(StageStay.byTenantStage())
                .process(StageMedianFunction.from(config.stalledSettings(), config.openRetention()),
                        TypeInformation.of(StageMedian.class))
                .uid(DealTriggerUids.STAGE_MEDIANS).name(DealTriggerUids.STAGE_MEDIANS_NAME)
                .map((MapFunction<StageMedian, DealControl>) DealControl::of, TypeInformation.of(DealControl.class))
                .uid(DealTriggerUids.MEDIAN_CONTROLS).name(DealTriggerUids.MEDIAN_CONTROLS_NAME);

        DataStream<DealControl> overrideControls = overrides
                .assignTimestampsAndWatermarks(ControlWatermarks.neverHoldBack())
                .uid(DealTriggerUids.OVERRIDE_WATERMARKS).name(DealTriggerUids.OVERRIDE_WATERMARKS_NAME)
                .flatMap(new DealOverridesOnly(), TypeInformation.of(DealControl.class))
                .uid(DealTriggerUids.OVERRIDE_CONTROLS).name(DealTriggerUids.OVERRIDE_CONTROLS_NAME);

        BroadcastStream<DealControl> controls = medianControls.union(overrideControls)
                .broadcast(DealTriggerState.OVERRIDES, DealTriggerState.STAGE_MEDIANS);

        return signals
                .keyBy(DealSignal.byOpportunity())
                .connect(controls)
                .process(new DealTriggerFunction(config), TypeInformation.of(SuggestionCandidate.class))
                .uid(DealTriggerUids.TRIGGERS).name(DealTriggerUids.TRIGGERS_NAME);
    }

    private static final class DealOverridesOnly implements FlatMapFunction<TriggerOverride, DealControl> {
        @Override
        public void flatMap(TriggerOverride override, Collector<DealControl> out) {
            for (TriggerType type : DealTriggerSet.TYPES) {
                if (type.wireName().equals(override.triggerType())) {
                    out.collect(DealControl.of(override));
                    return;
                }
            }
        }
    }
}
