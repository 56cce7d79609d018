package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.random.Rng;
import com.crmautopilot.simulator.world.DealPlan.AmountChange;
import com.crmautopilot.simulator.world.DealPlan.CloseDateChange;
import com.crmautopilot.simulator.world.DealPlan.StageChange;
import com.crmautopilot.simulator.world.DealPlan.StakeholderAdded;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a deal's life. Everything that decides the outcome (stakeholders, competitor, budget) happens in the
 * first 30% of the planned duration, and a lost deal closes no earlier than that, so by its close every
 * component is visible in the stream. Stages follow the timeline 15% / 40% / 70% of the total duration; a lost
 * deal closes in whatever stage it has reached. Slips move the close date 10-35 days, usually a few days before
 * it, sometimes only after it has passed. A stale deal has a 30-75 day gap with no events at all.
 */
final class DealPlanner {

    private static final double[] STAGE_FRACTIONS = {0.15, 0.40, 0.70};
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private DealPlanner() {
    }

    record Subject(String tenantId, String accountId, String accountName, int employees, String sourceLeadId,
                   Rep owner, List<String> contactIds, boolean newBusiness) {
    }

    static DealPlan plan(Rng rng, Subject subject, Instant createdAt) {
        ZoneId zone = subject.owner().zone();
        double quality = rng.gaussian();
        DealComponents components = DealWinModel.drawComponents(quality, rng);
        double winProbability = DealWinModel.winProbability(components);
        boolean willWin = rng.chance(winProbability);

        double amount = Math.max(500, roundTo(100,
                6000 * StrictMath.pow(Math.max(5, subject.employees()) / 100.0, 0.45) * rng.logNormal(1, 0.5)));
        String name = subject.accountName() + " - "
                + (subject.newBusiness() ? "New Business" : rng.pick(List.of("Expansion", "Renewal", "Upsell")));
        double plannedDays = clamp(rng.logNormal(40, 0.4), 10, 150);
        Instant plannedEnd = plus(createdAt, plannedDays);
        LocalDate plannedClose = Rhythm.localDate(plannedEnd, zone);

        // Stakeholders, competitor and budget: all within the first 30% of the planned duration.
        List<StakeholderAdded> stakeholders = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        if (components.champion()) {
            roles.add("champion");
        }
        if (components.decisionMaker()) {
            roles.add("decision_maker");
        }
        if (components.economicBuyer()) {
            roles.add("economic_buyer");
        }
        for (int i = 0; i < components.influencers(); i++) {
            roles.add("influencer");
        }
        Instant lastComponent = createdAt.plusMillis(MINUTE);
        List<String> pool = subject.contactIds();
        for (int i = 0; i < roles.size(); i++) {
            Instant at = componentTime(rng, createdAt, plannedDays, zone);
            stakeholders.add(new StakeholderAdded(at, pool.get(i % pool.size()), roles.get(i)));
            lastComponent = max(lastComponent, at);
        }
        Instant competitorAt = null;
        String competitor = null;
        if (components.competitor()) {
            competitorAt = componentTime(rng, createdAt, plannedDays, zone);
            competitor = rng.pick(Catalog.COMPETITORS);
            lastComponent = max(lastComponent, competitorAt);
        }
        Instant budgetAt = null;
        if (components.budgetConfirmed()) {
            budgetAt = componentTime(rng, createdAt, plannedDays, zone);
            lastComponent = max(lastComponent, budgetAt);
        }

        // Slips.
        List<CloseDateChange> slips = new ArrayList<>();
        int slipCount = rng.chance(Rng.sigmoid(-0.8 - 0.7 * quality)) ? (rng.chance(0.35) ? 2 : 1) : 0;
        LocalDate current = plannedClose;
        Instant lastSlip = createdAt.plusMillis(DAY);
        for (int s = 0; s < slipCount; s++) {
            LocalDate next = current.plusDays(rng.between(10, 35));
            Instant dayStart = current.atStartOfDay(zone).toInstant();
            Instant at = rng.chance(0.8) ? plus(dayStart, -rng.uniform(1, 7)) : plus(dayStart, rng.uniform(1, 10));
            at = Rhythm.nextWorkingTime(max(at, lastSlip.plusMillis(HOUR)), zone, rng);
            slips.add(new CloseDateChange(at, next, current));
            current = next;
            lastSlip = at;
        }
        LocalDate finalClose = current;
        double totalDays = Math.max(plannedDays,
                (ZonedDateTime.of(finalClose, LocalTime.NOON, zone).toInstant().toEpochMilli() - createdAt.toEpochMilli())
                        / (double) DAY);

        List<StageChange> stages = new ArrayList<>();
        Instant lastStage = createdAt;
        for (int i = 0; i < STAGE_FRACTIONS.length; i++) {
            double fraction = STAGE_FRACTIONS[i] + rng.uniform(-0.03, 0.03);
            Instant at = Rhythm.nextWorkingTime(plus(createdAt, fraction * totalDays), zone, rng);
            at = max(at, lastStage.plusMillis(HOUR));
            stages.add(new StageChange(at, DealPlan.STAGES.get(i), DealPlan.STAGES.get(i + 1)));
            lastStage = at;
        }

        Instant closeAt;
        if (willWin) {
            Instant target = ZonedDateTime.of(finalClose, LocalTime.of(10, 0), zone).toInstant();
            closeAt = Rhythm.nextWorkingTime(plus(target, rng.uniform(-3, 1)), zone, rng);
            closeAt = max(closeAt, max(lastStage, max(lastSlip, lastComponent)).plusMillis(HOUR));
        } else {
            Instant target = plus(createdAt, rng.uniform(0.3, 1.0) * totalDays);
            closeAt = Rhythm.nextWorkingTime(target, zone, rng);
            closeAt = max(closeAt, lastComponent.plusMillis(HOUR));
        }

        List<AmountChange> amountChanges = new ArrayList<>();
        if (rng.chance(0.3)) {
            Instant at = Rhythm.nextWorkingTime(plus(createdAt, rng.uniform(0.2, 0.8) * totalDays), zone, rng);
            double newAmount = Math.max(500, roundTo(100, amount * rng.uniform(0.75, 1.3)));
            amountChanges.add(new AmountChange(at, newAmount, amount));
        }

        Instant staleFrom = null;
        Instant staleUntil = null;
        if (components.stale()) {
            staleFrom = max(plus(createdAt, rng.uniform(0.32, 0.5) * totalDays), lastComponent.plusMillis(HOUR));
            long gap = (long) (rng.uniform(30, 75) * DAY);
            staleUntil = staleFrom.plusMillis(gap);
            Instant from = staleFrom;
            stages = shift(stages, from, gap, StageChange::at,
                    (c, t) -> new StageChange(t, c.fromStage(), c.toStage()));
            slips = shift(slips, from, gap, CloseDateChange::at,
                    (c, t) -> new CloseDateChange(t, c.closeDate(), c.previousCloseDate()));
            amountChanges = shift(amountChanges, from, gap, AmountChange::at,
                    (c, t) -> new AmountChange(t, c.amount(), c.previousAmount()));
            if (!closeAt.isBefore(from)) {
                closeAt = closeAt.plusMillis(gap);
            }
            closeAt = max(closeAt, staleUntil.plusMillis(HOUR));
            // Back from the silence, the rep re-plans the close date if it has passed.
            LocalDate closeDay = Rhythm.localDate(closeAt, zone);
            LocalDate lastDate = slips.isEmpty() ? plannedClose : slips.get(slips.size() - 1).closeDate();
            Instant replanAt = Rhythm.nextWorkingTime(plus(staleUntil, rng.uniform(0.5, 3)), zone, rng);
            if (closeDay.isAfter(lastDate) && replanAt.isBefore(closeAt)) {
                LocalDate newDate = closeDay.plusDays(rng.between(0, 7));
                slips.add(new CloseDateChange(replanAt, newDate, lastDate));
                slips.sort((a, b) -> a.at().compareTo(b.at()));
            }
        }

        // Nothing happens to a deal after it closes.
        Instant closing = closeAt;
        stages.removeIf(c -> !c.at().isBefore(closing));
        slips.removeIf(c -> !c.at().isBefore(closing));
        amountChanges.removeIf(c -> !c.at().isBefore(closing));
        finalClose = slips.isEmpty() ? plannedClose : slips.get(slips.size() - 1).closeDate();

        String lostReason = null;
        if (!willWin) {
            if (components.stale()) {
                lostReason = "no_decision";
            } else if (components.competitor() && rng.chance(0.7)) {
                lostReason = "lost_to_competitor";
            } else if (!components.budgetConfirmed()) {
                lostReason = "no_budget";
            } else {
                lostReason = rng.pick(List.of("no_decision", "timing"));
            }
        }

        return new DealPlan(subject.tenantId(), null, subject.accountId(), subject.sourceLeadId(),
                subject.owner().userId(), zone, name, amount, createdAt, plannedClose, quality, components,
                winProbability, willWin, closeAt, finalClose, lostReason, stages, slips, amountChanges, stakeholders,
                competitorAt, competitor, budgetAt, staleFrom, staleUntil, subject.contactIds());
    }

    private static Instant componentTime(Rng rng, Instant createdAt, double plannedDays, ZoneId zone) {
        Instant raw = plus(createdAt, rng.uniform(0.02, 0.3) * plannedDays);
        Instant snapped = Rhythm.nextWorkingTime(raw, zone, rng);
        Instant latest = plus(createdAt, 0.3 * plannedDays);
        // Snapping over a weekend must not carry it past the 30% mark.
        return snapped.isAfter(latest) ? raw : snapped;
    }

    private static <T> List<T> shift(List<T> items, Instant from, long gap,
                                     java.util.function.Function<T, Instant> time,
                                     java.util.function.BiFunction<T, Instant, T> rebuild) {
        List<T> out = new ArrayList<>(items.size());
        for (T item : items) {
            Instant t = time.apply(item);
            out.add(t.isBefore(from) ? item : rebuild.apply(item, t.plusMillis(gap)));
        }
        return out;
    }

    static Instant plus(Instant t, double days) {
        return t.plusMillis((long) (days * DAY));
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    static double roundTo(double step, double value) {
        return StrictMath.rint(value / step) * step;
    }
}
