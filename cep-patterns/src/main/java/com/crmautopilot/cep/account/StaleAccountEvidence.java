package com.crmautopilot.cep.account;

/**
 * What the stale-account report reads, keyed by account: either a silence the pattern found after a touch, or a
 * touch the gate kept from the pattern because an earlier one of the same evaluation step already went there.
 *
 * @param touch   the touch the silence followed, or the later touch of a step
 * @param silence true for the pattern's match; false for a later touch of a step
 */
public record StaleAccountEvidence(AccountTouch touch, boolean silence) {

    public static StaleAccountEvidence silenceAfter(AccountTouch touch) {
        return new StaleAccountEvidence(touch, true);
    }

    public static StaleAccountEvidence laterTouch(AccountTouch touch) {
        return new StaleAccountEvidence(touch, false);
    }
}
