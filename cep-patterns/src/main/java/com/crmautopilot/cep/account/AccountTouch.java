package com.crmautopilot.cep.account;

/**
 * A touch on an account as the stale-account pattern sees it: the touch, with the account's name and owner as of
 * that touch, and the tenant's silence.
 *
 * @param at       the touch's event time
 * @param cepAt    the event time the pattern sees: the end of the evaluation step of {@code at}, plus the tenant's
 *                 silence beyond the pattern's fixed window, so one CEP window serves every tenant's (longer) silence
 * @param silenceMillis the tenant's silence for this touch
 */
public record AccountTouch(String tenantId, String accountId, String eventType, String actorUserId, long at,
                           long cepAt, String accountName, String ownerId, long silenceMillis) {
}
