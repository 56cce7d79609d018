package com.crmautopilot.cli.cluster;

import com.crmautopilot.cli.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** Starts the local session cluster and leaves it running. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {
            "Start a Flink session cluster on this machine.",
            "One JobManager and N TaskManagers, each its own JVM, configured by conf/config.yaml. The cluster",
            "keeps running after this command returns; stop it with `cluster stop`."})
public final class ClusterStartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterTarget target = new ClusterTarget();

    @Option(names = "--task-managers", paramLabel = "N", defaultValue = "1",
            description = "TaskManagers (default: ${DEFAULT-VALUE}).")
    int taskManagers;

    @Option(names = "--slots", paramLabel = "N",
            description = "Task slots per TaskManager (default: conf/config.yaml's).")
    Integer slots;

    @Option(names = "--tm-memory", paramLabel = "SIZE",
            description = "Process memory per TaskManager, such as 2g (default: conf/config.yaml's).")
    String taskManagerMemory;

    @Option(names = "--jm-memory", paramLabel = "SIZE",
            description = "Process memory of the JobManager, such as 1g (default: conf/config.yaml's).")
    String jobManagerMemory;

    @Option(names = "--rest-port", paramLabel = "PORT", defaultValue = "8081",
            description = "REST API and web UI port; 0 for any free one (default: ${DEFAULT-VALUE}).")
    int restPort;

    @Option(names = "--conf", paramLabel = "DIR", description = "Flink conf directory (default: conf/ of the project).")
    Path conf;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "90s", converter = DurationConverter.class,
            description = "How long each process may take to come up (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ClusterLayout layout = target.layout();
        var running = ClusterState.read(layout.stateFile()).filter(s -> !s.liveProcesses().isEmpty());
        if (running.isPresent()) {
            spec.commandLine().getErr().println("A cluster is already running at " + running.get().restUrl()
                    + " (files under " + layout.root() + "); stop it first with `cluster stop`.");
            return 1;
        }
        Path baseConf = conf != null ? conf : ClusterTarget.home().resolve("conf");
        long start = System.nanoTime();
        LocalFlinkCluster cluster = LocalFlinkCluster.start(LocalClusterSpec.builder(layout.root())
                .baseConf(baseConf)
                .taskManagers(taskManagers)
                .slots(slots)
                .taskManagerMemory(taskManagerMemory)
                .jobManagerMemory(jobManagerMemory)
                .restPort(restPort)
                .startTimeout(timeout)
                .build());
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        ClusterOverview overview = cluster.rest().overview();
        out.printf("Flink %s session cluster up in %.1f s: 1 JobManager, %d TaskManager(s), %d slots%n",
                overview.flinkVersion(), millis / 1000.0, overview.taskManagers(), overview.slotsTotal());
        out.println("  web UI and REST  " + cluster.restUrl());
        out.println("  configuration    " + layout.conf().resolve("config.yaml") + " (from " + baseConf + ")");
        out.println("  logs             " + layout.log());
        out.println("  savepoints       " + layout.savepoints());
        out.println("Submit the job jar with `./autopilot cluster submit --jar jobs/target/jobs-*-job.jar -- ARGS`;"
                + " stop the cluster with `./autopilot cluster stop`.");
        return 0;
    }
}
