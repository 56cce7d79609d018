package com.crmautopilot.cli.cluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Shows the cluster, its TaskManagers and its jobs. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the cluster, its TaskManagers and its jobs.")
public final class ClusterStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterTarget target = new ClusterTarget();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FlinkRestClient rest = target.client();
        if (!rest.isReachable()) {
            spec.commandLine().getErr().println("No Flink cluster answers at " + rest.baseUrl()
                    + "; start one with `cluster start`, or point --rest-url at yours.");
            return 1;
        }
        ClusterOverview overview = rest.overview();
        out.printf("Flink %s at %s: %d TaskManager(s), %d of %d slots free, %d job(s) running%n",
                overview.flinkVersion(), rest.baseUrl(), overview.taskManagers(), overview.slotsAvailable(),
                overview.slotsTotal(), overview.jobsRunning());
        for (TaskManagerInfo tm : rest.taskManagers()) {
            out.printf("  taskmanager %-24s %d/%d slots free%n", tm.id(), tm.freeSlots(), tm.slots());
        }
        for (JobSummary job : rest.jobs()) {
            out.printf("  job %s  %-10s %s%n", job.id(), job.state(), job.name());
        }
        return 0;
    }
}
