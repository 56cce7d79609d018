package com.crmautopilot.cli.cluster;

import com.crmautopilot.cli.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Takes a savepoint of a running job, which keeps running (or stops, with --stop). */
@Command(name = "savepoint", mixinStandardHelpOptions = true,
        description = {
            "Take a savepoint of a running job.",
            "The job keeps running, unless --stop is given (stop-with-savepoint)."})
public final class ClusterSavepointCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterTarget target = new ClusterTarget();

    @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job.")
    String jobId;

    @Option(names = "--target-dir", paramLabel = "DIR",
            description = "Where the savepoint goes (default: the cluster's execution.checkpointing.savepoint-dir).")
    String targetDirectory;

    @Option(names = "--stop", description = "Stop the job with this savepoint (stop-with-savepoint).")
    boolean stop;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long the savepoint may take (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        FlinkRestClient rest = target.client();
        long start = System.nanoTime();
        String trigger = stop
                ? rest.stopWithSavepoint(jobId, targetDirectory, false)
                : rest.triggerSavepoint(jobId, targetDirectory);
        String location = rest.awaitSavepoint(jobId, trigger, timeout);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        long bytes = SavepointSize.onDisk(location).orElse(-1);
        spec.commandLine().getOut().printf("Savepoint of job %s%s in %d ms: %s (%s)%n", jobId,
                stop ? " (job stopped)" : "", millis, location,
                bytes < 0 ? "size unknown" : UpgradeReport.formatBytes(bytes));
        return 0;
    }
}
