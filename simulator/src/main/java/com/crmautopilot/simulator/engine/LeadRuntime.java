package com.crmautopilot.simulator.engine;

import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.CallLogged;
import com.crmautopilot.models.event.payload.ContentDownloaded;
import com.crmautopilot.models.event.payload.DemoRequested;
import com.crmautopilot.models.event.payload.EmailBounced;
import com.crmautopilot.models.event.payload.EmailClicked;
import com.crmautopilot.models.event.payload.EmailDelivered;
import com.crmautopilot.models.event.payload.EmailOpened;
import com.crmautopilot.models.event.payload.EmailReplied;
import com.crmautopilot.models.event.payload.EmailSent;
import com.crmautopilot.models.event.payload.FormSubmitted;
import com.crmautopilot.models.event.payload.LeadAssigned;
import com.crmautopilot.models.event.payload.LeadConverted;
import com.crmautopilot.models.event.payload.LeadCreated;
import com.crmautopilot.models.event.payload.LeadDisqualified;
import com.crmautopilot.models.event.payload.LeadUpdated;
import com.crmautopilot.models.event.payload.MeetingLogged;
import com.crmautopilot.models.event.payload.WebVisit;
import com.crmautopilot.simulator.random.Rng;
import com.crmautopilot.simulator.world.Catalog;
import com.crmautopilot.simulator.world.Engagement;
import com.crmautopilot.simulator.world.LeadPlan;
import com.crmautopilot.simulator.world.Rep;
import com.crmautopilot.simulator.world.Rhythm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static com.crmautopilot.simulator.engine.Sim.DAY;
import static com.crmautopilot.simulator.engine.Sim.HOUR;
import static com.crmautopilot.simulator.engine.Sim.MINUTE;
import static com.crmautopilot.simulator.engine.Sim.SECOND;

/**
 * A lead's life: created and assigned, then day by day its own engagement (drawn from its hidden traits, see
 * {@link Engagement}), our rep's outreach cadence and follow-ups, and at its planned time its conversion or
 * disqualification. Once closed it draws no new activity; answers to mail already sent still arrive.
 */
final class LeadRuntime {

    enum Status { PENDING, OPEN, CONVERTED, DISQUALIFIED }

    final LeadPlan plan;
    final TenantRuntime tenant;
    final Rep owner;
    private final Sim sim;
    private final Rng rng;
    private final ZoneId zone;
    private final ZoneId ownerZone;
    private final long createdAt;

    Status status = Status.PENDING;
    boolean unsubscribed;
    private boolean replied;
    private int demoRequests;
    private int cadenceLength;
    private long cadenceCallMask;

    // Ground truth, as emitted.
    boolean createdEmitted;
    Instant convertedAt;
    Instant disqualifiedAt;

    LeadRuntime(LeadPlan plan, TenantRuntime tenant, Sim sim, long seed) {
        this.plan = plan;
        this.tenant = tenant;
        this.sim = sim;
        this.owner = tenant.rep(plan.ownerId());
        this.rng = Rng.derive(seed, "lead-life", tenant.world.index(), plan.drawIndex());
        this.zone = plan.zone();
        this.ownerZone = owner.zone();
        this.createdAt = plan.createdAt().toEpochMilli();
    }

    boolean isOpen() {
        return status == Status.OPEN;
    }

    void start(long now) {
        status = Status.OPEN;
        tenant.createdLeads.add(this);
        LeadCreated created = new LeadCreated(plan.name(), plan.email(),
                plan.titleHidden() ? null : plan.title(), plan.company(),
                plan.sizeHidden() ? null : plan.companySize(), plan.industryHidden() ? null : plan.industry(),
                plan.countryHidden() ? null : plan.country(), plan.source());
        sim.emit(now, tenant, EventType.LEAD_CREATED, created).lead(plan.leadId()).account(plan.accountId())
                .campaign(plan.campaignId()).onEmitted(() -> createdEmitted = true);
        long assignedAt = now + rng.between(1, 30) * MINUTE;
        sim.emit(assignedAt, tenant, EventType.LEAD_ASSIGNED, new LeadAssigned(owner.userId()))
                .lead(plan.leadId()).user(owner.userId());

        sim.at(now, this::dailyEngagement);
        cadenceLength = rng.between(3, 7);
        for (int step = 1; step < cadenceLength; step++) {
            if (rng.chance(0.3)) {
                cadenceCallMask |= 1L << step;
            }
        }
        long firstTouch = Sim.workingHoursLater(assignedAt, ownerZone, rng.logNormal(owner.responseHours(), 0.5));
        sim.at(firstTouch, t -> cadenceStep(t, 0));
        if (plan.updateAt() != null) {
            sim.at(plan.updateAt(), this::update);
        }
        if (plan.convertAt() != null) {
            sim.at(plan.convertAt(), this::convert);
        }
        if (plan.disqualifyAt() != null) {
            sim.at(plan.disqualifyAt(), this::disqualify);
        }
    }

    /** The lead's own engagement for the local day that starts now (or, on the first day, for its remainder). */
    private void dailyEngagement(long now) {
        if (!isOpen()) {
            return;
        }
        LocalDate day = Rhythm.localDate(Instant.ofEpochMilli(now), zone);
        double ageDays = (now - createdAt) / (double) DAY;
        double dayFactor = Rhythm.PROSPECT.dayFactor(day);
        double intensity = Engagement.intensity(plan.interest(), plan.habit(), ageDays) * dayFactor;

        int visits = rng.poisson(Engagement.visitsPerDay(intensity));
        for (int i = 0; i < visits; i++) {
            long t = timeInDay(day, now);
            if (t >= 0) {
                String page = pickPage();
                int seconds = (int) Math.min(3600, rng.logNormal(60 * StrictMath.exp(0.3 * plan.interest()), 0.8));
                engagement(t, EventType.WEB_VISIT, new WebVisit(page, seconds));
            }
        }
        int downloads = rng.poisson(Engagement.downloadsPerDay(intensity));
        for (int i = 0; i < downloads; i++) {
            long t = timeInDay(day, now);
            if (t >= 0) {
                engagement(t, EventType.CONTENT_DOWNLOADED, new ContentDownloaded(rng.pick(Catalog.ASSETS)));
            }
        }
        int forms = rng.poisson(Engagement.formsPerDay(intensity));
        for (int i = 0; i < forms; i++) {
            long t = timeInDay(day, now);
            if (t >= 0) {
                engagement(t, EventType.FORM_SUBMITTED, new FormSubmitted(rng.pick(Catalog.FORMS)));
            }
        }
        int demos = rng.poisson(Engagement.demoRequestsPerDay(plan.interest(), ageDays) * dayFactor);
        for (int i = 0; i < demos && demoRequests < Engagement.MAX_DEMO_REQUESTS; i++) {
            long t = timeInDay(day, now);
            if (t >= 0) {
                demoRequests++;
                sim.at(t, this::requestDemo);
            }
        }
        sim.at(Sim.nextLocalMidnight(now, zone), this::dailyEngagement);
    }

    /** A moment of the local day by the prospect rhythm, or -1 if it falls before now (the lead did not exist). */
    private long timeInDay(LocalDate day, long now) {
        long t = Rhythm.PROSPECT.sampleInDay(day, zone, rng).toEpochMilli();
        return t >= now ? t : -1;
    }

    private String pickPage() {
        // Interested leads look at pricing and the demo page more often.
        if (rng.chance(0.12 * StrictMath.exp(0.5 * plan.interest()))) {
            return rng.chance(0.6) ? "/pricing" : "/demo";
        }
        return rng.pick(Catalog.WEB_PAGES);
    }

    private void engagement(long t, EventType type, Record payload) {
        sim.emit(t, tenant, type, payload).lead(plan.leadId()).onlyIf(this::isOpen);
    }

    private void requestDemo(long now) {
        if (!isOpen()) {
            return;
        }
        sim.emit(now, tenant, EventType.DEMO_REQUESTED, new DemoRequested(rng.pick(Catalog.PRODUCTS)))
                .lead(plan.leadId());
        // Most reps book the meeting; some drop it (the demo_request_unanswered trigger's fodder).
        if (rng.chance(owner.followUpProbability())) {
            long meetingAt = Sim.workingHoursLater(now, ownerZone, rng.logNormal(owner.responseHours() * 2, 0.6));
            sim.at(meetingAt, this::logMeeting);
        }
    }

    private void logMeeting(long now) {
        if (!isOpen()) {
            return;
        }
        sim.emit(now, tenant, EventType.MEETING_LOGGED,
                        new MeetingLogged(rng.pick(List.of(30, 45, 60)), rng.between(2, 5)))
                .lead(plan.leadId()).user(owner.userId());
    }

    /** One step of the rep's outreach cadence: an email or a call, then the next step a few business days later. */
    private void cadenceStep(long now, int step) {
        if (!isOpen() || replied || step >= cadenceLength) {
            return;
        }
        if ((cadenceCallMask & (1L << step)) != 0) {
            logCall(now);
        } else {
            String subject = String.format(Locale.ROOT, rng.pick(Catalog.REP_SUBJECTS), plan.company());
            sendRepEmail(now, subject);
        }
        LocalDate nextDay = Rhythm.plusBusinessDays(Rhythm.localDate(Instant.ofEpochMilli(now), ownerZone),
                rng.between(2, 5));
        long next = Math.max(now + MINUTE, Rhythm.OFFICE.sampleInDay(nextDay, ownerZone, rng).toEpochMilli());
        sim.at(next, t -> cadenceStep(t, step + 1));
    }

    private void logCall(long now) {
        CallLogged call;
        if (rng.chance(Engagement.callConnectProbability(plan.interest()))) {
            call = new CallLogged(rng.between(120, 1500), "connected");
        } else if (rng.chance(0.6)) {
            call = new CallLogged(rng.between(20, 60), "voicemail");
        } else {
            call = new CallLogged(0, "no_answer");
        }
        sim.emit(now, tenant, EventType.CALL_LOGGED, call).lead(plan.leadId()).user(owner.userId());
    }

    /** An email from the rep, and what the lead does with it: open, click through, perhaps reply. */
    private void sendRepEmail(long now, String subject) {
        sim.emit(now, tenant, EventType.EMAIL_SENT, new EmailSent(subject, null)).lead(plan.leadId()).user(owner.userId());
        long arrived = now + rng.between(2, 60) * SECOND;
        if (rng.chance(0.015)) {
            sim.emit(arrived, tenant, EventType.EMAIL_BOUNCED, new EmailBounced(rng.chance(0.5) ? "hard" : "soft"))
                    .lead(plan.leadId());
            return;
        }
        sim.emit(arrived, tenant, EventType.EMAIL_DELIVERED, new EmailDelivered(null)).lead(plan.leadId());
        double pOpen = Engagement.openProbability(Engagement.REP_EMAIL_OPEN, plan.interest(), plan.habit());
        if (rng.chance(pOpen)) {
            long openedAt = Sim.waking(arrived + (long) (rng.exponential(rng.chance(0.6) ? 3 : 20) * HOUR), zone, rng);
            sim.emit(openedAt, tenant, EventType.EMAIL_OPENED, new EmailOpened(null)).lead(plan.leadId());
            if (rng.chance(0.25)) {
                long again = Sim.waking(openedAt + (long) (rng.exponential(18) * HOUR), zone, rng);
                sim.emit(again, tenant, EventType.EMAIL_OPENED, new EmailOpened(null)).lead(plan.leadId());
            }
            if (rng.chance(Engagement.clickGivenOpen(Engagement.REP_EMAIL_CLICK_GIVEN_OPEN, plan.interest()))) {
                long clickedAt = openedAt + rng.between(5, 600) * SECOND;
                String page = rng.chance(0.5) ? "/case-studies" : "/product";
                sim.emit(clickedAt, tenant, EventType.EMAIL_CLICKED, new EmailClicked(page, null)).lead(plan.leadId());
                sim.emit(clickedAt + rng.between(1, 20) * SECOND, tenant, EventType.WEB_VISIT,
                        new WebVisit(page, rng.between(10, 400))).lead(plan.leadId());
            }
        }
        if (rng.chance(Engagement.replyProbability(plan.interest()))) {
            long replyAt = Sim.waking(arrived
                    + (long) (rng.exponential(Engagement.meanReplyDelayHours(plan.interest())) * HOUR), zone, rng);
            sim.at(replyAt, this::reply);
        }
    }

    private void reply(long now) {
        replied = true;
        sim.emit(now, tenant, EventType.EMAIL_REPLIED, new EmailReplied(rng.pick(Catalog.REPLY_SUBJECTS)))
                .lead(plan.leadId());
        // Most reps answer; the rest leave it (the reply_unanswered trigger's fodder).
        if (rng.chance(owner.followUpProbability())) {
            long answerAt = Sim.workingHoursLater(now, ownerZone, rng.logNormal(owner.responseHours(), 0.6));
            sim.at(answerAt, this::answerReply);
        }
    }

    private void answerReply(long now) {
        if (!isOpen()) {
            return;
        }
        sendRepEmail(now, "Re: " + plan.company());
        if (rng.chance(0.35)) {
            long callAt = Sim.workingHoursLater(now, ownerZone, rng.uniform(4, 20));
            sim.at(callAt, t -> {
                if (isOpen()) {
                    logCall(t);
                }
            });
        }
    }

    private void update(long now) {
        if (!isOpen()) {
            return;
        }
        LeadUpdated update;
        if (!plan.hiddenFields().isEmpty()) {
            // Enrichment fills in what lead.created left out.
            update = new LeadUpdated(null, null, plan.titleHidden() ? plan.title() : null, null,
                    plan.sizeHidden() ? plan.companySize() : null, plan.industryHidden() ? plan.industry() : null,
                    plan.countryHidden() ? plan.country() : null, null);
        } else {
            String newEmail = plan.email().replace("@", "+work@");
            update = new LeadUpdated(null, newEmail, null, null, null, null, null, null);
        }
        sim.emit(now, tenant, EventType.LEAD_UPDATED, update).lead(plan.leadId()).user(owner.userId());
    }

    private void convert(long now) {
        if (!isOpen()) {
            return;
        }
        status = Status.CONVERTED;
        sim.emit(now, tenant, EventType.LEAD_CONVERTED, new LeadConverted(plan.opportunityId()))
                .lead(plan.leadId()).opportunity(plan.opportunityId()).account(plan.dealAccountId())
                .contact(plan.contactId()).user(owner.userId())
                .onEmitted(() -> convertedAt = Instant.ofEpochMilli(now));
    }

    private void disqualify(long now) {
        if (!isOpen()) {
            return;
        }
        status = Status.DISQUALIFIED;
        sim.emit(now, tenant, EventType.LEAD_DISQUALIFIED, new LeadDisqualified(plan.disqualifyReason()))
                .lead(plan.leadId()).user(owner.userId())
                .onEmitted(() -> disqualifiedAt = Instant.ofEpochMilli(now));
    }
}
