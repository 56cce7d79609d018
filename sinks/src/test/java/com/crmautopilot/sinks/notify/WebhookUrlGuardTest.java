package com.crmautopilot.sinks.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlGuardTest {

    private final WebhookUrlGuard production = SlackSettings.defaults().urlGuard();
    private final WebhookUrlGuard tests = new WebhookUrlGuard(List.of("hooks.slack.com"), true);

    @Test
    void allowsAnHttpsSlackHookUrl() {
        WebhookUrlGuard.Verdict verdict = production.check("https://hooks.slack.com/services/T000/B000/XXXX");

        assertThat(verdict.isAllowed()).isTrue();
        assertThat(verdict.uri().getHost()).isEqualTo("hooks.slack.com");
        assertThat(production.check("https://HOOKS.slack.com:443/services/T/B/X").isAllowed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://hooks.slack.com/services/T/B/X",
            "https://hooks.slack.com.evil.example/services/T/B/X",
            "https://evil.example/hooks.slack.com/services",
            "https://hooks.slack.com:8443/services/T/B/X",
            "https://user:pw@hooks.slack.com/services/T/B/X",
            "https://169.254.169.254/latest/meta-data",
            "https://127.0.0.1/services/T/B/X",
            "http://localhost:8080/services/T/B/X",
            "file:///etc/passwd",
            "gopher://hooks.slack.com/x",
            "//hooks.slack.com/services/T/B/X",
            "hooks.slack.com/services/T/B/X",
            "https://hooks.slack.com/services/T B",
            ""})
    void refusesEverythingElseInProduction(String url) {
        WebhookUrlGuard.Verdict verdict = production.check(url);

        assertThat(verdict.isAllowed()).as(url).isFalse();
        assertThat(verdict.refusalReason()).isPresent();
    }

    @Test
    void theTestOnlySwitchOpensTheLoopbackInterfaceAndNothingElse() {
        assertThat(tests.check("http://127.0.0.1:8080/services/T/B/X").isAllowed()).isTrue();
        assertThat(tests.check("http://localhost:8080/hook").isAllowed()).isTrue();
        assertThat(tests.check("http://[::1]:8080/hook").isAllowed()).isTrue();
        assertThat(tests.check("http://10.0.0.5:8080/hook").isAllowed()).isFalse();
        assertThat(tests.check("http://hooks.slack.com/services/T/B/X").isAllowed()).isFalse();
        assertThat(tests.check("https://evil.example/hook").isAllowed()).isFalse();
        assertThat(production.check(null).refusalReason()).contains("no webhook URL");
    }
}
