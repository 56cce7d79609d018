package com.crmautopilot.jobs;

import com.crmautopilot.jobs.scoring.LeadScoringSettings;
import com.crmautopilot.models.Topics;
import com.crmautopilot.models.validation.ValidatorConfig;
import com.crmautopilot.operators.profile.LeadProfileConfig;
import com.crmautopilot.sinks.kafka.KafkaSinkSettings;
import com.crmautopilot.sinks.kafka.KafkaSourceSettings;
import com.crmautopilot.sinks.kafka.KafkaSourceSettings.StartingOffsets;
import org.apache.flink.connector.base.DeliveryGuarantee;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of the lead-intelligence job, typed, with defaults, in one place. Read them with
 * {@link #fromArgs(String[])}: {@code --config FILE} (a properties file) and then {@code --key value} overrides, keys
 * as in {@link #DEFAULTS}. A bad value fails at start with a message that names the key.
 */
public record JobSettings(
        String bootstrapServers,
        String groupId,
        StartingOffsets startingOffsets,
        String profilesTopic,
        String deadLetterTopic,
        DeliveryGuarantee deliveryGuarantee,
        String transactionalIdPrefix,
        Duration transactionTimeout,
        Duration checkpointInterval,
        ValidatorConfig validator,
        IngestionSettings ingestion,
        LeadScoringSettings scoring) {

    /** The keys and their defaults; durations read like {@code 15 min}, {@code 30 s}, {@code 7 d}. */
    public static final Map<String, String> DEFAULTS = defaultValues();

    public JobSettings {
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(ingestion, "ingestion");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        // Builds (and so validates) both Kafka ends now, so a bad combination fails before the job is submitted.
        new KafkaSourceSettings(bootstrapServers, ingestion.eventsTopic(), groupId, startingOffsets);
        new KafkaSinkSettings(bootstrapServers, deliveryGuarantee, transactionalIdPrefix, transactionTimeout,
                KafkaSinkSettings.DEFAULT_BROKER_MAX_TRANSACTION_TIMEOUT).requireCommitsWithin(checkpointInterval);
    }

    public static JobSettings defaults() {
        return fromMap(Map.of());
    }

    /** {@code --config FILE} loads a properties file first; every other {@code --key value} overrides it. */
    public static JobSettings fromArgs(String[] args) {
        return fromMap(SettingsReader.argsToMap(args));
    }

    public static JobSettings fromMap(Map<String, String> overrides) {
        Map<String, String> values = SettingsReader.withDefaults(DEFAULTS, overrides);
        SettingsReader read = new SettingsReader(values, DEFAULTS.keySet());
        LeadProfileConfig profile = read.within("profile.bucket, profile.retention", () ->
                new LeadProfileConfig(LeadProfileConfig.DEFAULT_WINDOW, read.duration("profile.bucket"),
                        read.duration("profile.retention")));
        IngestionSettings ingestion = read.within("topics.events, ingestion.*", () -> new IngestionSettings(
                read.text("topics.events"), read.duration("ingestion.out-of-orderness"),
                read.duration("ingestion.idleness"), read.duration("ingestion.dedupe-ttl"), profile));
        ValidatorConfig validator = read.within("validator.*", () ->
                new ValidatorConfig(read.integer("validator.max-payload-bytes"),
                        read.duration("validator.max-future-skew"), ValidatorConfig.defaults().schemaVersions()));
        LeadScoringSettings scoring = read.within("scoring.*, topics.*", () -> LeadScoringSettings.fromMap(values));
        return read.within("kafka.*, topics.*, sink.*, checkpoint.interval", () -> new JobSettings(
                read.text("kafka.bootstrap-servers"),
                read.text("kafka.group-id"),
                read.enumValue("kafka.starting-offsets", StartingOffsets.class),
                read.text("topics.lead-profiles"),
                read.text("topics.dead-letter"),
                read.enumValue("sink.delivery-guarantee", DeliveryGuarantee.class),
                read.text("sink.transactional-id-prefix"),
                read.duration("sink.transaction-timeout"),
                read.duration("checkpoint.interval"),
                validator,
                ingestion,
                scoring));
    }

    public KafkaSourceSettings sourceSettings() {
        return new KafkaSourceSettings(bootstrapServers, ingestion.eventsTopic(), groupId, startingOffsets);
    }

    public KafkaSinkSettings sinkSettings() {
        return new KafkaSinkSettings(bootstrapServers, deliveryGuarantee, transactionalIdPrefix, transactionTimeout,
                KafkaSinkSettings.DEFAULT_BROKER_MAX_TRANSACTION_TIMEOUT);
    }

    public JobSettings withBootstrapServers(String value) {
        return new JobSettings(value, groupId, startingOffsets, profilesTopic, deadLetterTopic, deliveryGuarantee,
                transactionalIdPrefix, transactionTimeout, checkpointInterval, validator, ingestion, scoring);
    }

    public JobSettings withIngestion(IngestionSettings value) {
        return new JobSettings(bootstrapServers, groupId, startingOffsets, profilesTopic, deadLetterTopic,
                deliveryGuarantee, transactionalIdPrefix, transactionTimeout, checkpointInterval, validator, value,
                scoring);
    }

    private static Map<String, String> defaultValues() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("kafka.bootstrap-servers", "localhost:9092");
        defaults.put("kafka.group-id", "lead-intelligence");
        defaults.put("kafka.starting-offsets", "committed-or-earliest");
        defaults.put("topics.events", Topics.EVENTS);
        defaults.put("topics.lead-profiles", Topics.LEAD_PROFILES);
        defaults.put("topics.dead-letter", Topics.DEAD_LETTER);
        defaults.put("sink.delivery-guarantee", "exactly-once");
        defaults.put("sink.transactional-id-prefix", "lead-intelligence");
        defaults.put("sink.transaction-timeout", "10 min");
        defaults.put("checkpoint.interval", "10 s");
        defaults.put("ingestion.out-of-orderness", "15 min");
        defaults.put("ingestion.idleness", "30 s");
        defaults.put("ingestion.dedupe-ttl", "7 d");
        defaults.put("profile.bucket", "1 min");
        defaults.put("profile.retention", "365 d");
        defaults.put("validator.max-payload-bytes", String.valueOf(ValidatorConfig.DEFAULT_MAX_PAYLOAD_BYTES));
        defaults.put("validator.max-future-skew", "5 min");
        defaults.putAll(LeadScoringSettings.DEFAULTS);
        return Collections.unmodifiableMap(defaults);
    }
}
