package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.UserFeedback;
import com.crmautopilot.models.suggest.UserPreferences;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/** The engine in a harness configured like the jobs (no Kryo), with readable drains of its two outputs. */
final class EngineHarness implements AutoCloseable {

    final KeyedBroadcastOperatorTestHarness<String, EngineInput, TenantSignal, Suggestion> harness;

    private EngineHarness(KeyedBroadcastOperatorTestHarness<String, EngineInput, TenantSignal, Suggestion> harness) {
        this.harness = harness;
    }

    static EngineHarness open(SuggestionSettings settings) throws Exception {
        return open(settings, null);
    }

    static EngineHarness open(SuggestionSettings settings, OperatorSubtaskState restoreFrom) throws Exception {
        return open(settings, restoreFrom, null);
    }

    static EngineHarness open(SuggestionSettings settings, OperatorSubtaskState restoreFrom, StateBackend backend)
            throws Exception {
        var operator = new CoBroadcastWithKeyedOperator<>(new SuggestionEngineFunction(settings),
                List.of(SuggestionEngineFunction.TENANT_CONTEXT));
        var harness = new KeyedBroadcastOperatorTestHarness<>(operator, EngineInput.byTenantAndUser(), Types.STRING,
                128, 1, 0);
        if (backend != null) {
            harness.setStateBackend(backend);
        }
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        harness.getExecutionConfig().configure(configuration, EngineHarness.class.getClassLoader());
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return new EngineHarness(harness);
    }

    EngineHarness candidate(SuggestionCandidate candidate) throws Exception {
        harness.processElement(EngineInput.of(candidate), candidate.firedAt().toEpochMilli());
        return this;
    }

    EngineHarness feedback(UserFeedback feedback) throws Exception {
        harness.processElement(EngineInput.of(feedback), feedback.occurredAt().toEpochMilli());
        return this;
    }

    EngineHarness preferences(UserPreferences preferences) throws Exception {
        if (preferences.userId() == null) {
            harness.processBroadcastElement(TenantSignal.defaults(preferences), preferences.updatedAt().toEpochMilli());
        } else {
            harness.processElement(EngineInput.of(preferences), preferences.updatedAt().toEpochMilli());
        }
        return this;
    }

    EngineHarness signal(TenantSignal signal) throws Exception {
        harness.processBroadcastElement(signal, 0L);
        return this;
    }

    /** Event time reaches {@code instant} on both inputs. */
    EngineHarness advanceTo(Instant instant) throws Exception {
        harness.watermark(instant.toEpochMilli());
        return this;
    }

    /** The suggestions emitted since the last call. */
    List<Suggestion> suggestions() {
        List<Suggestion> out = new ArrayList<>();
        Queue<Object> output = harness.getOutput();
        for (Object record : output) {
            if (record instanceof StreamRecord<?> r && r.getValue() instanceof Suggestion s) {
                out.add(s);
            }
        }
        output.clear();
        return out;
    }

    /** The notifications emitted since the last call. */
    List<Notification> notifications() {
        List<Notification> out = new ArrayList<>();
        Queue<StreamRecord<Notification>> queue = harness.getSideOutput(SuggestionEngineFunction.NOTIFICATIONS);
        if (queue != null) {
            queue.forEach(r -> out.add(r.getValue()));
            queue.clear();
        }
        return out;
    }

    OperatorSubtaskState snapshot(long checkpointId) throws Exception {
        return harness.snapshot(checkpointId, checkpointId);
    }

    int timers() {
        return harness.numEventTimeTimers();
    }

    /** Keys that hold any of the engine's keyed states. */
    long keysWithState() throws Exception {
        KeyedStateBackend<?> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
        long total = 0;
        for (String state : SuggestionEngineFunction.STATE_NAMES) {
            try (var keys = backend.getKeys(state, VoidNamespace.INSTANCE)) {
                total += keys.count();
            }
        }
        return total;
    }

    /** The learner's counts of one (tenant, user) key, read from keyed state. */
    @SuppressWarnings("unchecked")
    AcceptanceCounts acceptanceOf(String key) throws Exception {
        KeyedStateBackend<Object> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
        backend.setCurrentKey(key);
        return backend.getPartitionedState(VoidNamespace.INSTANCE,
                org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE,
                new org.apache.flink.api.common.state.ValueStateDescriptor<>(SuggestionEngineFunction.ACCEPTANCE_STATE,
                        org.apache.flink.api.common.typeinfo.TypeInformation.of(AcceptanceCounts.class))).value();
    }

    /** How many slots (trigger and entity pairs) one (tenant, user) key holds, read from keyed state. */
    @SuppressWarnings("unchecked")
    int slotsOf(String key) throws Exception {
        KeyedStateBackend<Object> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
        backend.setCurrentKey(key);
        int count = 0;
        for (var ignored : backend.getPartitionedState(VoidNamespace.INSTANCE,
                org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE,
                new org.apache.flink.api.common.state.MapStateDescriptor<>(SuggestionEngineFunction.SLOTS_STATE,
                        Types.STRING, org.apache.flink.api.common.typeinfo.TypeInformation.of(SlotState.class)))
                .keys()) {
            count++;
        }
        return count;
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
