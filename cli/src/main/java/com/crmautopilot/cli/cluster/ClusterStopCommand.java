package com.crmautopilot.cli.cluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** Stops the local session cluster. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {
            "Stop the local cluster.",
            "TaskManagers first, then the JobManager. Running jobs stop with them: take a savepoint first",
            "(`cluster savepoint`) to resume them later. Savepoints and checkpoints stay on disk."})
public final class ClusterStopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterTarget target = new ClusterTarget();

    @Override
    public Integer call() {
        ClusterLayout layout = target.layout();
        int stopped = LocalFlinkCluster.stopRecorded(layout);
        if (stopped == 0) {
            spec.commandLine().getOut().println("No local cluster is running (looked in " + layout.stateFile() + ").");
        } else {
            spec.commandLine().getOut().println("Stopped " + stopped + " cluster process(es); savepoints stay in "
                    + layout.savepoints());
        }
        return 0;
    }
}
