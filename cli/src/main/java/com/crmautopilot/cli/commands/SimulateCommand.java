package com.crmautopilot.cli.commands;

import com.crmautopilot.cli.ProgressBar;
import com.crmautopilot.simulator.SimulatorConfig;
import com.crmautopilot.simulator.output.SimulationWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Writes a simulated CRM history and its ground truth to a directory. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Write DIR/events.jsonl (crm.events records) and DIR/truth/ (the ground truth).")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Mixin
    SimulatorOptions world = new SimulatorOptions();

    @Override
    public Integer call() {
        SimulatorConfig config = world.toBuilder().build();
        SimulationWriter.Summary summary;
        try (ProgressBar bar = new ProgressBar(System.out, "simulating")) {
            summary = SimulationWriter.write(config, out, (records, fraction) ->
                    bar.update(fraction, String.format(Locale.ROOT, "%,d records", records)));
        }
        System.out.printf(Locale.ROOT, "wrote %,d records (%,d clean events, %,d malformed, %,d duplicates, "
                        + "%,d out of order), %.1f MB in %.1f s%n",
                summary.records(), summary.cleanEvents(), summary.defects(), summary.duplicates(),
                summary.outOfOrder(), summary.bytes() / 1e6, summary.elapsed().toMillis() / 1000.0);
        System.out.println("events: " + summary.eventsFile());
        System.out.println("truth:  " + summary.truthDir());
        return 0;
    }
}
