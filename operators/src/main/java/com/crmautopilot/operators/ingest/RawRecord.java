package com.crmautopilot.operators.ingest;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record as a broker hands it over: where it came from and its value bytes. Tests and replays build these to
 * feed the same decoding path as Kafka without a broker.
 */
public record RawRecord(String topic, int partition, long offset, byte[] value) implements Serializable {

    public RawRecord {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawRecord that && partition == that.partition && offset == that.offset
                && topic.equals(that.topic) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "RawRecord[" + topic + "-" + partition + "@" + offset + ", " + (value == null ? "null" : value.length + " bytes") + "]";
    }
}
