package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.cep.testing.LikeTheJobs;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.api.common.typeinfo.Types;
import com.crmautopilot.operators.keys.TenantKeys;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * The deal trigger operator in a test harness configured like the jobs (no Kryo), fed with real {@link CrmEvent}s
 * through the same condensing the pipeline uses, with readable drains of its output.
 */
final class DealHarness implements AutoCloseable {

    final KeyedBroadcastOperatorTestHarness<String, DealSignal, DealControl, SuggestionCandidate> harness;

    private DealHarness(KeyedBroadcastOperatorTestHarness<String, DealSignal, DealControl, SuggestionCandidate> h) {
        this.harness = h;
    }

    static DealHarness open() throws Exception {
        return open(DealTriggerConfig.of(Map.of()));
    }

    static DealHarness open(Map<TriggerType, TriggerSettings> defaults) throws Exception {
        return open(DealTriggerConfig.of(defaults));
    }

    static DealHarness open(DealTriggerConfig config) throws Exception {
        var operator = new CoBroadcastWithKeyedOperator<>(new DealTriggerFunction(config),
                List.of(DealTriggerState.OVERRIDES, DealTriggerState.STAGE_MEDIANS));
        return new DealHarness(LikeTheJobs.opened(new KeyedBroadcastOperatorTestHarness<>(operator,
                DealSignal.byOpportunity(), Types.STRING, 128, 1, 0)));
    }

    DealHarness send(CrmEvent... events) throws Exception {
        for (CrmEvent event : events) {
            EventType type = event.eventType();
            DealSignal signal = DealSignalExtractor.toSignal(type, event);
            harness.processElement(signal, event.timestampMillis());
        }
        return this;
    }

    /** Event time reaches {@code instant} on both inputs; due timers fire. */
    DealHarness advanceTo(Instant instant) throws Exception {
        harness.watermark(instant.toEpochMilli());
        return this;
    }

    DealHarness override(String tenant, TriggerType type, Boolean enabled, Map<String, String> params)
            throws Exception {
        harness.processBroadcastElement(DealControl.of(new TriggerOverride(tenant, type.wireName(), enabled, params)),
                0L);
        return this;
    }

    DealHarness median(String tenant, String stage, Duration median, int sampleSize) throws Exception {
        harness.processBroadcastElement(DealControl.of(new StageMedian(tenant, stage, median.toMillis(), sampleSize,
                0L)), 0L);
        return this;
    }

    /** The candidates emitted since the last call. */
    List<SuggestionCandidate> candidates() {
        List<SuggestionCandidate> candidates = new ArrayList<>();
        Queue<Object> output = harness.getOutput();
        for (Object record : output) {
            if (record instanceof StreamRecord<?> r && r.getValue() instanceof SuggestionCandidate candidate) {
                candidates.add(candidate);
            }
        }
        output.clear();
        return candidates;
    }

    /** The candidates of one trigger type emitted since the last call; the others are dropped. */
    List<SuggestionCandidate> candidates(TriggerType type) {
        return candidates().stream().filter(c -> c.triggerType().equals(type.wireName())).toList();
    }

    int timers() {
        return harness.numEventTimeTimers();
    }

    /** Deals with state (open, or closed and not yet dropped). */
    long keyedStateEntries() throws Exception {
        try (var keys = backend().getKeys(DealTriggerState.DEAL_STATE_NAME, VoidNamespace.INSTANCE)) {
            return keys.count();
        }
    }

    DealState state(String tenant, String deal) throws Exception {
        KeyedStateBackend<Object> backend = backend();
        backend.setCurrentKey(TenantKeys.of(tenant, deal));
        return backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                DealTriggerState.deal()).value();
    }

    @SuppressWarnings("unchecked")
    private KeyedStateBackend<Object> backend() {
        return (KeyedStateBackend<Object>) ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
