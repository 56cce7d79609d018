package com.crmautopilot.models.control;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A model version announced on {@code ai.models} for one tenant. It carries the artifact in one of three ways:
 * <ul>
 *   <li>inline: {@code modelJsonBase64} and {@code modelUbjBase64}, the two files the trainer wrote;</li>
 *   <li>by reference: {@code uri}, a directory holding {@code model.json} and {@code model.ubj}
 *   ({@code file:/...} or {@code classpath:/...}); it is read once per job instance, so point it at an immutable,
 *   versioned location;</li>
 *   <li>not at all: a version the job already knows for this tenant. That is how a rollback is announced.</li>
 * </ul>
 *
 * @param announcementId producer-unique; names the announcement in logs and dead letters
 * @param modelName      the model family, e.g. {@code lead-score}; jobs ignore families they do not serve
 * @param version        the artifact's version as written in its {@code model.json}
 * @param announcedAt    when it was announced, for people; the job applies announcements in arrival order
 */
public record ModelAnnouncement(
        String announcementId,
        String tenantId,
        String modelName,
        String version,
        String modelJsonBase64,
        String modelUbjBase64,
        String uri,
        Instant announcedAt) {

    /** An announcement carrying both files inline. */
    public static ModelAnnouncement inline(String tenantId, String modelName, String version, byte[] modelJson,
                                           byte[] modelUbj, Instant announcedAt) {
        return new ModelAnnouncement(idOf(tenantId, modelName, version, announcedAt), tenantId, modelName, version,
                Base64.getEncoder().encodeToString(modelJson), Base64.getEncoder().encodeToString(modelUbj), null,
                announcedAt);
    }

    /** An announcement pointing at a directory the trainer wrote. */
    public static ModelAnnouncement byUri(String tenantId, String modelName, String version, String uri,
                                          Instant announcedAt) {
        return new ModelAnnouncement(idOf(tenantId, modelName, version, announcedAt), tenantId, modelName, version,
                null, null, uri, announcedAt);
    }

    /** Re-activates a version the job already holds for the tenant: a rollback. */
    public static ModelAnnouncement reactivate(String tenantId, String modelName, String version,
                                               Instant announcedAt) {
        return new ModelAnnouncement(idOf(tenantId, modelName, version, announcedAt), tenantId, modelName, version,
                null, null, null, announcedAt);
    }

    public boolean hasInlineArtifact() {
        return modelJsonBase64 != null || modelUbjBase64 != null;
    }

    public boolean hasUri() {
        return uri != null && !uri.isBlank();
    }

    /** Neither bytes nor a URI: the version must already be known. */
    @JsonIgnore
    public boolean isReactivation() {
        return !hasInlineArtifact() && !hasUri();
    }

    /** The announcement with the artifact bytes left out, for logs and dead letters. */
    public ModelAnnouncement withoutArtifact() {
        return new ModelAnnouncement(announcementId, tenantId, modelName, version, null, null, uri, announcedAt);
    }

    private static String idOf(String tenantId, String modelName, String version, Instant announcedAt) {
        String seed = tenantId + "|" + modelName + "|" + version + "|" + (announcedAt == null ? "" : announcedAt);
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
