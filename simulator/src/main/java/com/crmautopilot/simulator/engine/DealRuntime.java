package com.crmautopilot.simulator.engine;

import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.CallLogged;
import com.crmautopilot.models.event.payload.EmailDelivered;
import com.crmautopilot.models.event.payload.EmailReplied;
import com.crmautopilot.models.event.payload.EmailSent;
import com.crmautopilot.models.event.payload.MeetingLogged;
import com.crmautopilot.models.event.payload.OpportunityAmountChanged;
import com.crmautopilot.models.event.payload.OpportunityBudgetConfirmed;
import com.crmautopilot.models.event.payload.OpportunityCloseDateChanged;
import com.crmautopilot.models.event.payload.OpportunityClosedLost;
import com.crmautopilot.models.event.payload.OpportunityClosedWon;
import com.crmautopilot.models.event.payload.OpportunityCompetitorNoted;
import com.crmautopilot.models.event.payload.OpportunityContactAdded;
import com.crmautopilot.models.event.payload.OpportunityCreated;
import com.crmautopilot.models.event.payload.OpportunityStageChanged;
import com.crmautopilot.simulator.random.Rng;
import com.crmautopilot.simulator.world.DealPlan;
import com.crmautopilot.simulator.world.Rhythm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static com.crmautopilot.simulator.engine.Sim.SECOND;

/**
 * A deal's life: its planned milestones (stages, stakeholders, competitor, budget, slips, close) and, day by day,
 * the rep's activity on it at a rate set by its activity level, silent through its stale gap.
 */
final class DealRuntime {

    /** Activities per business day at activity level 1. */
    static final double ACTIVITIES_PER_DAY = 0.6;

    final DealPlan plan;
    private final TenantRuntime tenant;
    private final Sim sim;
    private final Rng rng;
    private final ZoneId zone;
    private final long closeAt;
    private double amount;

    // Ground truth, as emitted.
    boolean createdEmitted;
    String outcome;
    Instant closedAt;

    DealRuntime(DealPlan plan, TenantRuntime tenant, Sim sim, long seed, int dealNumber) {
        this.plan = plan;
        this.tenant = tenant;
        this.sim = sim;
        this.rng = Rng.derive(seed, "deal-life", tenant.world.index(), dealNumber);
        this.zone = plan.zone();
        this.closeAt = plan.closeAt().toEpochMilli();
        this.amount = plan.amount();
    }

    void start(long now) {
        OpportunityCreated created = new OpportunityCreated(plan.name(), plan.amount(), "USD", DealPlan.STAGES.get(0),
                plan.plannedCloseDate(), plan.ownerId());
        milestone(now, EventType.OPPORTUNITY_CREATED, created).onEmitted(() -> createdEmitted = true);
        for (DealPlan.StageChange c : plan.stageChanges()) {
            milestone(c.at().toEpochMilli(), EventType.OPPORTUNITY_STAGE_CHANGED,
                    new OpportunityStageChanged(c.fromStage(), c.toStage()));
        }
        for (DealPlan.CloseDateChange c : plan.closeDateChanges()) {
            milestone(c.at().toEpochMilli(), EventType.OPPORTUNITY_CLOSE_DATE_CHANGED,
                    new OpportunityCloseDateChanged(c.closeDate(), c.previousCloseDate()));
        }
        for (DealPlan.AmountChange c : plan.amountChanges()) {
            sim.at(c.at(), t -> {
                amount = c.amount();
                milestone(t, EventType.OPPORTUNITY_AMOUNT_CHANGED,
                        new OpportunityAmountChanged(c.amount(), c.previousAmount()));
            });
        }
        for (DealPlan.StakeholderAdded s : plan.stakeholders()) {
            milestone(s.at().toEpochMilli(), EventType.OPPORTUNITY_CONTACT_ADDED, new OpportunityContactAdded(s.role()))
                    .contact(s.contactId());
        }
        if (plan.competitorAt() != null) {
            milestone(plan.competitorAt().toEpochMilli(), EventType.OPPORTUNITY_COMPETITOR_NOTED,
                    new OpportunityCompetitorNoted(plan.competitor()));
        }
        if (plan.budgetAt() != null) {
            milestone(plan.budgetAt().toEpochMilli(), EventType.OPPORTUNITY_BUDGET_CONFIRMED,
                    new OpportunityBudgetConfirmed(plan.amount()));
        }
        sim.at(closeAt, this::close);
        sim.at(now, this::dailyActivity);
    }

    private Draft milestone(long t, EventType type, Record payload) {
        return sim.emit(t, tenant, type, payload).opportunity(plan.opportunityId()).account(plan.accountId())
                .user(plan.ownerId());
    }

    private void close(long now) {
        Instant at = Instant.ofEpochMilli(now);
        if (plan.willWin()) {
            milestone(now, EventType.OPPORTUNITY_CLOSED_WON, new OpportunityClosedWon(amount))
                    .onEmitted(() -> { outcome = "won"; closedAt = at; });
        } else {
            milestone(now, EventType.OPPORTUNITY_CLOSED_LOST, new OpportunityClosedLost(plan.lostReason()))
                    .onEmitted(() -> { outcome = "lost"; closedAt = at; });
        }
    }

    /** The rep's calls, meetings and emails on the deal for the local day starting now. */
    private void dailyActivity(long now) {
        if (now >= closeAt) {
            return;
        }
        LocalDate day = Rhythm.localDate(Instant.ofEpochMilli(now), zone);
        double mean = ACTIVITIES_PER_DAY * plan.components().activityLevel() * Rhythm.OFFICE.dayFactor(day);
        int count = rng.poisson(mean);
        for (int i = 0; i < count; i++) {
            long t = Rhythm.OFFICE.sampleInDay(day, zone, rng).toEpochMilli();
            if (t < now || t >= closeAt || plan.inStaleGap(Instant.ofEpochMilli(t))) {
                continue;
            }
            activity(t);
        }
        sim.at(Sim.nextLocalMidnight(now, zone), this::dailyActivity);
    }

    private void activity(long t) {
        String contact = rng.pick(plan.contactIds());
        double kind = rng.nextDouble();
        if (kind < 0.40) {
            milestone(t, EventType.EMAIL_SENT, new EmailSent(rng.pick(List.of(
                    "Next steps", "Proposal draft", "Agenda for Thursday", "Pricing options", "Security questionnaire")),
                    null)).contact(contact);
            milestone(t + rng.between(2, 60) * SECOND, EventType.EMAIL_DELIVERED, new EmailDelivered(null))
                    .contact(contact);
        } else if (kind < 0.70) {
            boolean connected = rng.chance(0.6);
            milestone(t, EventType.CALL_LOGGED, connected ? new CallLogged(rng.between(300, 2400), "connected")
                    : new CallLogged(rng.between(20, 60), "voicemail")).contact(contact);
        } else if (kind < 0.85) {
            milestone(t, EventType.MEETING_LOGGED, new MeetingLogged(rng.pick(List.of(30, 45, 60, 90)), rng.between(2, 6)))
                    .contact(contact);
        } else {
            // The buyer writes back: an inbound touch on the deal, not a rep action.
            sim.emit(t, tenant, EventType.EMAIL_REPLIED, new EmailReplied("Re: next steps"))
                    .opportunity(plan.opportunityId()).account(plan.accountId()).contact(contact);
        }
    }
}
