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

/** Cancels a job without a savepoint. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {
            "Cancel a job without a savepoint.",
            "Its last checkpoint is retained (conf/config.yaml), so it can still be restored from."})
public final class ClusterCancelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterTarget target = new ClusterTarget();

    @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job to cancel.")
    String jobId;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2m", converter = DurationConverter.class,
            description = "How long to wait for the job to end (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        FlinkRestClient rest = target.client();
        rest.cancel(jobId);
        spec.commandLine().getOut().println("Job " + jobId + " is " + rest.awaitTerminal(jobId, timeout));
        return 0;
    }
}
