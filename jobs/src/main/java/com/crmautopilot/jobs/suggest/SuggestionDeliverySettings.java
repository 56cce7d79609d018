package com.crmautopilot.jobs.suggest;

import com.crmautopilot.jobs.SettingsReader;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.models.Topics;
import com.crmautopilot.models.validation.ValidatorConfig;
import com.crmautopilot.operators.suggest.SuggestionSettings;
import com.crmautopilot.sinks.kafka.KafkaSinkSettings;
import com.crmautopilot.sinks.kafka.KafkaSourceSettings;
import com.crmautopilot.sinks.kafka.KafkaSourceSettings.StartingOffsets;
import com.crmautopilot.sinks.notify.DeliverySettings;
import org.apache.flink.connector.base.DeliveryGuarantee;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of the suggestion-delivery job, typed, with defaults, in one place. Read them with
 * {@link #fromArgs(String[])}: {@code --config FILE} (a properties file, see {@code conf/suggestion-delivery.properties})
 * and then {@code --key value} overrides, keys as in {@link #DEFAULTS}. A bad value fails at start with a message
 * that names the key.
 *
 * <p>{@code conf.dir} names the directory of {@code triggers.yaml}, {@code suggestion-templates.yaml} and
 * {@code delivery.yaml}; empty means the copies shipped on the classpath (and the built-in delivery defaults). The
 * files are read when the job is built, so a typo stops it before it is submitted.
 *
 * @param topics          input and output topics, by setting key ({@code topics.*})
 * @param eventSettings   out-of-orderness and idleness of every event-time input, and the dedupe memory
 */
public record SuggestionDeliverySettings(
        String bootstrapServers,
        String groupId,
        StartingOffsets startingOffsets,
        Map<String, String> topics,
        DeliveryGuarantee deliveryGuarantee,
        String transactionalIdPrefix,
        Duration transactionTimeout,
        Duration checkpointInterval,
        String confDir,
        Duration outOfOrderness,
        Duration idleness,
        Duration dedupeTtl,
        ValidatorConfig validator) implements Serializable {

    public static final String EVENTS = "topics.events";
    public static final String LEAD_SCORES = "topics.lead-scores";
    public static final String SCORE_CHANGES = "topics.score-changes";
    public static final String FEEDBACK = "topics.feedback";
    public static final String PREFERENCES = "topics.preferences";
    public static final String CONTROL = "topics.control";
    public static final String SUGGESTIONS = "topics.suggestions";
    public static final String NOTIFICATIONS_INAPP = "topics.notifications-inapp";
    public static final String DEAD_LETTER = "topics.dead-letter";

    /** The keys and their defaults; durations read like {@code 15 min}, {@code 30 s}, {@code 7 d}. */
    public static final Map<String, String> DEFAULTS = defaultValues();

    public SuggestionDeliverySettings {
        topics = Map.copyOf(topics);
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(confDir, "confDir");
        requirePositive(outOfOrderness, "ingestion.out-of-orderness");
        requirePositive(idleness, "ingestion.idleness");
        requirePositive(dedupeTtl, "ingestion.dedupe-ttl");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        for (String key : DEFAULTS.keySet()) {
            if (key.startsWith("topics.")) {
                new KafkaSourceSettings(bootstrapServers, topics.get(key), groupId, startingOffsets);
            }
        }
        // Fields are assigned only after this constructor's body: build the sink settings from the parameters.
        new KafkaSinkSettings(bootstrapServers, deliveryGuarantee, transactionalIdPrefix, transactionTimeout,
                KafkaSinkSettings.DEFAULT_BROKER_MAX_TRANSACTION_TIMEOUT).requireCommitsWithin(checkpointInterval);
        if (!confDir.isEmpty() && !Files.isDirectory(Path.of(confDir))) {
            throw new IllegalArgumentException("conf.dir " + confDir + " is not a directory");
        }
    }

    public static SuggestionDeliverySettings defaults() {
        return fromMap(Map.of());
    }

    /** {@code --config FILE} loads a properties file first; every other {@code --key value} overrides it. */
    public static SuggestionDeliverySettings fromArgs(String[] args) {
        return fromMap(SettingsReader.argsToMap(args));
    }

    public static SuggestionDeliverySettings fromMap(Map<String, String> overrides) {
        Map<String, String> values = SettingsReader.withDefaults(DEFAULTS, overrides);
        SettingsReader read = new SettingsReader(values, DEFAULTS.keySet());
        Map<String, String> topics = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith("topics.")) {
                topics.put(key, read.text(key));
            }
        });
        ValidatorConfig validator = read.within("validator.*", () ->
                new ValidatorConfig(read.integer("validator.max-payload-bytes"),
                        read.duration("validator.max-future-skew"), ValidatorConfig.defaults().schemaVersions()));
        return read.within("kafka.*, topics.*, sink.*, checkpoint.interval, conf.dir, ingestion.*", () ->
                new SuggestionDeliverySettings(
                        read.text("kafka.bootstrap-servers"),
                        read.text("kafka.group-id"),
                        read.enumValue("kafka.starting-offsets", StartingOffsets.class),
                        topics,
                        read.enumValue("sink.delivery-guarantee", DeliveryGuarantee.class),
                        read.text("sink.transactional-id-prefix"),
                        read.duration("sink.transaction-timeout"),
                        read.duration("checkpoint.interval"),
                        values.get("conf.dir") == null ? "" : values.get("conf.dir").trim(),
                        read.duration("ingestion.out-of-orderness"),
                        read.duration("ingestion.idleness"),
                        read.duration("ingestion.dedupe-ttl"),
                        validator));
    }

    public String topic(String key) {
        String topic = topics.get(key);
        if (topic == null) {
            throw new IllegalArgumentException("no topic setting " + key);
        }
        return topic;
    }

    /**
     * Where one input topic is read from. Each input has its own consumer group (the job's, with the topic's
     * setting name), because offsets are committed per group and topic. Trigger overrides on {@code crm.control}
     * are read from the earliest offset on a fresh start: they are configuration, and the last one per tenant and
     * trigger wins.
     */
    public KafkaSourceSettings sourceSettings(String topicKey) {
        String suffix = topicKey.substring("topics.".length());
        StartingOffsets offsets = topicKey.equals(CONTROL) ? StartingOffsets.EARLIEST : startingOffsets;
        String group = topicKey.equals(EVENTS) ? groupId : groupId + "-" + suffix;
        return new KafkaSourceSettings(bootstrapServers, topic(topicKey), group, offsets);
    }

    public KafkaSinkSettings sinkSettings() {
        return new KafkaSinkSettings(bootstrapServers, deliveryGuarantee, transactionalIdPrefix, transactionTimeout,
                KafkaSinkSettings.DEFAULT_BROKER_MAX_TRANSACTION_TIMEOUT);
    }

    /** {@code triggers.yaml} of {@code conf.dir}, or the classpath copy. */
    public TriggerCatalog triggerCatalog() {
        return confDir.isEmpty() ? TriggerCatalog.defaults() : TriggerCatalog.load(Path.of(confDir, TriggerCatalog.RESOURCE));
    }

    /** Policies and templates of {@code conf.dir}, or the shipped ones. */
    public SuggestionSettings engineSettings() {
        return confDir.isEmpty() ? SuggestionSettings.defaults() : SuggestionSettings.fromConf(Path.of(confDir));
    }

    /** {@code delivery.yaml} of {@code conf.dir} (the built-in defaults without one), on this job's in-app topic. */
    public DeliverySettings deliverySettings() {
        Path file = confDir.isEmpty() ? null : Path.of(confDir, "delivery.yaml");
        DeliverySettings delivery = file != null && Files.isRegularFile(file)
                ? DeliverySettings.fromFile(file, sinkSettings())
                : DeliverySettings.defaults(sinkSettings());
        return delivery.withInappTopic(topic(NOTIFICATIONS_INAPP));
    }

    private static Map<String, String> defaultValues() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("kafka.bootstrap-servers", "localhost:9092");
        d.put("kafka.group-id", "suggestion-delivery");
        d.put("kafka.starting-offsets", "committed-or-earliest");
        d.put(EVENTS, Topics.EVENTS);
        d.put(LEAD_SCORES, Topics.LEAD_SCORES);
        d.put(SCORE_CHANGES, Topics.SCORE_CHANGES);
        d.put(FEEDBACK, Topics.FEEDBACK);
        d.put(PREFERENCES, Topics.PREFERENCES);
        d.put(CONTROL, Topics.CONTROL);
        d.put(SUGGESTIONS, Topics.SUGGESTIONS);
        d.put(NOTIFICATIONS_INAPP, Topics.NOTIFICATIONS_INAPP);
        d.put(DEAD_LETTER, Topics.DEAD_LETTER);
        d.put("sink.delivery-guarantee", "exactly-once");
        d.put("sink.transactional-id-prefix", "suggestion-delivery");
        d.put("sink.transaction-timeout", "10 min");
        d.put("checkpoint.interval", "1 s");
        d.put("conf.dir", "");
        d.put("ingestion.out-of-orderness", "15 min");
        d.put("ingestion.idleness", "30 s");
        d.put("ingestion.dedupe-ttl", "7 d");
        d.put("validator.max-payload-bytes", String.valueOf(ValidatorConfig.DEFAULT_MAX_PAYLOAD_BYTES));
        d.put("validator.max-future-skew", "5 min");
        return Collections.unmodifiableMap(d);
    }

    private static void requirePositive(Duration duration, String key) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + duration);
        }
    }
}
