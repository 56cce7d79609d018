package com.crmautopilot.cli.cluster;

import com.crmautopilot.cli.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Stop-with-savepoint, then run from that savepoint, with a new jar if one is given. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {
            "Upgrade a running job through a savepoint.",
            "Stops the job with a savepoint, then starts it (from --jar, or the jar it was submitted with) from",
            "that savepoint, and reports the savepoint's path and size and the time each step took. State the new",
            "version cannot map is refused unless --allow-non-restored-state is given."})
public final class ClusterUpgradeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterTarget target = new ClusterTarget();

    @Parameters(index = "0", paramLabel = "JOB_ID", description = "The running job.")
    String jobId;

    @Option(names = "--jar", paramLabel = "JAR", description = "The new version's jar (default: the job's current jar).")
    Path jar;

    @Option(names = "--entry-class", paramLabel = "CLASS",
            description = "Main class (default: as submitted, else the manifest's).")
    String entryClass;

    @Option(names = "--parallelism", paramLabel = "N", description = "Parallelism of the new job (default: as submitted).")
    Integer parallelism;

    @Option(names = "--target-dir", paramLabel = "DIR",
            description = "Where the savepoint goes (default: the cluster's execution.checkpointing.savepoint-dir).")
    String targetDirectory;

    @Option(names = "--allow-non-restored-state",
            description = "Drop savepoint state that no operator of the new version claims. Off by default.")
    boolean allowNonRestoredState;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "Limit for the savepoint, and for the restore (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Parameters(index = "1..*", paramLabel = "ARGS",
            description = "Arguments for the new job's main method, after -- (default: as submitted).")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        FlinkRestClient rest = target.client();
        URI restUrl = rest.baseUrl();
        Optional<SubmissionLog.Submission> previous = target.submissions().find(restUrl, jobId);
        if (jar == null && previous.isEmpty()) {
            spec.commandLine().getErr().println("Job " + jobId + " was not submitted through this CLI, so its jar is"
                    + " unknown: give the jar to restore with --jar.");
            return 2;
        }
        // Uploaded before the stop: the downtime excludes the upload, and a failed upload leaves the job running.
        String jarId = jar != null ? rest.uploadJar(jar) : previous.get().jarId();
        RunRequest base = previous.map(SubmissionLog.Submission::toRunRequest).orElse(RunRequest.of(null, List.of()));
        RunRequest next = RunRequest.of(entryClass != null ? entryClass : base.entryClass(),
                        args.isEmpty() ? base.args() : args)
                .withParallelism(parallelism != null ? parallelism : base.parallelism())
                .allowingNonRestoredState(allowNonRestoredState);

        UpgradeReport report = SavepointUpgrade.run(rest, jobId, jarId, next, targetDirectory, timeout);
        target.submissions().record(restUrl, report.jobId(), jarId, next);
        spec.commandLine().getOut().println(report.summary());
        return 0;
    }
}
