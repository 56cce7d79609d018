package com.crmautopilot.sinks.kafka;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaSinkSettingsTest {

    @Test
    void exactlyOnceDefaultsToATenMinuteTransactionBelowTheBrokersMaximum() {
        KafkaSinkSettings settings = KafkaSinkSettings.exactlyOnce("localhost:9092", "lead-intelligence");

        assertThat(settings.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(settings.transactionTimeout()).isEqualTo(Duration.ofMinutes(10));
        Properties producer = JsonKafkaSink.producerProperties("ai.lead-profiles", settings);
        assertThat(producer.getProperty("transaction.timeout.ms")).isEqualTo("600000");
        assertThat(settings.transactionalIdPrefixFor("ai.lead-profiles")).isEqualTo("lead-intelligence-ai.lead-profiles");
    }

    @Test
    void producersBatchAndCompressWhateverTheGuarantee() {
        for (KafkaSinkSettings settings : new KafkaSinkSettings[] {
                KafkaSinkSettings.exactlyOnce("localhost:9092", "lead-intelligence"),
                KafkaSinkSettings.atLeastOnce("localhost:9092")}) {
            Properties producer = JsonKafkaSink.producerProperties("ai.lead-profiles", settings);
            assertThat(producer.getProperty("compression.type")).isEqualTo("lz4");
            assertThat(Integer.parseInt(producer.getProperty("batch.size"))).isEqualTo(256 * 1024);
            assertThat(Integer.parseInt(producer.getProperty("linger.ms"))).isEqualTo(20);
        }
    }

    @Test
    void atLeastOnceNeedsNoTransactions() {
        KafkaSinkSettings settings = KafkaSinkSettings.atLeastOnce("localhost:9092");

        assertThat(JsonKafkaSink.producerProperties("ai.dead-letter", settings)).doesNotContainKey("transaction.timeout.ms");
        assertThat(OutputSinks.deadLetters(settings)).isNotNull();
    }

    @Test
    void refusesATransactionTimeoutTheBrokerWouldRefuse() {
        KafkaSinkSettings settings = KafkaSinkSettings.exactlyOnce("localhost:9092", "lead-intelligence");

        assertThatThrownBy(() -> settings.withTransactionTimeout(Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transaction.max.timeout.ms");
        assertThatThrownBy(() -> settings.withTransactionTimeout(Duration.ZERO))
                .hasMessageContaining("must be positive");
    }

    @Test
    void exactlyOnceRequiresALegalTransactionalIdPrefix() {
        assertThatThrownBy(() -> KafkaSinkSettings.exactlyOnce("localhost:9092", null))
                .hasMessageContaining("transactional id prefix must not be blank");
        assertThatThrownBy(() -> KafkaSinkSettings.exactlyOnce("localhost:9092", "lead intelligence!"))
                .hasMessageContaining("'lead intelligence!'");
    }

    @Test
    void refusesMissingBootstrapServersOrGuarantee() {
        assertThatThrownBy(() -> KafkaSinkSettings.atLeastOnce(" ")).hasMessageContaining("bootstrap servers");
        assertThatThrownBy(() -> new KafkaSinkSettings("localhost:9092", null, "p", Duration.ofMinutes(1),
                Duration.ofMinutes(15))).hasMessageContaining("delivery guarantee");
    }

    @Test
    void sinksRefuseAnIllegalTopicOrAMissingKeyFunction() {
        KafkaSinkSettings settings = KafkaSinkSettings.atLeastOnce("localhost:9092");

        assertThatThrownBy(() -> JsonKafkaSink.of("ai lead profiles", (String s) -> s, settings))
                .hasMessageContaining("topic 'ai lead profiles'");
        assertThatThrownBy(() -> JsonKafkaSink.of("ai.lead-profiles", null, settings))
                .hasMessageContaining("key function");
    }
}
