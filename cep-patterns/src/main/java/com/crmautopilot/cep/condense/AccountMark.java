package com.crmautopilot.cep.condense;

/**
 * The condensed account stream: one small record per event that matters to an account trigger. There is no account
 * deletion event type in {@code crm.events}, so accounts have no lifecycle close; a deal closing is
 * {@link AccountMarkKind#OPPORTUNITY_CLOSED}.
 *
 * @param eventType     the wire name of the source event
 * @param actorUserId   the rep who acted, when the event names one
 * @param at            event time, epoch millis
 * @param opportunityId for the opportunity kinds (and touches on a deal)
 * @param name          the account's name ({@link AccountMarkKind#PROFILE}) or the deal's name (opened)
 * @param ownerId       the account's owner ({@link AccountMarkKind#PROFILE}) or the deal's owner (opened)
 * @param hasRevenue    for {@link AccountMarkKind#PROFILE}: annual revenue is known
 * @param hasIndustry   for {@link AccountMarkKind#PROFILE}: industry is known
 * @param hasSize       for {@link AccountMarkKind#PROFILE}: employee count is known
 */
public record AccountMark(
        String tenantId,
        String accountId,
        AccountMarkKind kind,
        String eventType,
        String actorUserId,
        long at,
        String opportunityId,
        String name,
        String ownerId,
        boolean hasRevenue,
        boolean hasIndustry,
        boolean hasSize) {

    public static AccountMark touch(String tenantId, String accountId, String eventType, String actorUserId, long at,
                                    String opportunityId) {
        return new AccountMark(tenantId, accountId, AccountMarkKind.TOUCH, eventType, actorUserId, at, opportunityId,
                null, null, false, false, false);
    }

    /** The key of every account trigger: tenant and account. */
    public String key() {
        return TriggerKeys.of(tenantId, accountId);
    }
}
