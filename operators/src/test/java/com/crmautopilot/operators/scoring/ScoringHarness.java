package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.control.ControlCommand;
import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
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
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;

/** The scoring operator in a test harness configured like the jobs (no Kryo), with readable drains of its outputs. */
final class ScoringHarness implements AutoCloseable {

    final KeyedBroadcastOperatorTestHarness<String, LeadScoringInput, ControlMessage, LeadScore> harness;

    private ScoringHarness(KeyedBroadcastOperatorTestHarness<String, LeadScoringInput, ControlMessage, LeadScore> harness) {
        this.harness = harness;
    }

    static ScoringHarness open(LeadScoringConfig config) throws Exception {
        return open(config, null, 1, 0);
    }

    static ScoringHarness open(LeadScoringConfig config, StateBackend backend) throws Exception {
        return open(config, backend, 1, 0);
    }

    static ScoringHarness open(LeadScoringConfig config, StateBackend backend, int parallelism, int subtask)
            throws Exception {
        var operator = new CoBroadcastWithKeyedOperator<>(new LeadScoringFunction(config),
                List.of(LeadScoringFunction.TENANT_MODELS, LeadScoringFunction.MODEL_ARTIFACTS));
        var harness = new KeyedBroadcastOperatorTestHarness<>(operator, LeadScoringInput.byLead(), Types.STRING,
                128, parallelism, subtask);
        if (backend != null) {
            harness.setStateBackend(backend);
        }
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        harness.getExecutionConfig().configure(configuration, ScoringHarness.class.getClassLoader());
        harness.open();
        return new ScoringHarness(harness);
    }

    ScoringHarness announce(ModelAnnouncement announcement) throws Exception {
        harness.processBroadcastElement(ControlMessage.of(announcement), 0L);
        return this;
    }

    ScoringHarness command(ControlCommand command) throws Exception {
        if (command.isRescore()) {
            harness.processElement(LeadScoringInput.of(command), 0L);
        } else {
            harness.processBroadcastElement(ControlMessage.of(command), 0L);
        }
        return this;
    }

    ScoringHarness profile(LeadProfile profile) throws Exception {
        harness.processElement(LeadScoringInput.of(profile), profile.asOf().toEpochMilli());
        return this;
    }

    /** Event time reaches {@code instant} on both inputs. */
    ScoringHarness advanceTo(Instant instant) throws Exception {
        harness.watermark(instant.toEpochMilli());
        return this;
    }

    /** The scores emitted since the last call. */
    List<LeadScore> scores() {
        List<LeadScore> scores = new ArrayList<>();
        Queue<Object> output = harness.getOutput();
        for (Object record : output) {
            if (record instanceof StreamRecord<?> r && r.getValue() instanceof LeadScore score) {
                scores.add(score);
            }
        }
        output.clear();
        return scores;
    }

    List<ScoreChange> changes() {
        return drain(harness.getSideOutput(LeadScoringFunction.SCORE_CHANGES));
    }

    List<DeadLetter> refusals() {
        return drain(harness.getSideOutput(LeadScoringFunction.REFUSED_MODELS));
    }

    int timers() {
        return harness.numEventTimeTimers();
    }

    /** Keyed state entries by state name (leads with a score state, leads with a history). */
    Map<String, Long> keyedEntries() {
        KeyedStateBackend<?> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
        Map<String, Long> entries = new TreeMap<>();
        for (String state : List.of(LeadScoringFunction.STATE_NAME, LeadScoringFunction.HISTORY_NAME)) {
            try (var keys = backend.getKeys(state, VoidNamespace.INSTANCE)) {
                entries.put(state, keys.count());
            }
        }
        return entries;
    }

    long keyedEntryCount() {
        return keyedEntries().values().stream().mapToLong(Long::longValue).sum();
    }

    TenantModels tenantModels(String tenant) throws Exception {
        return harness.getBroadcastState(LeadScoringFunction.TENANT_MODELS).get(tenant);
    }

    List<String> storedArtifacts() throws Exception {
        List<String> versions = new ArrayList<>();
        harness.getBroadcastState(LeadScoringFunction.MODEL_ARTIFACTS).entries().forEach(e -> versions.add(e.getKey()));
        return versions;
    }

    private static <T> List<T> drain(Queue<StreamRecord<T>> queue) {
        List<T> values = new ArrayList<>();
        if (queue != null) {
            queue.forEach(r -> values.add(r.getValue()));
            queue.clear();
        }
        return values;
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
