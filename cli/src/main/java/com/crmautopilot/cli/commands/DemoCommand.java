package com.crmautopilot.cli.commands;

import com.crmautopilot.cli.runtime.DemoRuntime;
import com.crmautopilot.cli.runtime.LiveSummary;
import com.crmautopilot.cli.runtime.OutputWatcher;
import com.crmautopilot.jobs.JobSettings;
import com.crmautopilot.models.Topics;
import com.crmautopilot.operators.metrics.InProcessCounters;
import com.crmautopilot.simulator.SimulationRun;
import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.kafka.KafkaEventProducer;
import com.crmautopilot.simulator.kafka.Pacing;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole system in one process: a real KRaft broker, a Flink MiniCluster (RocksDB, checkpoints), the jobs, and
 * the simulator producing into {@code crm.events}, with a live summary of what comes out.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker, a Flink MiniCluster and the simulator, and watch events flow.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--duration", description = "Stop by itself after this long, e.g. 60s or 5m (default: run until Ctrl-C).")
    Duration duration;

    @ArgGroup(exclusive = true)
    Speed speed = new Speed();

    static final class Speed {
        @Option(names = "--events-per-second", description = "Produce this many events per second (default: 2000).")
        Double eventsPerSecond;

        @Option(names = "--speed", description = "Time compression instead: seconds of simulated time per wall second, e.g. 3600.")
        Double timeCompression;

        Pacing pacing() {
            if (timeCompression != null) {
                return Pacing.timeCompression(timeCompression);
            }
            return Pacing.eventsPerSecond(eventsPerSecond == null ? 2000 : eventsPerSecond);
        }
    }

    @Option(names = "--summary-every", description = "How often to print the summary (default: ${DEFAULT-VALUE}).")
    Duration summaryEvery = Duration.ofSeconds(5);

    @Option(names = "--checkpoint-interval", description = "Exactly-once output appears at each checkpoint (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval = Duration.ofSeconds(2);

    @Option(names = "--flink-ui-port", description = "Port of the Flink web UI; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int flinkUiPort = 0;

    @Option(names = "--partitions", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions = 2;

    @Mixin
    SimulatorOptions world = new SimulatorOptions().withDefaults(90, 3, 1000);

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        out.println("Starting the embedded Kafka broker and the Flink MiniCluster...");
        InProcessCounters.reset();
        try (DemoRuntime runtime = DemoRuntime.start(partitions, 3, flinkUiPort)) {
            JobSettings settings = runtime.jobSettings("lead-intelligence", checkpointInterval);
            runtime.submitLeadIntelligence(settings);
            runtime.submitSuggestionDelivery(runtime.suggestionSettings(checkpointInterval));
            out.printf("Kafka:     %s (topics: %d, %d partitions each)%n", runtime.kafka().bootstrapServers(),
                    Topics.ALL.size(), partitions);
            out.printf("Flink UI:  %s%n", runtime.flink().restAddress());
            out.printf("Jobs:      %s%n", runtime.jobs().keySet());

            OutputWatcher watcher = runtime.closeOnExit(
                    OutputWatcher.forIngestion(runtime.kafka().bootstrapServers()).start());
            Simulator simulator = new Simulator(world.toBuilder().build());
            SimulationRun run = simulator.start();
            Pacing pacing = speed.pacing();
            KafkaEventProducer producer = runtime.closeOnExit(
                    new KafkaEventProducer(runtime.kafka().bootstrapServers(), Topics.EVENTS, pacing));
            Thread producing = new Thread(() -> producer.produce(run), "simulator-producer");
            producing.setDaemon(true);
            producing.start();
            out.printf("Simulator: %d tenants x %d leads over %d days, seed %d, %s%n%n", world.tenants,
                    world.leadsPerTenant, world.days, world.seed, describe(pacing));

            LiveSummary summary = new LiveSummary(out, producer, watcher, runtime);
            boolean simulationDone = false;
            long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < deadline) {
                long waitNanos = Math.min(summaryEvery.toNanos(), deadline - System.nanoTime());
                if (stop.await(Math.max(0, waitNanos), TimeUnit.NANOSECONDS)) {
                    out.println("\nInterrupted: shutting down.");
                    break;
                }
                summary.print();
                if (!producing.isAlive() && !simulationDone) {
                    simulationDone = true;
                    out.printf("The simulation has produced all its %,d events; the jobs keep running.%n%n",
                            producer.sent());
                }
            }
            producer.stop();
            producing.join(5000);
            out.println("Stopping the jobs, the MiniCluster and the broker...");
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for the close above
            }
        }
        out.println("Demo stopped cleanly.");
        return 0;
    }

    private static String describe(Pacing pacing) {
        return switch (pacing.mode()) {
            case EVENTS_PER_SECOND -> String.format("%.0f events/s", pacing.rate());
            case TIME_COMPRESSION -> String.format("%.0fx real time", pacing.rate());
            case UNLIMITED -> "as fast as possible";
        };
    }
}
