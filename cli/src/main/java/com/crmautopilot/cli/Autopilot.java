package com.crmautopilot.cli;

import com.crmautopilot.cli.cluster.ClusterCommand;
import com.crmautopilot.cli.commands.BenchCommand;
import com.crmautopilot.cli.commands.DemoCommand;
import com.crmautopilot.cli.commands.EvaluateCommand;
import com.crmautopilot.cli.commands.SimulateCommand;
import com.crmautopilot.cli.commands.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code autopilot} command: demo, simulate, train, evaluate, bench and cluster. */
@Command(name = "autopilot",
        mixinStandardHelpOptions = true,
        version = "CRM Autopilot 0.1.0",
        description = "Autonomous CRM operations on Apache Flink.",
        subcommands = {DemoCommand.class, SimulateCommand.class, TrainCommand.class, EvaluateCommand.class,
                BenchCommand.class, ClusterCommand.class,
                CommandLine.HelpCommand.class})
public final class Autopilot implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exitCode = newCommandLine().execute(args);
        System.exit(exitCode);
    }

    public static CommandLine newCommandLine() {
        return new CommandLine(new Autopilot())
                .registerConverter(java.time.Duration.class, new DurationConverter())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
