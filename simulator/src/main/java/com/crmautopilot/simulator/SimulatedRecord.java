package com.crmautopilot.simulator;

import com.crmautopilot.models.output.DeadLetterReason;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record of the simulated {@code crm.events} stream, as it would sit on the topic.
 *
 * @param key             {@code tenant:entity}, e.g. {@code t1:lead-00042} (heartbeats: {@code t1:heartbeat})
 * @param value           the record's bytes: canonical JSON for clean records and duplicates, anything for defects
 * @param tenantId        the tenant it belongs to (also for defects, whose bytes may not say so)
 * @param eventId         its {@code event_id}; for a defect the id it carries, or null when it has none
 * @param eventTimeMillis its event time; for a defect, the time of the position it was injected at
 * @param defect          the reason the validator must give, or null for a valid record
 * @param duplicate       true for a byte-identical second copy of an earlier clean record
 */
public record SimulatedRecord(
        String key,
        byte[] value,
        String tenantId,
        String eventId,
        long eventTimeMillis,
        DeadLetterReason defect,
        boolean duplicate) {

    public SimulatedRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(tenantId, "tenantId");
    }

    public boolean isMalformed() {
        return defect != null;
    }

    /** An original event of the clean stream: neither malformed nor a duplicate. */
    public boolean isClean() {
        return defect == null && !duplicate;
    }

    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimulatedRecord other
                && eventTimeMillis == other.eventTimeMillis
                && duplicate == other.duplicate
                && key.equals(other.key)
                && Arrays.equals(value, other.value)
                && tenantId.equals(other.tenantId)
                && Objects.equals(eventId, other.eventId)
                && defect == other.defect;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, Arrays.hashCode(value), tenantId, eventId, eventTimeMillis, defect, duplicate);
    }

    @Override
    public String toString() {
        String text = valueAsString();
        return "SimulatedRecord[key=" + key + ", eventId=" + eventId + ", eventTimeMillis=" + eventTimeMillis
                + ", defect=" + defect + ", duplicate=" + duplicate + ", value="
                + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + "]";
    }
}
