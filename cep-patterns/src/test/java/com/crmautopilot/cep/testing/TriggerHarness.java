package com.crmautopilot.cep.testing;

import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerOverrides;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;

import java.time.Instant;
import java.util.List;

/**
 * A keyed-broadcast trigger under Flink's operator harness, configured like the jobs (no Kryo fallback), with the
 * checks the tests need: emitted candidates, keyed state entries, timers and snapshot size.
 */
public final class TriggerHarness<IN> implements AutoCloseable {

    private final KeyedBroadcastOperatorTestHarness<String, IN, TriggerOverride, SuggestionCandidate> harness;
    private int consumed;

    public TriggerHarness(KeyedBroadcastProcessFunction<String, IN, TriggerOverride, SuggestionCandidate> function,
                          KeySelector<IN, String> key) throws Exception {
        this(function, key, null);
    }

    /** A harness whose operator starts from {@code checkpoint} (a {@link #snapshot}), as after a restart. */
    public TriggerHarness(KeyedBroadcastProcessFunction<String, IN, TriggerOverride, SuggestionCandidate> function,
                          KeySelector<IN, String> key, OperatorSubtaskState checkpoint) throws Exception {
        harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(function, List.of(TriggerOverrides.DESCRIPTOR)), key,
                Types.STRING, 1, 1, 0);
        LikeTheJobs.noGenericTypes(harness.getExecutionConfig());
        harness.setup();
        if (checkpoint != null) {
            harness.initializeState(checkpoint);
        }
        harness.open();
        // As in the jobs: the override stream never holds event time back.
        harness.processBroadcastWatermark(Long.MAX_VALUE);
    }

    public void send(IN input, long timestamp) throws Exception {
        harness.processElement(input, timestamp);
    }

    public void override(TriggerOverride override) throws Exception {
        harness.processBroadcastElement(override, 0L);
    }

    public void watermark(Instant time) throws Exception {
        harness.processWatermark(time.toEpochMilli());
    }

    /** Candidates emitted since the last call. */
    public List<SuggestionCandidate> newCandidates() {
        List<SuggestionCandidate> all = harness.extractOutputValues();
        List<SuggestionCandidate> fresh = List.copyOf(all.subList(consumed, all.size()));
        consumed = all.size();
        return fresh;
    }

    public int keyedStateEntries() {
        KeyedStateBackend<?> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
        return ((HeapKeyedStateBackend<?>) backend).numKeyValueStateEntries();
    }

    public int eventTimeTimers() {
        return harness.numEventTimeTimers();
    }

    public OperatorSubtaskState snapshot(long checkpointId) throws Exception {
        return harness.snapshot(checkpointId, checkpointId);
    }

    /** The size in bytes of a checkpoint of this operator taken now. */
    public long snapshotBytes(long checkpointId) throws Exception {
        return harness.snapshot(checkpointId, checkpointId).getStateSize();
    }

    public void ttlClock(long processingTimeMillis) {
        harness.setStateTtlProcessingTime(processingTimeMillis);
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
