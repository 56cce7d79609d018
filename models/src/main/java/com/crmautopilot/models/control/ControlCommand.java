package com.crmautopilot.models.control;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An operator's command on {@code crm.control}. Lead scoring serves two types:
 * <ul>
 *   <li>{@value #RESCORE}: rescore one lead ({@code tenantId} and {@code leadId}) as of the job's current event
 *   time;</li>
 *   <li>{@value #RESCORE_ALL}: rescore every lead of {@code tenantId}.</li>
 * </ul>
 * The topic is shared by all jobs, so a type a job does not serve is ignored, not an error.
 *
 * @param commandId   producer-unique; names the command in logs and dead letters
 * @param force       emit the score even when it did not change (it is not added to the history then); null
 *                    means false
 * @param requestedAt when it was requested, for people
 */
public record ControlCommand(
        String commandId,
        String type,
        String tenantId,
        String leadId,
        Boolean force,
        Instant requestedAt) {

    public static final String RESCORE = "rescore";
    public static final String RESCORE_ALL = "rescore_all";

    public static ControlCommand rescore(String tenantId, String leadId, boolean force, Instant requestedAt) {
        return new ControlCommand(idOf(RESCORE, tenantId, leadId, requestedAt), RESCORE, tenantId, leadId, force,
                requestedAt);
    }

    public static ControlCommand rescoreAll(String tenantId, Instant requestedAt) {
        return new ControlCommand(idOf(RESCORE_ALL, tenantId, null, requestedAt), RESCORE_ALL, tenantId, null, null,
                requestedAt);
    }

    @JsonIgnore
    public boolean isRescore() {
        return RESCORE.equals(type);
    }

    @JsonIgnore
    public boolean isRescoreAll() {
        return RESCORE_ALL.equals(type);
    }

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }

    private static String idOf(String type, String tenantId, String leadId, Instant requestedAt) {
        String seed = type + "|" + tenantId + "|" + leadId + "|" + (requestedAt == null ? "" : requestedAt);
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
