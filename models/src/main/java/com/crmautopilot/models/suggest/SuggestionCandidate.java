package com.crmautopilot.models.suggest;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a trigger emits: a situation worth telling the entity's owner about, or (with {@code cleared}) the news
 * that the situation of an earlier candidate has ended, so the suggestion engine withdraws it if it was not yet
 * delivered.
 *
 * @param suggestionId   {@link SuggestionIds#of}(tenant, trigger, entity, episode); a cleared candidate carries
 *                       the id of the candidate it clears
 * @param ownerUserId    the owning rep, from assignment events kept in the trigger's state; null when unknown
 * @param entityKind     {@link EntityKind#wireName()}
 * @param entityName     display name (account or company name, lead name, deal name); unescaped, may be hostile
 * @param triggerType    {@link TriggerType#wireName()}
 * @param firedAt        event time at which the trigger fired (an absence trigger: the end of the silence)
 * @param episodeStart   event time at which the situation began (the last activity, the start of a burst)
 * @param facts          the evidence for the text templates, by name (for example {@code days_silent},
 *                       {@code last_touch_type}, {@code last_touch_at}, {@code last_touch_by}); sorted by name
 * @param dealAmount     impact input: the deal's amount, when the entity is or has a deal
 * @param leadScore      impact input: the lead's latest score 0–100, when known
 * @param closeDate      urgency input: the deal's expected close date, when known
 */
public record SuggestionCandidate(
        String suggestionId,
        String tenantId,
        String ownerUserId,
        String entityKind,
        String entityId,
        String entityName,
        String triggerType,
        Instant firedAt,
        Instant episodeStart,
        boolean cleared,
        Map<String, String> facts,
        Double dealAmount,
        Double leadScore,
        Instant closeDate) {

    public SuggestionCandidate {
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(facts));
    }

    /** The candidate that withdraws this one, as of {@code at}. */
    public SuggestionCandidate clearedAt(Instant at) {
        return new SuggestionCandidate(suggestionId, tenantId, ownerUserId, entityKind, entityId, entityName,
                triggerType, at, episodeStart, true, facts, dealAmount, leadScore, closeDate);
    }
}
