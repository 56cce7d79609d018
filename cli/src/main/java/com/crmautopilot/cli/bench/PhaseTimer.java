package com.crmautopilot.cli.bench;

import com.crmautopilot.operators.metrics.InProcessCounters;
import org.apache.flink.api.common.JobID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs bounded jobs to their end and times them, the same way for the job under test and its baseline. Wall time
 * counts from submission, so start-up and the final commit count for both jobs alike; the processing time comes from
 * the job's own counters; CPU time is the whole process's, because the broker and the producers work for the job too.
 */
public final class PhaseTimer {

    private final BenchRig rig;
    private final String jobName;
    private final Duration timeout;
    private final Duration clockPeriod;
    private final boolean cpuByThread;
    private final List<String> counters;

    /**
     * @param timeout     how long a run may take before the benchmark gives up on it
     * @param clockPeriod how often the {@link ProgressClock} reads the counters
     */
    public PhaseTimer(BenchRig rig, String jobName, Duration timeout, Duration clockPeriod) {
        this(rig, jobName, timeout, clockPeriod, false, List.of());
    }

    private PhaseTimer(BenchRig rig, String jobName, Duration timeout, Duration clockPeriod, boolean cpuByThread,
                       List<String> counters) {
        this.rig = rig;
        this.jobName = jobName;
        this.timeout = timeout;
        this.clockPeriod = clockPeriod;
        this.cpuByThread = cpuByThread;
        this.counters = List.copyOf(counters);
    }

    /**
     * Also accounts CPU time by thread, and the JIT's share apart. Off by default: reading every thread's times
     * costs CPU of its own, which only a benchmark that reports the breakdown should pay.
     */
    public PhaseTimer withCpuByThread() {
        return new PhaseTimer(rig, jobName, timeout, clockPeriod, true, counters);
    }

    /** Also reports how much these counters grew over each run. */
    public PhaseTimer withCounters(List<String> names) {
        return new PhaseTimer(rig, jobName, timeout, clockPeriod, cpuByThread, names);
    }

    /**
     * @param firstCounter counted by the job's first operator, for every input record
     * @param lastCounter  counted by the job's last operator that the processing time should include
     * @param definition   builds the job on the environment it is given
     */
    public Phase time(String firstCounter, String lastCounter, Consumer<StreamExecutionEnvironment> definition) {
        StreamExecutionEnvironment env = rig.timedRunEnvironment();
        definition.accept(env);
        Map<String, Long> before = counters.isEmpty() ? Map.of() : InProcessCounters.totals();
        try (ProgressClock clock = new ProgressClock(firstCounter, lastCounter, clockPeriod);
             ThreadCpuAccount threads = cpuByThread ? new ThreadCpuAccount() : null) {
            long cpuStart = ProgressClock.processCpuNanos();
            long start = System.nanoTime();
            JobID id = rig.flink().submit(env, jobName);
            rig.flink().awaitTermination(id, timeout);
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (ProgressClock.processCpuNanos() - cpuStart) / 1e9;
            clock.close();
            if (threads != null) {
                threads.close();
            }
            Map<String, Long> increases = counters.isEmpty() ? Map.of() : increases(before, clock.settledTotals());
            return new Phase(wall, clock.processingSeconds(), cpu, clock.processingCpuSeconds(),
                    threads == null ? Double.NaN : threads.jitSeconds(), clock.outputs(),
                    threads == null ? Map.of() : threads.secondsByGroup(), increases);
        }
    }

    private Map<String, Long> increases(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> increases = new LinkedHashMap<>();
        for (String name : counters) {
            increases.put(name, after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L));
        }
        return increases;
    }
}
