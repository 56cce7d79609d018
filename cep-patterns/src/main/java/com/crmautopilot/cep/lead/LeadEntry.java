package com.crmautopilot.cep.lead;

/**
 * What every lead trigger keeps for its key, in one state value so that a mark costs one state read: who the lead
 * is (name and owner from lead events, latest score as an impact input), the time of the key's only timer, and the
 * tombstone of a converted or disqualified lead. Fields but the ids may be null while unknown.
 *
 * @param timerAt  the key's registered event-time timer, or null
 * @param closedAt when the lead was converted or disqualified; marks that straggle in after it are ignored
 */
public record LeadEntry(String tenantId, String leadId, String ownerId, String name, Integer score, Long timerAt,
                        Long closedAt) {

    static LeadEntry of(String tenantId, String leadId) {
        return new LeadEntry(tenantId, leadId, null, null, null, null, null);
    }

    LeadEntry withOwner(String owner) {
        return new LeadEntry(tenantId, leadId, owner, name, score, timerAt, closedAt);
    }

    LeadEntry withName(String newName) {
        return new LeadEntry(tenantId, leadId, ownerId, newName, score, timerAt, closedAt);
    }

    LeadEntry withScore(Integer newScore) {
        return new LeadEntry(tenantId, leadId, ownerId, name, newScore, timerAt, closedAt);
    }

    LeadEntry withTimer(Long time) {
        return new LeadEntry(tenantId, leadId, ownerId, name, score, time, closedAt);
    }

    /** Only the tombstone: identity and timer are gone. */
    LeadEntry closed(long at) {
        return new LeadEntry(tenantId, leadId, null, null, null, null, at);
    }
}
