package com.crmautopilot.cep.account;

/**
 * What an account trigger knows of an account: its name and owner (from {@code account.updated}, or the owner of
 * its first deal until then), and which firmographic fields are known.
 */
public record AccountProfile(String tenantId, String accountId, String name, String ownerId, boolean profileSeen,
                             boolean hasRevenue, boolean hasIndustry, boolean hasSize) {

    static AccountProfile unknown(String tenantId, String accountId) {
        return new AccountProfile(tenantId, accountId, null, null, false, false, false, false);
    }
}
