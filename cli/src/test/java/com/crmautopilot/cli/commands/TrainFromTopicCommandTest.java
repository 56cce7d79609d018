package com.crmautopilot.cli.commands;

import com.crmautopilot.cli.commands.TrainCommandTest.Run;
import com.crmautopilot.cli.runtime.EmbeddedKafka;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.SimulatorConfig;
import com.crmautopilot.simulator.kafka.KafkaEventProducer;
import com.crmautopilot.simulator.kafka.Pacing;
import com.crmautopilot.simulator.output.SimulationWriter;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code train --bootstrap-servers --topic}: a crm.events topic read to its end offsets, through a real broker. */
class TrainFromTopicCommandTest {

    private static final Pattern BUILT = Pattern.compile("built ([\\d,]+) daily snapshots of ([\\d,]+) leads");

    @TempDir
    Path dir;

    @Test
    void aTopicYieldsExactlyTheTrainingSetAndModelOfTheSameHistoryInAFile() throws Exception {
        SimulatorConfig world = SimulatorConfig.builder().days(75).tenants(2).leadsPerTenant(300).seed(4).build();
        Path history = dir.resolve("history");
        SimulationWriter.write(world, history, (records, fraction) -> {
        });
        Run fromFile = Run.of(new TrainCommand(), "--events", history.resolve("events.jsonl").toString(),
                "--out", dir.resolve("from-file").toString(), "--max-rounds", "40", "--embargo", "0d");

        Run fromTopic;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(List.of("history.events"), 2);
            try (KafkaEventProducer producer = new KafkaEventProducer(kafka.bootstrapServers(), "history.events",
                    Pacing.unlimited())) {
                producer.produce(new Simulator(world).start());
            }
            fromTopic = Run.of(new TrainCommand(), "--bootstrap-servers", kafka.bootstrapServers(),
                    "--topic", "history.events", "--truth", history.resolve("truth").toString(),
                    "--out", dir.resolve("from-topic").toString(), "--max-rounds", "40", "--embargo", "0d");
        }

        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromTopic.exitCode()).as(fromTopic.err()).isZero();
        assertThat(built(fromTopic)).isEqualTo(built(fromFile));
        JsonNode fileMetrics = Json.mapper().readTree(dir.resolve("from-file/metrics.json").toFile());
        JsonNode topicMetrics = Json.mapper().readTree(dir.resolve("from-topic/metrics.json").toFile());
        assertThat(topicMetrics).isEqualTo(fileMetrics);
        assertThat(topicMetrics.path("oracle_auc").isNumber()).isTrue();
        assertThat(fromTopic.out()).contains("topic history.events");
    }

    private static String built(Run run) {
        Matcher m = BUILT.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return m.group(1) + " snapshots of " + m.group(2) + " leads";
    }
}
