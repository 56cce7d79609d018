package com.crmautopilot.sinks.kafka;

import org.apache.flink.connector.base.DeliveryGuarantee;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

import static com.crmautopilot.sinks.kafka.KafkaNames.requireLegalName;
import static com.crmautopilot.sinks.kafka.KafkaNames.requireText;

/**
 * How the job writes to Kafka: where, with which guarantee, and for exactly-once the transaction settings.
 *
 * <p>Exactly-once writes in Kafka transactions that commit on each checkpoint. The transaction timeout must stay
 * below the broker's {@code transaction.max.timeout.ms} (15 minutes by default), or the producer is refused at
 * start; Flink's own default (1 hour) is over it, hence an explicit 10 minutes here. It must also exceed the
 * checkpoint interval plus the time a restart takes, or the broker aborts transactions Flink still means to commit.
 *
 * @param transactionalIdPrefix unique per job; each sink appends its topic. Required for exactly-once.
 * @param brokerMaxTransactionTimeout the broker's {@code transaction.max.timeout.ms}, checked against
 */
public record KafkaSinkSettings(String bootstrapServers, DeliveryGuarantee deliveryGuarantee,
                                String transactionalIdPrefix, Duration transactionTimeout,
                                Duration brokerMaxTransactionTimeout) implements Serializable {

    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_BROKER_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    public KafkaSinkSettings {
        requireText(bootstrapServers, "bootstrap servers");
        Objects.requireNonNull(deliveryGuarantee, "delivery guarantee");
        Objects.requireNonNull(transactionTimeout, "transaction timeout");
        Objects.requireNonNull(brokerMaxTransactionTimeout, "broker max transaction timeout");
        if (transactionTimeout.isNegative() || transactionTimeout.isZero()) {
            throw new IllegalArgumentException("transaction timeout must be positive, got " + transactionTimeout);
        }
        if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            requireLegalName(transactionalIdPrefix, "transactional id prefix");
            if (transactionTimeout.compareTo(brokerMaxTransactionTimeout) >= 0) {
                throw new IllegalArgumentException("transaction timeout " + transactionTimeout
                        + " must be below the broker's transaction.max.timeout.ms " + brokerMaxTransactionTimeout);
            }
        }
    }

    /**
     * Refuses a checkpoint interval these sinks cannot work with: exactly-once output commits on checkpoints, so
     * there must be checkpoints, and each transaction must be committed before the broker times it out.
     */
    public void requireCommitsWithin(Duration checkpointInterval) {
        if (deliveryGuarantee != DeliveryGuarantee.EXACTLY_ONCE) {
            return;
        }
        if (checkpointInterval.isZero() || checkpointInterval.isNegative()) {
            throw new IllegalArgumentException("checkpoint.interval must be positive for exactly-once output: "
                    + "transactions commit on checkpoints");
        }
        if (checkpointInterval.compareTo(transactionTimeout) >= 0) {
            throw new IllegalArgumentException("checkpoint.interval " + checkpointInterval
                    + " must be shorter than sink.transaction-timeout " + transactionTimeout);
        }
    }

    public static KafkaSinkSettings exactlyOnce(String bootstrapServers, String transactionalIdPrefix) {
        return new KafkaSinkSettings(bootstrapServers, DeliveryGuarantee.EXACTLY_ONCE, transactionalIdPrefix,
                DEFAULT_TRANSACTION_TIMEOUT, DEFAULT_BROKER_MAX_TRANSACTION_TIMEOUT);
    }

    public static KafkaSinkSettings atLeastOnce(String bootstrapServers) {
        return new KafkaSinkSettings(bootstrapServers, DeliveryGuarantee.AT_LEAST_ONCE, null,
                DEFAULT_TRANSACTION_TIMEOUT, DEFAULT_BROKER_MAX_TRANSACTION_TIMEOUT);
    }

    public KafkaSinkSettings withTransactionTimeout(Duration timeout) {
        return new KafkaSinkSettings(bootstrapServers, deliveryGuarantee, transactionalIdPrefix, timeout,
                brokerMaxTransactionTimeout);
    }

    /** The prefix of one sink's transactional ids: two sinks of a job must never share one. */
    public String transactionalIdPrefixFor(String topic) {
        return transactionalIdPrefix + "-" + topic;
    }
}
