package com.crmautopilot.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bounded run of a job over a benchmark's records, timed by {@link PhaseTimer}.
 *
 * @param wallSeconds          from submission to the end of the job: start-up and the final commit included (and,
 *                             for scoring, the end of input's decay cascade)
 * @param processingSeconds    from the first record counted in to the last output counted (see
 *                             {@link ProgressClock})
 * @param cpuSeconds           CPU time of this whole process meanwhile (broker and producer threads included), which
 *                             other load on the machine disturbs far less than wall time
 * @param processingCpuSeconds CPU time of the process over the processing seconds only
 * @param jitCpuSeconds        CPU time of the JIT compiler threads meanwhile: a start-up cost of a short run, not of
 *                             the pipeline, and far larger for the job with more code (NaN where not accounted, or
 *                             where the OS does not show those threads)
 * @param outputs              records counted by the job's last counter
 * @param cpuByThread          CPU seconds by thread group over the whole run, largest first (empty where not
 *                             accounted)
 * @param counters             the increase of the counters the timer was asked to follow (empty where none were)
 */
public record Phase(double wallSeconds, double processingSeconds, double cpuSeconds, double processingCpuSeconds,
                    double jitCpuSeconds, long outputs, Map<String, Double> cpuByThread, Map<String, Long> counters) {

    /**
     * The mean of two runs of one job over the same records: times, CPU and counts averaged, so rates computed from it
     * are the records over the mean time (the harmonic mean of the two runs' rates, not their plain average). For
     * counterbalanced measurements (A B B A), where whichever job runs later finds more of the shared code compiled.
     */
    public static Phase meanOf(Phase first, Phase second) {
        Map<String, Double> threads = new LinkedHashMap<>();
        first.cpuByThread.forEach((name, seconds) -> threads.merge(name, seconds / 2, Double::sum));
        second.cpuByThread.forEach((name, seconds) -> threads.merge(name, seconds / 2, Double::sum));
        Map<String, Double> byThread = new LinkedHashMap<>();
        threads.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> byThread.put(e.getKey(), e.getValue()));
        Map<String, Long> counters = new LinkedHashMap<>();
        first.counters.forEach((name, count) -> counters.merge(name, count, Long::sum));
        second.counters.forEach((name, count) -> counters.merge(name, count, Long::sum));
        counters.replaceAll((name, sum) -> sum / 2);
        return new Phase((first.wallSeconds + second.wallSeconds) / 2,
                (first.processingSeconds + second.processingSeconds) / 2, (first.cpuSeconds + second.cpuSeconds) / 2,
                (first.processingCpuSeconds + second.processingCpuSeconds) / 2,
                (first.jitCpuSeconds + second.jitCpuSeconds) / 2, (first.outputs + second.outputs) / 2, byThread,
                counters);
    }

    public double perSecond(long events) {
        return events / wallSeconds;
    }

    public double perProcessingSecond(long events) {
        return events / processingSeconds;
    }

    public double cpuMillisPerThousand(long events) {
        return cpuSeconds * 1e6 / events;
    }

    public double processingCpuMillisPerThousand(long events) {
        return processingCpuSeconds * 1e6 / events;
    }

    public double cpuMillisPerThousandWithoutJit(long events) {
        return (cpuSeconds - jitCpuSeconds) * 1e6 / events;
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /** Both benchmarks open a run's log line with these, so their logs read alike. */
    public String throughputSummary(long events) {
        return String.format("%,.0f events/s (submission to end, %.1f s), %,.0f events/s while processing (%.1f s), "
                        + "%.0f CPU ms per 1,000 events", perSecond(events), wallSeconds, perProcessingSecond(events),
                processingSeconds, cpuMillisPerThousand(events));
    }
}
