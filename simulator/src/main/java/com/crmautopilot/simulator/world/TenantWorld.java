package com.crmautopilot.simulator.world;

import java.time.ZoneId;
import java.util.List;

/** One tenant's part of the world. Leads, accounts and deals are in order of creation. */
public record TenantWorld(
        String tenantId,
        int index,
        Region region,
        ZoneId homeZone,
        List<Rep> reps,
        List<Account> accounts,
        List<LeadPlan> leads,
        List<CampaignPlan> campaigns,
        List<DealPlan> deals) {

    public TenantWorld {
        reps = List.copyOf(reps);
        accounts = List.copyOf(accounts);
        leads = List.copyOf(leads);
        campaigns = List.copyOf(campaigns);
        deals = List.copyOf(deals);
    }

    public Rep rep(String userId) {
        for (Rep rep : reps) {
            if (rep.userId().equals(userId)) {
                return rep;
            }
        }
        throw new IllegalArgumentException("no rep " + userId + " in " + tenantId);
    }
}
