package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.Topics;
import com.crmautopilot.sinks.kafka.KafkaSinkSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.flink.util.TimeUtils;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything delivery needs, typed, with defaults: {@code conf/delivery.yaml} (see it for each key), plus the
 * Kafka sink settings of the job that attaches the sinks.
 *
 * <p>Two settings are deliberately not readable from the file: the literal SMTP password (name an environment
 * variable with {@code smtp.password-env}) and the test-only loopback switch of the webhook guard
 * ({@link SlackSettings#allowInsecureLoopbackForTests()}), so no deployed config can turn the guard off.
 *
 * @param asyncCapacity how many notifications each channel's async operator keeps in flight per subtask; beyond
 *                      it the stream is back-pressured
 */
public record DeliverySettings(String inappTopic, KafkaSinkSettings kafka, SmtpSettings smtp, SlackSettings slack,
                               RetryPolicy retry, Duration ledgerRetention, int asyncCapacity)
        implements Serializable {

    /** The keys of {@code conf/delivery.yaml}, as dotted paths, with their defaults. */
    public static final Map<String, String> DEFAULTS = defaultValues();

    /** How long the async operator waits past the retry budget before it gives up on a notification itself. */
    static final Duration ASYNC_TIMEOUT_MARGIN = Duration.ofSeconds(30);

    public DeliverySettings {
        Objects.requireNonNull(inappTopic, "in-app topic");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(retry, "retry");
        if (ledgerRetention == null || ledgerRetention.isNegative() || ledgerRetention.isZero()) {
            throw new IllegalArgumentException("ledger retention must be positive, got " + ledgerRetention);
        }
        if (asyncCapacity < 1) {
            throw new IllegalArgumentException("async capacity must be at least 1, got " + asyncCapacity);
        }
    }

    public static DeliverySettings defaults(KafkaSinkSettings kafka) {
        return fromMap(Map.of(), kafka);
    }

    public static DeliverySettings fromFile(Path file, KafkaSinkSettings kafka) {
        try {
            return fromYaml(Files.readString(file), file.toString(), kafka);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read delivery settings " + file + ": " + e.getMessage(), e);
        }
    }

    public static DeliverySettings fromYaml(String yaml, String source, KafkaSinkSettings kafka) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (root != null && !root.isMissingNode() && !root.isNull()) {
            flatten("", root, values);
        }
        for (String key : values.keySet()) {
            if (!DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException(source + ": unknown key " + key + " (known: " + DEFAULTS.keySet() + ")");
            }
        }
        return fromMap(values, kafka);
    }

    /** Reads the delivery keys of {@code values} over the defaults; other keys are left to the caller. */
    public static DeliverySettings fromMap(Map<String, String> values, KafkaSinkSettings kafka) {
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        values.forEach((key, value) -> {
            if (DEFAULTS.containsKey(key)) {
                merged.put(key, value);
            }
        });
        RetryPolicy retry = within("retry.*", () -> new RetryPolicy(duration(merged, "retry.initial-backoff"),
                duration(merged, "retry.max-backoff"), number(merged, "retry.multiplier"),
                number(merged, "retry.jitter"), duration(merged, "retry.give-up-after")));
        SmtpSettings smtp = within("smtp.*", () -> new SmtpSettings(merged.get("smtp.host").trim(),
                integer(merged, "smtp.port"), SmtpSettings.Security.fromConfig(merged.get("smtp.security")),
                merged.get("smtp.username"), "", merged.get("smtp.password-env"), merged.get("smtp.from"),
                duration(merged, "smtp.connect-timeout"), duration(merged, "smtp.read-timeout"),
                integer(merged, "smtp.connections")));
        SlackSettings slack = within("slack.*", () -> new SlackSettings(
                Arrays.stream(merged.get("slack.allowed-hosts").split(",")).map(String::trim).toList(), false,
                duration(merged, "slack.connect-timeout"), duration(merged, "slack.request-timeout"),
                number(merged, "slack.permits-per-second"), integer(merged, "slack.burst")));
        return within("inapp.topic, ledger.retention, async.capacity", () -> new DeliverySettings(
                merged.get("inapp.topic").trim(), kafka, smtp, slack, retry, duration(merged, "ledger.retention"),
                integer(merged, "async.capacity")));
    }

    public DeliverySettings withSmtp(SmtpSettings newSmtp) {
        return new DeliverySettings(inappTopic, kafka, newSmtp, slack, retry, ledgerRetention, asyncCapacity);
    }

    public DeliverySettings withSlack(SlackSettings newSlack) {
        return new DeliverySettings(inappTopic, kafka, smtp, newSlack, retry, ledgerRetention, asyncCapacity);
    }

    public DeliverySettings withRetry(RetryPolicy newRetry) {
        return new DeliverySettings(inappTopic, kafka, smtp, slack, newRetry, ledgerRetention, asyncCapacity);
    }

    public DeliverySettings withInappTopic(String topic) {
        return new DeliverySettings(topic, kafka, smtp, slack, retry, ledgerRetention, asyncCapacity);
    }

    /**
     * The async operators' timeout: the retry budget, plus the longest single attempt, plus a margin. Within it the
     * function itself decides (delivered, rejected, gave up); the operator's timeout is only a backstop.
     */
    public Duration asyncTimeout() {
        Duration longestAttempt = max(smtp.connectTimeout().plus(smtp.readTimeout().multipliedBy(2)),
                slack.connectTimeout().plus(slack.requestTimeout()));
        return retry.giveUpAfter().plus(RetryAfter.MAX).plus(longestAttempt).plus(ASYNC_TIMEOUT_MARGIN);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Map<String, String> defaultValues() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("inapp.topic", Topics.NOTIFICATIONS_INAPP);
        defaults.put("ledger.retention", "7 d");
        defaults.put("async.capacity", "100");
        defaults.put("retry.initial-backoff", "1 s");
        defaults.put("retry.max-backoff", "1 min");
        defaults.put("retry.multiplier", "2");
        defaults.put("retry.jitter", "0.2");
        defaults.put("retry.give-up-after", "15 min");
        defaults.put("smtp.host", "localhost");
        defaults.put("smtp.port", "587");
        defaults.put("smtp.security", "starttls");
        defaults.put("smtp.username", "");
        defaults.put("smtp.password-env", "");
        defaults.put("smtp.from", "CRM Autopilot <autopilot@localhost.localdomain>");
        defaults.put("smtp.connect-timeout", "10 s");
        defaults.put("smtp.read-timeout", "30 s");
        defaults.put("smtp.connections", "2");
        defaults.put("slack.allowed-hosts", SlackSettings.SLACK_HOOKS_HOST);
        defaults.put("slack.connect-timeout", "5 s");
        defaults.put("slack.request-timeout", "10 s");
        defaults.put("slack.permits-per-second", "1");
        defaults.put("slack.burst", "1");
        return java.util.Collections.unmodifiableMap(defaults);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            into.put(prefix, String.join(",", items));
        } else {
            into.put(prefix, node.isNull() ? "" : node.asText());
        }
    }

    private static Duration duration(Map<String, String> values, String key) {
        return TimeUtils.parseDuration(values.get(key).trim());
    }

    private static int integer(Map<String, String> values, String key) {
        return Integer.parseInt(values.get(key).trim());
    }

    private static double number(Map<String, String> values, String key) {
        return Double.parseDouble(values.get(key).trim());
    }

    private static <T> T within(String keys, Supplier<T> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("delivery settings " + keys + ": " + e.getMessage(), e);
        }
    }
}
