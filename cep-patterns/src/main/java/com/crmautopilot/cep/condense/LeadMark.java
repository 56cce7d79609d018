package com.crmautopilot.cep.condense;

/**
 * The condensed lead stream that lead triggers consume instead of the event firehose: one small record per event
 * that matters to a lead trigger, with only the fields the triggers read.
 *
 * @param eventType   the wire name of the source event ({@code email.opened}), or {@code lead_score}/{@code score_change}
 * @param actorUserId the rep who acted (an outbound touch, an assignment), when the event names one
 * @param at          event time, epoch millis
 * @param ownerId     for {@link LeadMarkKind#ASSIGNED}
 * @param name        for {@link LeadMarkKind#CREATED} and {@link LeadMarkKind#RENAMED}
 * @param score       for {@link LeadMarkKind#SCORE} and {@link LeadMarkKind#TIER_CHANGE}: 0–100
 * @param tier        for scores and tier changes: the (new) tier's wire name
 * @param previousTier for {@link LeadMarkKind#TIER_CHANGE}
 */
public record LeadMark(
        String tenantId,
        String leadId,
        LeadMarkKind kind,
        String eventType,
        String actorUserId,
        long at,
        String ownerId,
        String name,
        Integer score,
        String tier,
        String previousTier) {

    public static LeadMark of(String tenantId, String leadId, LeadMarkKind kind, String eventType, String actorUserId,
                              long at) {
        return new LeadMark(tenantId, leadId, kind, eventType, actorUserId, at, null, null, null, null, null);
    }

    /** The key of every lead trigger: tenant and lead. */
    public String key() {
        return TriggerKeys.of(tenantId, leadId);
    }

    /** An activity that resets a lead's silence: its creation, its own engagement, or a rep's touch. */
    public boolean isActivity() {
        return kind == LeadMarkKind.CREATED || kind == LeadMarkKind.ENGAGEMENT || kind == LeadMarkKind.REP_TOUCH;
    }
}
