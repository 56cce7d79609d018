package com.crmautopilot.simulator.engine;

import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.CampaignCreated;
import com.crmautopilot.models.event.payload.CampaignSent;
import com.crmautopilot.models.event.payload.CampaignVariantAdded;
import com.crmautopilot.models.event.payload.EmailBounced;
import com.crmautopilot.models.event.payload.EmailClicked;
import com.crmautopilot.models.event.payload.EmailDelivered;
import com.crmautopilot.models.event.payload.EmailOpened;
import com.crmautopilot.models.event.payload.EmailSent;
import com.crmautopilot.models.event.payload.EmailUnsubscribed;
import com.crmautopilot.models.event.payload.FormSubmitted;
import com.crmautopilot.models.event.payload.WebVisit;
import com.crmautopilot.simulator.random.Rng;
import com.crmautopilot.simulator.world.CampaignPlan;
import com.crmautopilot.simulator.world.Catalog;
import com.crmautopilot.simulator.world.Engagement;
import com.crmautopilot.simulator.world.VariantPlan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.crmautopilot.simulator.engine.Sim.HOUR;
import static com.crmautopilot.simulator.engine.Sim.MINUTE;
import static com.crmautopilot.simulator.engine.Sim.SECOND;

/**
 * A campaign: created, variants added, then one send to a random share of the open leads, each recipient drawing
 * its opens, clicks, landing visit, conversion (the landing form) and unsubscribe from the variant's base rates and
 * its own traits. The burst follows the send: most opens come within hours, in the recipient's waking hours.
 */
final class CampaignRuntime {

    /** Counts of one variant's send, for the ground truth. Expectations are summed over delivered recipients. */
    static final class VariantStats {
        final VariantPlan plan;
        Instant sentAt;
        int recipients;
        int delivered;
        double expectedOpens;
        double expectedClicks;
        double expectedConversions;
        int opened;
        int clicked;
        int converted;

        VariantStats(VariantPlan plan) {
            this.plan = plan;
        }
    }

    private static final long SEND_SPACING_MILLIS = 150;

    final CampaignPlan plan;
    final List<VariantStats> stats = new ArrayList<>();
    private final TenantRuntime tenant;
    private final Sim sim;
    private final Rng rng;

    CampaignRuntime(CampaignPlan plan, TenantRuntime tenant, Sim sim, long seed, int campaignIndex) {
        this.plan = plan;
        this.tenant = tenant;
        this.sim = sim;
        this.rng = Rng.derive(seed, "campaign-send", tenant.world.index(), campaignIndex);
        for (VariantPlan v : plan.variants()) {
            stats.add(new VariantStats(v));
        }
    }

    void schedule() {
        sim.at(plan.createdAt(), this::create);
        sim.at(plan.sendAt(), this::send);
    }

    private void create(long now) {
        sim.emit(now, tenant, EventType.CAMPAIGN_CREATED, new CampaignCreated(plan.name(), "email"))
                .campaign(plan.campaignId());
        long t = now;
        for (VariantPlan v : plan.variants()) {
            t += rng.between(5, 20) * MINUTE;
            sim.emit(Math.min(t, plan.sendAt().toEpochMilli() - MINUTE), tenant, EventType.CAMPAIGN_VARIANT_ADDED,
                            new CampaignVariantAdded(v.variantId(), v.subject(), v.subject().length()))
                    .campaign(plan.campaignId());
        }
    }

    private void send(long now) {
        List<LeadRuntime> eligible = new ArrayList<>();
        for (LeadRuntime lead : tenant.createdLeads) {
            if (lead.isOpen() && !lead.unsubscribed) {
                eligible.add(lead);
            }
        }
        double fraction = Math.min(plan.audienceFraction(),
                CampaignPlan.MAX_RECIPIENTS / (double) Math.max(1, eligible.size()));
        List<LeadRuntime> recipients = new ArrayList<>();
        List<Integer> variantOf = new ArrayList<>();
        for (LeadRuntime lead : eligible) {
            if (rng.chance(fraction)) {
                recipients.add(lead);
                int v = rng.nextInt(stats.size());
                variantOf.add(v);
                stats.get(v).recipients++;
            }
        }
        Instant sentAt = Instant.ofEpochMilli(now);
        for (VariantStats s : stats) {
            s.sentAt = sentAt;
            sim.emit(now, tenant, EventType.CAMPAIGN_SENT, new CampaignSent(s.plan.variantId(), s.recipients))
                    .campaign(plan.campaignId());
        }
        for (int i = 0; i < recipients.size(); i++) {
            mailOne(now + (i + 1) * SEND_SPACING_MILLIS, recipients.get(i), stats.get(variantOf.get(i)));
        }
    }

    private void mailOne(long sentAt, LeadRuntime lead, VariantStats s) {
        VariantPlan v = s.plan;
        String leadId = lead.plan.leadId();
        String campaignId = plan.campaignId();
        double interest = lead.plan.interest();
        sim.emit(sentAt, tenant, EventType.EMAIL_SENT, new EmailSent(v.subject(), v.variantId()))
                .lead(leadId).campaign(campaignId);
        long arrived = sentAt + rng.between(1, 30) * SECOND;
        if (rng.chance(0.02)) {
            sim.emit(arrived, tenant, EventType.EMAIL_BOUNCED, new EmailBounced(rng.chance(0.6) ? "hard" : "soft"))
                    .lead(leadId).campaign(campaignId);
            return;
        }
        s.delivered++;
        double pOpen = Engagement.openProbability(v.baseOpenRate(), interest, lead.plan.habit());
        double pClick = Engagement.clickGivenOpen(v.clickGivenOpen(), interest);
        double pForm = Engagement.conversionGivenClick(v.conversionGivenClick(), interest);
        s.expectedOpens += pOpen;
        s.expectedClicks += pOpen * pClick;
        s.expectedConversions += pOpen * pClick * pForm;
        sim.emit(arrived, tenant, EventType.EMAIL_DELIVERED, new EmailDelivered(v.variantId()))
                .lead(leadId).campaign(campaignId);

        long openedAt = -1;
        if (rng.chance(pOpen)) {
            double delayHours = rng.chance(0.55) ? rng.exponential(1.5) : rng.exponential(20);
            openedAt = Sim.waking(arrived + (long) (delayHours * HOUR), lead.plan.zone(), rng);
            sim.emit(openedAt, tenant, EventType.EMAIL_OPENED, new EmailOpened(v.variantId()))
                    .lead(leadId).campaign(campaignId).onEmitted(() -> s.opened++);
            if (rng.chance(pClick)) {
                long clickedAt = openedAt + rng.between(3, 300) * SECOND;
                String url = "/lp/" + campaignId;
                sim.emit(clickedAt, tenant, EventType.EMAIL_CLICKED, new EmailClicked(url, v.variantId()))
                        .lead(leadId).campaign(campaignId).onEmitted(() -> s.clicked++);
                sim.emit(clickedAt + rng.between(1, 20) * SECOND, tenant, EventType.WEB_VISIT,
                        new WebVisit(url, rng.between(15, 600))).lead(leadId).campaign(campaignId);
                if (rng.chance(pForm)) {
                    sim.emit(clickedAt + rng.between(1, 8) * MINUTE, tenant, EventType.FORM_SUBMITTED,
                                    new FormSubmitted(Catalog.CAMPAIGN_FORM))
                            .lead(leadId).campaign(campaignId).onEmitted(() -> s.converted++);
                }
            }
        }
        if (rng.chance(0.004 * StrictMath.exp(-0.5 * interest))) {
            long at = openedAt >= 0 ? openedAt + rng.between(5, 120) * SECOND
                    : arrived + (long) (rng.exponential(24) * HOUR);
            sim.at(at, t -> {
                lead.unsubscribed = true;
                sim.emit(t, tenant, EventType.EMAIL_UNSUBSCRIBED, new EmailUnsubscribed(v.variantId()))
                        .lead(leadId).campaign(campaignId);
            });
        }
    }
}
