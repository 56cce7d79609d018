package com.crmautopilot.models.output;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A record that could not be processed, on {@code ai.dead-letter}. It keeps the original bytes (base64) and where
 * they came from, so an operator can fix and replay them. {@code deadLetterId} is derived from the source position
 * (or the tenant and event id), so a replay writes the same id again.
 *
 * @param tenantId and {@code eventId} are filled when they could be read, and null otherwise
 */
public record DeadLetter(
        String deadLetterId,
        DeadLetterReason reason,
        String detail,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        String tenantId,
        String eventId,
        String originalBase64) {

    public static DeadLetter fromSource(DeadLetterReason reason, String detail, String topic, int partition, long offset,
                                        String tenantId, String eventId, byte[] original) {
        String id = deterministicId(reason + "|" + topic + "|" + partition + "|" + offset);
        return new DeadLetter(id, reason, detail, topic, partition, offset, tenantId, eventId, encode(original));
    }

    /** For events rejected after parsing (duplicates, late arrivals), whose source position is no longer known. */
    public static DeadLetter forEvent(DeadLetterReason reason, String detail, String topic, String tenantId,
                                      String eventId, byte[] canonicalJson) {
        String id = deterministicId(reason + "|" + tenantId + "|" + eventId + "|" + encode(canonicalJson).hashCode());
        return new DeadLetter(id, reason, detail, topic, -1, -1L, tenantId, eventId, encode(canonicalJson));
    }

    public byte[] originalBytes() {
        return originalBase64 == null ? new byte[0] : Base64.getDecoder().decode(originalBase64);
    }

    private static String encode(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private static String deterministicId(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
