package com.crmautopilot.simulator.engine;

import com.crmautopilot.simulator.world.Ids;
import com.crmautopilot.simulator.world.Rep;
import com.crmautopilot.simulator.world.TenantWorld;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A tenant while the simulation runs: its event-id counter and the leads created so far. */
final class TenantRuntime {

    final TenantWorld world;
    final String tenantId;
    final List<LeadRuntime> createdLeads = new ArrayList<>();
    final List<LeadRuntime> leads = new ArrayList<>();
    final List<DealRuntime> deals = new ArrayList<>();
    final List<CampaignRuntime> campaigns = new ArrayList<>();
    /** Accounts whose first {@code account.updated} has been emitted, for the ground truth. */
    final Set<String> emittedAccounts = new TreeSet<>();
    private long eventCounter;
    private long defectCounter;

    TenantRuntime(TenantWorld world) {
        this.world = world;
        this.tenantId = world.tenantId();
    }

    /** Ids are unique per tenant and follow the clean stream's order: {@code t1-000000042}. */
    String nextEventId() {
        return Ids.padded(tenantId + "-", ++eventCounter, 9);
    }

    Rep rep(String userId) {
        return world.rep(userId);
    }

    long nextDefectNumber() {
        return ++defectCounter;
    }
}
