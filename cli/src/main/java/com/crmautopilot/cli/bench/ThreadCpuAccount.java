package com.crmautopilot.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time by thread while a job runs, to see which part of a pipeline costs what: each Flink task (a chain of
 * operators) runs in a thread of its own, and so do the Kafka producers' I/O, the broker's request handlers, the JIT
 * compiler, the garbage collector and RocksDB's flush and compaction threads.
 *
 * <p>On Linux it reads {@code /proc/self/task}, which sees every thread, native ones included (names cut to 15
 * characters by the kernel). Elsewhere it falls back to the JVM's view of Java threads, and whatever is missing is
 * reported as the difference to the process total. Threads end with their job, so times are polled while they live;
 * up to one poll period of a thread that ends is missed.
 */
final class ThreadCpuAccount implements AutoCloseable {

    private static final Duration POLL_PERIOD = Duration.ofMillis(500);
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux reports thread times in clock ticks, which are 1/100 s on every common configuration. */
    private static final double SECONDS_PER_TICK = 0.01;

    private final boolean procfs = Files.isDirectory(TASKS);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Double> startSeconds = new HashMap<>();
    private final Map<Long, Double> lastSeconds = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Poller poller;

    ThreadCpuAccount() {
        poll();
        startSeconds.putAll(lastSeconds);
        poller = Poller.start("bench-thread-cpu", POLL_PERIOD, this::poll);
    }

    /** CPU seconds of the JIT compiler threads, or NaN where they cannot be seen. */
    synchronized double jitSeconds() {
        if (!procfs) {
            return Double.NaN;
        }
        return secondsByGroup().entrySet().stream()
                .filter(e -> e.getKey().startsWith("C1 CompilerThre") || e.getKey().startsWith("C2 CompilerThre"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private synchronized void poll() {
        if (procfs) {
            pollProcfs();
        } else {
            for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    lastSeconds.put(info.getThreadId(), cpu / 1e9);
                    names.putIfAbsent(info.getThreadId(), info.getThreadName());
                }
            }
        }
    }

    private void pollProcfs() {
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // "tid (comm) state ppid ...": comm may hold spaces and parentheses, so cut at the last ')'.
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] fields = stat.substring(close + 2).split(" ");
                    long tid = Long.parseLong(stat.substring(0, open).trim());
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * SECONDS_PER_TICK;
                    lastSeconds.put(tid, seconds);
                    names.putIfAbsent(tid, stat.substring(open + 1, close));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between listing and reading
                }
            });
        } catch (IOException e) {
            // leave this poll out
        }
    }

    /** CPU seconds by thread group (names with their numbers folded), largest first. */
    synchronized Map<String, Double> secondsByGroup() {
        Map<String, Double> byGroup = new TreeMap<>();
        lastSeconds.forEach((id, seconds) -> {
            double used = seconds - startSeconds.getOrDefault(id, 0.0);
            if (used > 0) {
                byGroup.merge(group(names.get(id)), used, Double::sum);
            }
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        byGroup.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Folds per-instance numbers, so that e.g. all broker request handlers add up to one line. */
    static String group(String threadName) {
        for (String prefix : List.of("data-plane-kafka-request-handler", "data-plane-kafka-network-thread",
                "kafka-producer-network-thread", "kafka-producer-ne", "data-plane-kafk", "C1 CompilerThre",
                "C2 CompilerThre", "GC Thread", "ForkJoinPool", "flink-pekko", "AsyncOperations", "Source Data Fet",
                "jobmanager-io", "rocksdb:low", "rocksdb:high", "pool-")) {
            if (threadName.startsWith(prefix)) {
                return prefix;
            }
        }
        return threadName.replaceAll("\\s*\\(\\d+/\\d+\\)#\\d+$", "");
    }

    @Override
    public void close() {
        if (!poller.running()) {
            return;
        }
        poller.stop();
        poll();
    }
}
