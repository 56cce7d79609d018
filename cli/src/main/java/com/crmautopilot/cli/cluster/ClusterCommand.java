package com.crmautopilot.cli.cluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code autopilot cluster}: a real Flink session cluster on this machine, and the job lifecycle on any cluster
 * (submit, savepoint, upgrade) through its REST API.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {
            "A Flink session cluster on this machine, and the job lifecycle on any cluster.",
            "The cluster's JobManager and TaskManagers run as separate JVMs, from the jars this CLI carries.",
            "submit, savepoint, upgrade, status and cancel work on any cluster with --rest-url."},
        subcommands = {
            ClusterStartCommand.class,
            ClusterStopCommand.class,
            ClusterStatusCommand.class,
            ClusterSubmitCommand.class,
            ClusterSavepointCommand.class,
            ClusterUpgradeCommand.class,
            ClusterCancelCommand.class})
public final class ClusterCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
