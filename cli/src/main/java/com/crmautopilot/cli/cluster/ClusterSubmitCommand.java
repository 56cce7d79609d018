package com.crmautopilot.cli.cluster;

import com.crmautopilot.cli.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Uploads a job jar and runs it, optionally from a savepoint. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {
            "Upload a job jar and run it, optionally from a savepoint.",
            "Waits until every task runs (its state restored), so a job that cannot start fails here.",
            "Job arguments go after --."})
public final class ClusterSubmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterTarget target = new ClusterTarget();

    @Option(names = "--jar", paramLabel = "JAR", description = "The job jar (default: the newest jobs/target/*-job.jar).")
    Path jar;

    @Option(names = "--entry-class", paramLabel = "CLASS", description = "Main class (default: the jar manifest's).")
    String entryClass;

    @Option(names = "--parallelism", paramLabel = "N", description = "Job parallelism (default: the cluster's).")
    Integer parallelism;

    @Option(names = "--from-savepoint", paramLabel = "PATH", description = "Savepoint or retained checkpoint to restore.")
    String savepoint;

    @Option(names = "--allow-non-restored-state",
            description = "Drop savepoint state that no operator claims. Off by default: dropped state is lost data.")
    boolean allowNonRestoredState;

    @Option(names = "--no-wait", description = "Return once the job is submitted, without waiting for its tasks.")
    boolean noWait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3m", converter = DurationConverter.class,
            description = "How long the job may take to run all its tasks (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Parameters(paramLabel = "ARGS", description = "Arguments for the job's main method (after --).")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FlinkRestClient rest = target.client();
        Path jobJar = jar != null ? jar : JobJars.builtOrFail(ClusterTarget.home());
        String jarId = rest.uploadJar(jobJar);
        RunRequest request = RunRequest.of(entryClass, args)
                .withParallelism(parallelism)
                .fromSavepoint(savepoint)
                .allowingNonRestoredState(allowNonRestoredState);
        long start = System.nanoTime();
        String jobId = rest.run(jarId, request);
        target.submissions().record(rest.baseUrl(), jobId, jarId, request);
        if (!noWait) {
            rest.awaitRunning(jobId, timeout);
        }
        out.printf("Job %s %s from %s%s in %d ms%n", jobId, noWait ? "submitted" : "running", jobJar.getFileName(),
                savepoint == null ? "" : ", restored from " + savepoint,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        out.println("  web UI  " + rest.baseUrl() + "/#/job/running/" + jobId);
        return 0;
    }
}
