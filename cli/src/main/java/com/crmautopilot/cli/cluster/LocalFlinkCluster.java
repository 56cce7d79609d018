package com.crmautopilot.cli.cluster;

import org.apache.flink.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Flink session cluster on this machine: one JobManager and any number of TaskManagers, each its own JVM,
 * started from the Maven jars instead of flink-dist. Jobs reach it only through the REST API, as on any cluster,
 * so what works here (submitting the shaded jar, stop-with-savepoint, restoring, losing a TaskManager) works the
 * same way on a real one.
 *
 * <p>The processes outlive this object unless it is closed: {@code cluster start} leaves them running and records
 * them in {@link ClusterLayout#stateFile()}; tests close the cluster when they are done.
 */
public final class LocalFlinkCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFlinkCluster.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration REGISTRATION_POLL = Duration.ofMillis(200);

    private final LocalClusterSpec spec;
    private final Configuration configuration;
    private final ClusterProcess jobManager;
    private final List<ClusterProcess> taskManagers = new CopyOnWriteArrayList<>();
    private final AtomicInteger taskManagerNumber = new AtomicInteger();
    private final FlinkRestClient rest;
    private final Thread shutdownHook = new Thread(this::stopProcesses, "local-flink-cluster-stop");

    private LocalFlinkCluster(LocalClusterSpec spec, Configuration configuration, ClusterProcess jobManager,
                              FlinkRestClient rest) {
        this.spec = spec;
        this.configuration = configuration;
        this.jobManager = jobManager;
        this.rest = rest;
    }

    /** Starts the JobManager, waits for its REST API, then starts the TaskManagers and waits until they register. */
    public static LocalFlinkCluster start(LocalClusterSpec spec) {
        long startNanos = System.nanoTime();
        ClusterLayout layout = spec.layout();
        layout.createDirectories();
        int restPort = spec.restPort() != 0 ? spec.restPort() : FreePorts.pick();
        if (!FreePorts.isFree(restPort)) {
            throw new IllegalStateException("Port " + restPort + " is taken: is another Flink cluster running? "
                    + "Pick another with --rest-port, or 0 for any free port");
        }
        Configuration configuration = LocalClusterConfig.build(spec, restPort, FreePorts.pick());
        LocalClusterConfig.write(configuration, spec);

        FlinkRestClient rest = new FlinkRestClient(URI.create("http://localhost:" + restPort));
        ClusterProcess jobManager = launch("jobmanager", FlinkProcessCommand.JOB_MANAGER_CLASS,
                FlinkProcessCommand.jobManager(configuration, layout, spec.classpath()), layout);
        LocalFlinkCluster cluster = new LocalFlinkCluster(spec, configuration, jobManager, rest);
        if (spec.stopWithThisJvm()) {
            Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        }
        try {
            cluster.awaitJobManager(spec.startTimeout());
            for (int i = 0; i < spec.taskManagers(); i++) {
                cluster.launchTaskManager();
            }
            cluster.awaitTaskManagers(spec.taskManagers(), spec.startTimeout());
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        cluster.saveState();
        LOG.info("Local Flink cluster up in {} ms: {} with {} TaskManager(s), files under {}",
                Duration.ofNanos(System.nanoTime() - startNanos).toMillis(), rest.baseUrl(), spec.taskManagers(),
                layout.root());
        return cluster;
    }

    /** Stops the processes a {@code cluster start} recorded under {@code layout}; returns how many were running. */
    public static int stopRecorded(ClusterLayout layout) {
        List<ClusterProcess> live = ClusterState.read(layout.stateFile())
                .map(ClusterState::liveProcesses)
                .orElse(List.of());
        // TaskManagers first, so the JobManager does not restart tasks on a shrinking cluster.
        live.stream().filter(p -> !p.name().equals("jobmanager")).forEach(p -> p.stop(STOP_GRACE));
        live.stream().filter(p -> p.name().equals("jobmanager")).forEach(p -> p.stop(STOP_GRACE));
        return live.size();
    }

    public FlinkRestClient rest() {
        return rest;
    }

    public URI restUrl() {
        return rest.baseUrl();
    }

    public ClusterLayout layout() {
        return spec.layout();
    }

    /** The configuration every process of this cluster runs with (what was written to its config.yaml). */
    public Configuration configuration() {
        return new Configuration(configuration);
    }

    public ClusterProcess jobManager() {
        return jobManager;
    }

    /** Every TaskManager started so far, killed ones included (check {@link ClusterProcess#isAlive()}). */
    public List<ClusterProcess> taskManagers() {
        return List.copyOf(taskManagers);
    }

    /** Starts one more TaskManager and waits until it has registered with the JobManager. */
    public ClusterProcess startTaskManager() {
        ClusterProcess started = launchTaskManager();
        long deadline = System.nanoTime() + spec.startTimeout().toNanos();
        while (rest.taskManagers().stream().noneMatch(tm -> tm.id().equals(started.name()))) {
            failIfDead(started);
            failIfPast(deadline, "TaskManager " + started.name() + " to register", started);
            FlinkRestClient.sleep(REGISTRATION_POLL);
        }
        saveState();
        return started;
    }

    /**
     * Waits until exactly {@code count} TaskManagers are registered (a killed one drops out after heartbeats fail)
     * and the slot manager counts all their slots: a TaskManager is listed a moment before its slot report arrives,
     * and until then the cluster offers no slot to a job.
     */
    public void awaitTaskManagers(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!registeredWithAllSlots(count)) {
            if (liveTaskManagers() < count) {
                ClusterProcess dead = taskManagers.stream().filter(tm -> !tm.isAlive()).reduce((a, b) -> b)
                        .orElseThrow(() -> new IllegalStateException("Only " + liveTaskManagers()
                                + " TaskManager process(es) started; cannot wait for " + count));
                failIfDead(dead);
            }
            failIfPast(deadline, count + " TaskManager(s) to be registered", jobManager);
            FlinkRestClient.sleep(REGISTRATION_POLL);
        }
    }

    private boolean registeredWithAllSlots(int count) {
        List<TaskManagerInfo> registered = rest.taskManagers();
        return registered.size() == count
                && rest.overview().slotsTotal() == registered.stream().mapToInt(TaskManagerInfo::slots).sum();
    }

    /** Stops every process: TaskManagers, then the JobManager. Checkpoints, savepoints and logs stay on disk. */
    @Override
    public void close() {
        if (spec.stopWithThisJvm()) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or about to; stopping twice is harmless.
            }
        }
        stopProcesses();
        saveState();
    }

    private void stopProcesses() {
        for (ClusterProcess tm : taskManagers) {
            tm.stop(STOP_GRACE);
        }
        jobManager.stop(STOP_GRACE);
    }

    private ClusterProcess launchTaskManager() {
        String resourceId = "taskmanager-" + taskManagerNumber.incrementAndGet();
        ClusterProcess tm = launch(resourceId, FlinkProcessCommand.TASK_MANAGER_CLASS,
                FlinkProcessCommand.taskManager(configuration, spec.layout(), spec.classpath(), resourceId),
                spec.layout());
        taskManagers.add(tm);
        return tm;
    }

    private long liveTaskManagers() {
        return taskManagers.stream().filter(ClusterProcess::isAlive).count();
    }

    private void awaitJobManager(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!rest.isReachable()) {
            failIfDead(jobManager);
            failIfPast(deadline, "the JobManager's REST API at " + rest.baseUrl(), jobManager);
            FlinkRestClient.sleep(REGISTRATION_POLL);
        }
    }

    private void saveState() {
        List<ClusterProcess.Record> records = new ArrayList<>();
        records.add(jobManager.record());
        taskManagers.forEach(tm -> records.add(tm.record()));
        new ClusterState(rest.baseUrl(), records).write(spec.layout().stateFile());
    }

    private static ClusterProcess launch(String name, String mainClass, List<String> command, ClusterLayout layout) {
        Path out = layout.log().resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(layout.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                // Nothing reads stdin; a closed pipe would outlive the CLI that started the process.
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("CLASSPATH");
        builder.environment().put("FLINK_CONF_DIR", layout.conf().toString());
        builder.environment().put("FLINK_PLUGINS_DIR", layout.root().resolve("plugins").toString());
        builder.environment().put("FLINK_LOG_DIR", layout.log().toString());
        try {
            Process process = builder.start();
            ProcessHandle handle = process.toHandle();
            Instant started = handle.info().startInstant().orElse(Instant.now());
            LOG.info("Started {} (pid {}), log {}", name, handle.pid(), layout.log().resolve(name + ".log"));
            return new ClusterProcess(new ClusterProcess.Record(name, handle.pid(), started, mainClass,
                    layout.log().resolve(name + ".log"), out), handle);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " with " + command.get(0), e);
        }
    }

    private static void failIfDead(ClusterProcess process) {
        if (!process.isAlive()) {
            throw new IllegalStateException(process.name() + " (pid " + process.pid() + ") exited during start-up:\n"
                    + process.logTail(40));
        }
    }

    private static void failIfPast(long deadlineNanos, String what, ClusterProcess suspect) {
        if (System.nanoTime() > deadlineNanos) {
            throw new IllegalStateException("Timed out waiting for " + what + "; the end of " + suspect.name()
                    + "'s log:\n" + suspect.logTail(40));
        }
    }
}
