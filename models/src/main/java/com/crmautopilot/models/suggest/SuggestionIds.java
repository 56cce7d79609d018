package com.crmautopilot.models.suggest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Deterministic suggestion ids: the same tenant, trigger, entity and episode always give the same id, so a replay
 * or a retry re-emits the same suggestion and every sink can upsert on it.
 */
public final class SuggestionIds {

    private SuggestionIds() {
    }

    /**
     * @param episode the moment that identifies one occurrence of the situation (for example the start of the
     *                silence for an absence trigger, or the window start of a burst)
     */
    public static String of(String tenantId, TriggerType trigger, String entityId, Instant episode) {
        return "sg-" + hash(tenantId + '\u0000' + trigger.wireName() + '\u0000' + entityId + '\u0000'
                + episode.toEpochMilli());
    }

    /** The id of one suggestion on one channel (a digest has its own id from the user and day). */
    public static String notification(String suggestionOrDigestId, Channel channel) {
        return "nt-" + hash(suggestionOrDigestId + '\u0000' + channel.wireName());
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
