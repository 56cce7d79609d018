package com.crmautopilot.sinks.notify;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How Slack incoming webhooks are called.
 *
 * @param allowedHosts                  the only hosts a webhook URL may name (exact, case-insensitive), so a URL
 *                                      typed into preferences cannot point the job at an internal service
 * @param allowInsecureLoopbackForTests TEST ONLY: also accept {@code http} and {@code https} URLs on the loopback
 *                                      interface ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) at any port,
 *                                      for a local receiver standing in for Slack. Never set it in production.
 * @param permitsPerSecond              messages per second per webhook URL (Slack documents about 1)
 * @param burst                         how many messages a quiet webhook may take at once
 */
public record SlackSettings(List<String> allowedHosts, boolean allowInsecureLoopbackForTests,
                            Duration connectTimeout, Duration requestTimeout, double permitsPerSecond, int burst)
        implements Serializable {

    public static final String SLACK_HOOKS_HOST = "hooks.slack.com";

    public SlackSettings {
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().map(host -> host.trim().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).distinct().toList();
        Objects.requireNonNull(connectTimeout, "slack connect timeout");
        Objects.requireNonNull(requestTimeout, "slack request timeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()
                || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("slack timeouts must be positive");
        }
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("slack permits per second must be positive, got " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("slack burst must be at least 1, got " + burst);
        }
    }

    public static SlackSettings defaults() {
        return new SlackSettings(List.of(SLACK_HOOKS_HOST), false, Duration.ofSeconds(5), Duration.ofSeconds(10),
                1.0, 1);
    }

    /** Settings for a local test receiver: loopback allowed over http, short timeouts, a fast rate limit. */
    public static SlackSettings forLoopbackTests(Duration requestTimeout, double permitsPerSecond) {
        return new SlackSettings(List.of(SLACK_HOOKS_HOST), true, Duration.ofSeconds(2), requestTimeout,
                permitsPerSecond, 1);
    }

    public WebhookUrlGuard urlGuard() {
        return new WebhookUrlGuard(allowedHosts, allowInsecureLoopbackForTests);
    }
}
