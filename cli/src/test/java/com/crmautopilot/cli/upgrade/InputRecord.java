package com.crmautopilot.cli.upgrade;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One record of a job's input topic, with its partition fixed up front: every run that produces the same records
 * in the same order puts each at the same offset, which is what a savepoint's source offsets refer to.
 */
record InputRecord(int partition, String key, byte[] value) {

    InputRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** Kafka's default partitioner for keyed records (murmur2 of the key bytes). */
    static int partitionFor(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
