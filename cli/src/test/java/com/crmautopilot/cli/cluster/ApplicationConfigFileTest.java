package com.crmautopilot.cli.cluster;

import com.crmautopilot.jobs.JobSettings;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** conf/lead-intelligence.properties documents every setting of the job, and the job accepts it as it is. */
class ApplicationConfigFileTest {

    private static final Path FILE = ProjectBuild.ROOT.resolve("conf").resolve("lead-intelligence.properties");

    private static Properties properties;

    @BeforeAll
    static void read() throws Exception {
        properties = new Properties();
        try (Reader reader = Files.newBufferedReader(FILE)) {
            properties.load(reader);
        }
    }

    @Test
    void listsExactlyTheKeysTheJobReads() {
        assertThat(properties.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(JobSettings.DEFAULTS.keySet());
    }

    @Test
    void isAcceptedByTheJobAsItsConfigFile() {
        JobSettings settings = JobSettings.fromArgs(new String[] {"--config", FILE.toString(),
                "--kafka.bootstrap-servers", "kafka:9092"});
        assertThat(settings.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(settings.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void keepsTheJobsDefaultsExceptTheCheckpointIntervalItMarks() {
        for (String key : JobSettings.DEFAULTS.keySet()) {
            if (!key.equals("checkpoint.interval")) {
                assertThat(properties.getProperty(key)).as(key).isEqualTo(JobSettings.DEFAULTS.get(key));
            }
        }
    }

    @Test
    void explainsEveryKeyInACommentAboveIt() throws Exception {
        List<String> lines = Files.readAllLines(FILE);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                assertThat(i).as("a comment above %s", line).isPositive();
                assertThat(lines.get(i - 1).strip()).as("the line above %s", line).startsWith("#");
            }
        }
    }
}
