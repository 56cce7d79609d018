package com.crmautopilot.simulator;

import com.crmautopilot.simulator.engine.EventEngine;
import com.crmautopilot.simulator.engine.Outcomes;
import com.crmautopilot.simulator.noise.NoiseInjector;
import com.crmautopilot.simulator.truth.AccountTruth;
import com.crmautopilot.simulator.truth.DealTruth;
import com.crmautopilot.simulator.truth.DefectTruth;
import com.crmautopilot.simulator.truth.DuplicateTruth;
import com.crmautopilot.simulator.truth.GroundTruth;
import com.crmautopilot.simulator.truth.LeadTruth;
import com.crmautopilot.simulator.truth.OutOfOrderTruth;
import com.crmautopilot.simulator.truth.RepTruth;
import com.crmautopilot.simulator.truth.VariantTruth;
import com.crmautopilot.simulator.world.Account;
import com.crmautopilot.simulator.world.DealComponents;
import com.crmautopilot.simulator.world.DealPlan;
import com.crmautopilot.simulator.world.LeadPlan;
import com.crmautopilot.simulator.world.Rep;
import com.crmautopilot.simulator.world.TenantWorld;
import com.crmautopilot.simulator.world.World;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One pass over a simulated world: an iterator of records in emission order, and the ground truth of what it
 * emitted. Line numbers in the truth are positions in this iteration, starting at 1, which is also the line
 * number in {@code events.jsonl}. Not thread-safe; iterate it from one thread.
 */
public final class SimulationRun implements Iterator<SimulatedRecord> {

    static final long PROGRESS_EVERY = 10_000;

    private final SimulatorConfig config;
    private final World world;
    private final EventEngine engine;
    private final NoiseInjector noise;
    private final ProgressListener progress;
    private final long startMillis;
    private final long spanMillis;

    private final TreeMap<String, Long> typeCounts = new TreeMap<>();
    private final List<DefectTruth> defects = new ArrayList<>();
    private final List<DuplicateTruth> duplicates = new ArrayList<>();
    private final List<OutOfOrderTruth> outOfOrder = new ArrayList<>();
    private NoiseInjector.Outgoing lookahead;
    private long records;
    private long cleanEvents;
    private long maxValidTime = Long.MIN_VALUE;
    private boolean finished;
    private boolean capped;

    SimulationRun(SimulatorConfig config, World world, ProgressListener progress) {
        this.config = config;
        this.world = world;
        this.engine = new EventEngine(world);
        this.noise = new NoiseInjector(config, engine);
        this.progress = progress;
        this.startMillis = config.start().toEpochMilli();
        this.spanMillis = config.end().toEpochMilli() - startMillis;
    }

    public World world() {
        return world;
    }

    @Override
    public boolean hasNext() {
        if (lookahead != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        if (records >= config.maxRecords()) {
            capped = true;
            finish();
            return false;
        }
        lookahead = noise.next();
        if (lookahead == null) {
            finish();
            return false;
        }
        return true;
    }

    @Override
    public SimulatedRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the simulation is over");
        }
        NoiseInjector.Outgoing out = lookahead;
        lookahead = null;
        long line = ++records;
        out.emittedAt(line);
        account(out, line);
        if (records % PROGRESS_EVERY == 0) {
            progress.onProgress(records, fractionDone());
        }
        return out.record;
    }

    private void account(NoiseInjector.Outgoing out, long line) {
        SimulatedRecord r = out.record;
        if (r.isMalformed()) {
            defects.add(new DefectTruth(line, r.tenantId(), r.eventId(), r.defect(), r.key()));
            return;
        }
        if (r.duplicate()) {
            duplicates.add(new DuplicateTruth(line, r.tenantId(), r.eventId(), out.originalLine()));
        } else {
            cleanEvents++;
            typeCounts.merge(out.type.wireName(), 1L, Long::sum);
        }
        if (r.eventTimeMillis() < maxValidTime) {
            outOfOrder.add(new OutOfOrderTruth(line, r.tenantId(), r.eventId(), r.eventTimeMillis(),
                    maxValidTime - r.eventTimeMillis(), r.duplicate()));
        } else {
            maxValidTime = r.eventTimeMillis();
        }
    }

    private void finish() {
        if (!finished) {
            finished = true;
            progress.onProgress(records, capped ? fractionDone() : 1.0);
        }
    }

    private double fractionDone() {
        double fraction = (engine.currentTimeMillis() - startMillis) / (double) spanMillis;
        return Math.max(0, Math.min(1, fraction));
    }

    /** Scheduled work waiting in the simulation's queue: a measure of the memory the run holds. */
    int pendingWork() {
        return engine.pendingWork();
    }

    /** Records emitted so far. */
    public long recordsEmitted() {
        return records;
    }

    /** Drains the rest of the run (without keeping the records) and returns the full ground truth. */
    public GroundTruth drainAndTruth() {
        while (hasNext()) {
            next();
        }
        return truth();
    }

    public Stream<SimulatedRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** The ground truth of what has been emitted so far; complete once the iterator is exhausted. */
    public GroundTruth truth() {
        Outcomes outcomes = engine.outcomes();
        List<LeadTruth> leads = new ArrayList<>();
        for (Outcomes.LeadOutcome o : outcomes.leads()) {
            if (o.created()) {
                leads.add(leadTruth(o));
            }
        }
        List<DealTruth> deals = new ArrayList<>();
        for (Outcomes.DealOutcome o : outcomes.deals()) {
            if (o.created()) {
                deals.add(dealTruth(o));
            }
        }
        List<VariantTruth> variants = new ArrayList<>();
        for (Outcomes.VariantOutcome o : outcomes.variants()) {
            var v = o.plan();
            variants.add(new VariantTruth(o.tenantId(), v.campaignId(), v.variantId(), v.subject(), o.sentAt(),
                    o.recipients(), o.delivered(), v.baseOpenRate(), v.clickGivenOpen(), v.conversionGivenClick(),
                    v.trueOpenRate(), v.trueClickRate(), v.trueConversionRate(), o.expectedOpenRate(),
                    o.expectedClickRate(), o.expectedConversionRate(), o.opened(), o.clicked(), o.converted()));
        }
        List<AccountTruth> accounts = new ArrayList<>();
        List<RepTruth> reps = new ArrayList<>();
        for (TenantWorld tenant : world.tenants()) {
            for (Account a : tenant.accounts()) {
                if (engine.accountEmitted(a.tenantId(), a.accountId())) {
                    accounts.add(new AccountTruth(a.tenantId(), a.accountId(), a.name(), a.industry(), a.employeeCount(),
                            a.annualRevenue(), a.country(), a.ownerId(), joined(a.missingFields()),
                            a.createdAt(), a.enrichedAt(), a.sourceLeadId()));
                }
            }
            for (Rep r : tenant.reps()) {
                reps.add(new RepTruth(r.tenantId(), r.userId(), r.name(), r.email(), r.zone().getId(),
                        r.followUpProbability(), r.responseHours(), r.acceptance()));
            }
        }
        return new GroundTruth(config, finished && !capped, records, cleanEvents, new TreeMap<>(typeCounts), leads,
                deals, variants, accounts, reps, defects, duplicates, outOfOrder);
    }

    private static LeadTruth leadTruth(Outcomes.LeadOutcome o) {
        LeadPlan p = o.plan();
        boolean converted = o.convertedAt() != null;
        return new LeadTruth(p.tenantId(), p.leadId(), p.createdAt(), p.ownerId(), p.title(), p.seniority().wireName(),
                p.company(), p.accountId(), p.companySize(), p.industry(), p.country(), p.zone().getId(), p.source(),
                p.campaignId(), joined(p.hiddenFields()), p.interest(), p.habit(), p.logit(),
                p.conversionProbability(), p.willConvert(), converted, o.convertedAt(), o.disqualifiedAt() != null,
                o.disqualifiedAt(), converted ? p.opportunityId() : null);
    }

    /** Semicolon-separated, or null for none (an empty CSV cell reads back as null). */
    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(";", values);
    }

    private static DealTruth dealTruth(Outcomes.DealOutcome o) {
        DealPlan p = o.plan();
        DealComponents c = p.components();
        return new DealTruth(p.tenantId(), p.opportunityId(), p.accountId(), p.sourceLeadId(), p.ownerId(),
                p.createdAt(), p.amount(), p.plannedCloseDate(), p.finalCloseDate(), p.closeDateChanges().size(),
                StrictMath.rint(c.activityLevel() * 10_000) / 10_000, c.champion(), c.decisionMaker(),
                c.economicBuyer(), c.influencers(), c.competitor(), c.budgetConfirmed(), c.stale(), p.staleFrom(),
                p.staleUntil(), StrictMath.rint(p.winProbability() * 1_000_000) / 1_000_000, p.willWin(),
                o.outcome() == null ? "open" : o.outcome(), o.closedAt());
    }
}
