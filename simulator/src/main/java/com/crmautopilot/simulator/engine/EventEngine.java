package com.crmautopilot.simulator.engine;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.AccountUpdated;
import com.crmautopilot.models.event.payload.Heartbeat;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.simulator.world.Account;
import com.crmautopilot.simulator.world.CampaignPlan;
import com.crmautopilot.simulator.world.DealPlan;
import com.crmautopilot.simulator.world.LeadPlan;
import com.crmautopilot.simulator.world.TenantWorld;
import com.crmautopilot.simulator.world.World;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tells the world's story in event-time order: a discrete-event simulation whose processes (tenants' heartbeats,
 * accounts, leads, deals and campaigns) schedule their events and next steps on one clock. Processes that exist
 * from the start are chained (each lead's creation schedules the next one's), so the queue holds only what is
 * live: memory stays bounded by the live entities, not by the length of the run.
 */
public final class EventEngine {

    private final World world;
    private final Scheduler scheduler = new Scheduler();
    private final Sim sim;
    private final List<TenantRuntime> tenants = new ArrayList<>();
    private final long seed;

    public EventEngine(World world) {
        this.world = world;
        this.seed = world.config().seed();
        this.sim = new Sim(scheduler, world.config().end().toEpochMilli());
        for (TenantWorld tenantWorld : world.tenants()) {
            TenantRuntime tenant = new TenantRuntime(tenantWorld);
            tenants.add(tenant);
            scheduleTenant(tenant);
        }
    }

    /** The next clean event, or null when the period is over. */
    public CleanEvent next() {
        while (scheduler.advance()) {
            Scheduler.Work work = scheduler.currentWork();
            long now = scheduler.now();
            if (work instanceof Scheduler.Action action) {
                action.run(now);
            } else if (work instanceof Draft draft) {
                if (draft.condition == null || draft.condition.getAsBoolean()) {
                    return encode(draft, now);
                }
            }
        }
        return null;
    }

    /** The event time reached so far. */
    public long currentTimeMillis() {
        return scheduler.now();
    }

    /** Whether the account's first {@code account.updated} has been emitted. */
    public boolean accountEmitted(String tenantId, String accountId) {
        for (TenantRuntime tenant : tenants) {
            if (tenant.tenantId.equals(tenantId)) {
                return tenant.emittedAccounts.contains(accountId);
            }
        }
        return false;
    }

    public int pendingWork() {
        return scheduler.pending();
    }

    public World world() {
        return world;
    }

    /** What happened to each lead, deal and variant so far (read once the stream is exhausted for the full truth). */
    public Outcomes outcomes() {
        List<Outcomes.LeadOutcome> leads = new ArrayList<>();
        List<Outcomes.DealOutcome> deals = new ArrayList<>();
        List<Outcomes.VariantOutcome> variants = new ArrayList<>();
        for (TenantRuntime tenant : tenants) {
            for (LeadRuntime lead : tenant.leads) {
                leads.add(new Outcomes.LeadOutcome(lead.plan, lead.createdEmitted, lead.convertedAt, lead.disqualifiedAt));
            }
            for (DealRuntime deal : tenant.deals) {
                deals.add(new Outcomes.DealOutcome(deal.plan, deal.createdEmitted, deal.outcome, deal.closedAt));
            }
            for (CampaignRuntime campaign : tenant.campaigns) {
                for (CampaignRuntime.VariantStats s : campaign.stats) {
                    variants.add(new Outcomes.VariantOutcome(tenant.tenantId, s.plan, s.sentAt, s.recipients,
                            s.delivered, ratio(s.expectedOpens, s.delivered), ratio(s.expectedClicks, s.delivered),
                            ratio(s.expectedConversions, s.delivered), s.opened, s.clicked, s.converted));
                }
            }
        }
        return new Outcomes(Collections.unmodifiableList(leads), Collections.unmodifiableList(deals),
                Collections.unmodifiableList(variants));
    }

    private static double ratio(double sum, int n) {
        return n == 0 ? 0 : StrictMath.rint(sum / n * 1_000_000) / 1_000_000;
    }

    /** The tenant's event counter, for the malformed records' own ids. */
    public String nextDefectId(String tenantId) {
        for (TenantRuntime tenant : tenants) {
            if (tenant.tenantId.equals(tenantId)) {
                return com.crmautopilot.simulator.world.Ids.padded(tenantId + "-bad-", tenant.nextDefectNumber(), 6);
            }
        }
        throw new IllegalArgumentException("no tenant " + tenantId);
    }

    private void scheduleTenant(TenantRuntime tenant) {
        TenantWorld w = tenant.world;
        long interval = world.config().heartbeatInterval().toMillis();
        long start = world.config().start().toEpochMilli();
        sim.at(start, new Scheduler.Action() {
            @Override
            public void run(long now) {
                sim.emit(now, tenant, EventType.HEARTBEAT, new Heartbeat());
                sim.at(now + interval, this);
            }
        });
        for (LeadPlan plan : w.leads()) {
            tenant.leads.add(new LeadRuntime(plan, tenant, sim, seed));
        }
        chain(w.leads().size(), i -> w.leads().get(i).createdAt(), (i, now) -> tenant.leads.get(i).start(now));
        chain(w.accounts().size(), i -> w.accounts().get(i).createdAt(), (i, now) -> account(tenant, w.accounts().get(i), now));
        for (int i = 0; i < w.deals().size(); i++) {
            tenant.deals.add(new DealRuntime(w.deals().get(i), tenant, sim, seed, i));
        }
        chain(w.deals().size(), i -> w.deals().get(i).createdAt(), (i, now) -> tenant.deals.get(i).start(now));
        for (int i = 0; i < w.campaigns().size(); i++) {
            CampaignPlan plan = w.campaigns().get(i);
            CampaignRuntime campaign = new CampaignRuntime(plan, tenant, sim, seed, i);
            tenant.campaigns.add(campaign);
            campaign.schedule();
        }
    }

    private interface TimeOf {
        Instant at(int index);
    }

    private interface Step {
        void run(int index, long now);
    }

    /** Runs items sorted by time one after another, keeping a single entry in the queue for the whole list. */
    private void chain(int count, TimeOf timeOf, Step step) {
        if (count == 0) {
            return;
        }
        sim.at(timeOf.at(0), new Scheduler.Action() {
            private int next;

            @Override
            public void run(long now) {
                step.run(next, now);
                next++;
                if (next < count) {
                    sim.at(Math.max(now, timeOf.at(next).toEpochMilli()), this);
                }
            }
        });
    }

    private void account(TenantRuntime tenant, Account account, long now) {
        sim.emit(now, tenant, EventType.ACCOUNT_UPDATED, new AccountUpdated(account.name(),
                        account.revenueMissing() ? null : account.annualRevenue(),
                        account.industryMissing() ? null : account.industry(),
                        account.employeesMissing() ? null : account.employeeCount(),
                        account.country(), account.ownerId()))
                .account(account.accountId()).user(account.ownerId())
                .onEmitted(() -> tenant.emittedAccounts.add(account.accountId()));
        if (account.enrichedAt() != null) {
            sim.at(account.enrichedAt(), t -> sim.emit(t, tenant, EventType.ACCOUNT_UPDATED,
                            new AccountUpdated(account.name(), account.annualRevenue(), account.industry(),
                                    account.employeeCount(), account.country(), account.ownerId()))
                    .account(account.accountId()).user(account.ownerId()));
        }
    }

    private CleanEvent encode(Draft draft, long time) {
        TenantRuntime tenant = draft.tenant;
        String eventId = tenant.nextEventId();
        CrmEvent event = CrmEvent.builder(tenant.tenantId, eventId, draft.type, Instant.ofEpochMilli(time))
                .lead(draft.leadId).contact(draft.contactId).account(draft.accountId)
                .opportunity(draft.opportunityId).campaign(draft.campaignId).user(draft.userId)
                .payload(draft.payload)
                .build();
        byte[] bytes = Json.writeBytes(event);
        String key = tenant.tenantId + ':' + draft.keyEntity();
        return new CleanEvent(key, bytes, tenant.tenantId, eventId, time, draft.type, draft.onEmitted);
    }
}
