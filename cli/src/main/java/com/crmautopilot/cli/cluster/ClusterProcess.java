package com.crmautopilot.cli.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One JVM of a local cluster: the JobManager or a TaskManager. It is held by its OS process handle, so a later
 * CLI invocation can find it again from its pid, and a test can SIGKILL it to simulate a machine failure.
 */
public final class ClusterProcess {

    private final Record record;
    private final ProcessHandle handle;

    ClusterProcess(Record record, ProcessHandle handle) {
        this.record = record;
        this.handle = handle;
    }

    /** {@code jobmanager}, or the TaskManager's resource id such as {@code taskmanager-2}. */
    public String name() {
        return record.name();
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /** The process's log4j log. */
    public Path logFile() {
        return record.logFile();
    }

    /** The process's stdout and stderr: JVM errors that happen before logging starts land here. */
    public Path outFile() {
        return record.outFile();
    }

    /** SIGKILL, as when the machine under the process dies: no shutdown hook runs. Waits until it is gone. */
    public void kill() {
        handle.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, so Flink's shutdown hooks run; SIGKILL if it has not exited after {@code grace}. */
    public void stop(Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        if (!awaitExit(grace)) {
            kill();
        }
    }

    /** The last lines of the log and of stdout/stderr, to explain a process that died. */
    public String logTail(int lines) {
        return tail(record.outFile(), lines) + tail(record.logFile(), lines);
    }

    Record record() {
        return record;
    }

    private boolean awaitExit(Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            List<String> all = Files.readAllLines(file);
            List<String> last = new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
            return "--- " + file + "\n" + String.join("\n", last) + "\n";
        } catch (IOException e) {
            return "--- " + file + ": unreadable (" + e + ")\n";
        }
    }

    /**
     * What identifies a cluster process across CLI invocations. The start instant and main class guard against
     * a recycled pid: {@code cluster stop} never signals a process that merely inherited the number.
     */
    public record Record(String name, long pid, Instant started, String mainClass, Path logFile, Path outFile) {

        /** The live process this record describes, if it still runs. */
        Optional<ClusterProcess> reattach() {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(this::isSameProcess)
                    .map(handle -> new ClusterProcess(this, handle));
        }

        private boolean isSameProcess(ProcessHandle handle) {
            ProcessHandle.Info info = handle.info();
            boolean sameStart = info.startInstant().map(started::equals).orElse(true);
            // The command line can be cut short by the OS after a long classpath, so a java executable will do.
            boolean isFlink = info.commandLine().map(c -> c.contains(mainClass)).orElse(false)
                    || info.command().map(c -> c.endsWith("java")).orElse(true);
            return sameStart && isFlink;
        }
    }
}
