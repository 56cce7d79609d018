package com.crmautopilot.jobs;

import com.crmautopilot.sinks.kafka.KafkaSourceSettings.StartingOffsets;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobSettingsTest {

    @Test
    void hasSafeDefaults() {
        JobSettings settings = JobSettings.defaults();

        assertThat(settings.ingestion().eventsTopic()).isEqualTo("crm.events");
        assertThat(settings.profilesTopic()).isEqualTo("ai.lead-profiles");
        assertThat(settings.deadLetterTopic()).isEqualTo("ai.dead-letter");
        assertThat(settings.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(settings.transactionTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.startingOffsets()).isEqualTo(StartingOffsets.COMMITTED_OR_EARLIEST);
        assertThat(settings.ingestion().outOfOrderness()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.ingestion().idleness()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.ingestion().dedupeTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.ingestion().profile().retention()).isEqualTo(Duration.ofDays(365));
        assertThat(settings.validator().maxPayloadBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void argumentsOverrideThePropertiesFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("job.properties");
        Files.writeString(file, """
                kafka.bootstrap-servers=broker:9092
                ingestion.out-of-orderness=5 min
                sink.delivery-guarantee=at-least-once
                """);

        JobSettings settings = JobSettings.fromArgs(new String[]{"--config", file.toString(),
                "--ingestion.out-of-orderness", "2 min", "--kafka.starting-offsets", "latest"});

        assertThat(settings.bootstrapServers()).isEqualTo("broker:9092");
        assertThat(settings.ingestion().outOfOrderness()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(settings.startingOffsets()).isEqualTo(StartingOffsets.LATEST);
        assertThat(settings.sourceSettings().topic()).isEqualTo("crm.events");
    }

    @Test
    void aBadValueFailsNamingItsKey() {
        assertThatThrownBy(() -> JobSettings.fromMap(Map.of("ingestion.idleness", "soon")))
                .hasMessageStartingWith("ingestion.idleness = 'soon'");
        assertThatThrownBy(() -> JobSettings.fromMap(Map.of("sink.delivery-guarantee", "twice")))
                .hasMessageContaining("sink.delivery-guarantee = 'twice' is not one of exactly-once, at-least-once, none");
        assertThatThrownBy(() -> JobSettings.fromMap(Map.of("validator.max-payload-bytes", "big")))
                .hasMessageStartingWith("validator.max-payload-bytes");
        assertThatThrownBy(() -> JobSettings.fromMap(Map.of("profile.bucket", "7 min")))
                .hasMessageContaining("profile.bucket").hasMessageContaining("must divide the window");
    }

    @Test
    void anUnknownKeyIsATypoNotSomethingToIgnore() {
        assertThatThrownBy(() -> JobSettings.fromMap(Map.of("ingestion.idlenes", "1 min")))
                .hasMessageContaining("unknown setting(s) [ingestion.idlenes]");
    }

    @Test
    void exactlyOnceNeedsCheckpointsShorterThanTheTransactionTimeout() {
        assertThatThrownBy(() -> JobSettings.fromMap(Map.of("checkpoint.interval", "0 s")))
                .hasMessageStartingWith("checkpoint.interval must be positive");
        assertThatThrownBy(() -> JobSettings.fromMap(Map.of("checkpoint.interval", "11 min")))
                .hasMessageStartingWith("checkpoint.interval PT11M")
                .hasMessageContaining("sink.transaction-timeout");
        assertThatThrownBy(() -> JobSettings.fromMap(Map.of("sink.transaction-timeout", "20 min")))
                .hasMessageContaining("transaction.max.timeout.ms");
        assertThat(JobSettings.fromMap(Map.of("checkpoint.interval", "0 s", "sink.delivery-guarantee", "none"))
                .deliveryGuarantee()).isEqualTo(DeliveryGuarantee.NONE);
    }
}
