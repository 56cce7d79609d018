package com.crmautopilot.sinks.notify;

import com.crmautopilot.sinks.kafka.KafkaSinkSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliverySettingsTest {

    private static final KafkaSinkSettings KAFKA = KafkaSinkSettings.exactlyOnce("localhost:9092", "delivery");
    private static final Path CONF = Path.of("..", "conf", "delivery.yaml");

    @Test
    void theConfFileStatesTheDefaults() {
        assertThat(DeliverySettings.fromFile(CONF, KAFKA)).isEqualTo(DeliverySettings.defaults(KAFKA));
    }

    @Test
    void readsNestedKeysAndLists() {
        DeliverySettings settings = DeliverySettings.fromYaml("""
                smtp:
                  host: mail.example.com
                  port: 465
                  security: smtps
                  username: autopilot
                  password-env: SMTP_PASSWORD
                  from: "Autopilot <ap@example.com>"
                slack:
                  allowed-hosts: [hooks.slack.com, Hooks.Example.COM]
                retry:
                  give-up-after: 30 min
                """, "test", KAFKA);

        assertThat(settings.smtp().protocol()).isEqualTo("smtps");
        assertThat(settings.smtp().port()).isEqualTo(465);
        assertThat(settings.smtp().passwordEnv()).isEqualTo("SMTP_PASSWORD");
        assertThat(settings.smtp().messageIdDomain()).isEqualTo("example.com");
        assertThat(settings.slack().allowedHosts()).containsExactly("hooks.slack.com", "hooks.example.com");
        assertThat(settings.slack().allowInsecureLoopbackForTests()).isFalse();
        assertThat(settings.retry().giveUpAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.asyncTimeout()).isGreaterThan(Duration.ofMinutes(30));
    }

    @Test
    void refusesUnknownKeysAndBadValuesNamingThem() {
        assertThatThrownBy(() -> DeliverySettings.fromYaml("slack:\n  allow-insecure-loopback-for-tests: true\n",
                "test", KAFKA)).hasMessageContaining("unknown key slack.allow-insecure-loopback-for-tests");
        assertThatThrownBy(() -> DeliverySettings.fromYaml("smtp:\n  password: hunter2\n", "test", KAFKA))
                .hasMessageContaining("unknown key smtp.password");
        assertThatThrownBy(() -> DeliverySettings.fromYaml("smtp:\n  security: maybe\n", "test", KAFKA))
                .hasMessageContaining("smtp.*");
        assertThatThrownBy(() -> DeliverySettings.fromYaml("retry:\n  jitter: 2\n", "test", KAFKA))
                .hasMessageContaining("jitter");
    }

    @Test
    void smtpSessionPropertiesBoundEveryWaitAndRequireTlsWhenAsked() {
        SmtpSettings starttls = DeliverySettings.defaults(KAFKA).smtp();
        Properties properties = starttls.sessionProperties();

        assertThat(properties.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(properties.getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
        assertThat(properties.getProperty("mail.smtp.timeout")).isEqualTo("30000");
        assertThat(properties.getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
        assertThat(properties.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(SmtpSettings.plain("localhost", 25, "a@b.example").withAuth("u", "p").toString())
                .doesNotContain("=p,").contains("password=***");
    }

    @Test
    void theAllowlistDefaultsToSlacksHookHost() {
        assertThat(DeliverySettings.defaults(KAFKA).slack().allowedHosts()).isEqualTo(List.of("hooks.slack.com"));
    }
}
