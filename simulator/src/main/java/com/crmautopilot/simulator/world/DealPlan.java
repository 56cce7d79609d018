package com.crmautopilot.simulator.world;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A deal (opportunity) and its planned life: the stages it reaches, its stakeholders, competitor and budget,
 * close-date slips and its outcome. Activity on it (calls, meetings, emails) is drawn day by day from
 * {@code components.activityLevel()}, except in the stale gap {@code [staleFrom, staleUntil)}.
 *
 * @param closeAt         when it closes, won or lost; may lie after the period (the deal is then still open)
 * @param finalCloseDate  the close date after every slip
 */
public record DealPlan(
        String tenantId,
        String opportunityId,
        String accountId,
        String sourceLeadId,
        String ownerId,
        ZoneId zone,
        String name,
        double amount,
        Instant createdAt,
        LocalDate plannedCloseDate,
        double quality,
        DealComponents components,
        double winProbability,
        boolean willWin,
        Instant closeAt,
        LocalDate finalCloseDate,
        String lostReason,
        List<StageChange> stageChanges,
        List<CloseDateChange> closeDateChanges,
        List<AmountChange> amountChanges,
        List<StakeholderAdded> stakeholders,
        Instant competitorAt,
        String competitor,
        Instant budgetAt,
        Instant staleFrom,
        Instant staleUntil,
        List<String> contactIds) {

    public static final List<String> STAGES = List.of("prospecting", "qualification", "proposal", "negotiation");

    public record StageChange(Instant at, String fromStage, String toStage) {
    }

    public record CloseDateChange(Instant at, LocalDate closeDate, LocalDate previousCloseDate) {
    }

    public record AmountChange(Instant at, double amount, double previousAmount) {
    }

    public record StakeholderAdded(Instant at, String contactId, String role) {
    }

    public DealPlan {
        stageChanges = List.copyOf(stageChanges);
        closeDateChanges = List.copyOf(closeDateChanges);
        amountChanges = List.copyOf(amountChanges);
        stakeholders = List.copyOf(stakeholders);
        contactIds = List.copyOf(contactIds);
    }

    public boolean inStaleGap(Instant t) {
        return staleFrom != null && !t.isBefore(staleFrom) && t.isBefore(staleUntil);
    }

    DealPlan withId(String id) {
        return new DealPlan(tenantId, id, accountId, sourceLeadId, ownerId, zone, name, amount, createdAt,
                plannedCloseDate, quality, components, winProbability, willWin, closeAt, finalCloseDate, lostReason,
                stageChanges, closeDateChanges, amountChanges, stakeholders, competitorAt, competitor, budgetAt,
                staleFrom, staleUntil, contactIds);
    }
}
