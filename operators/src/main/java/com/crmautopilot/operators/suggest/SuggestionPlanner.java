package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.Channel;
import com.crmautopilot.models.suggest.Priority;
import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Turns a candidate into a suggestion for its owner: text from the templates, priority from the formula and what
 * was learned, channels from the routing and the user's preferences. Flink-free, so the operator and the learning
 * simulation decide exactly alike.
 */
public final class SuggestionPlanner implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TriggerPolicies policies;
    private final SuggestionTemplates templates;
    private final PriorityFormula formula;
    private final AcceptanceModel acceptance;

    public SuggestionPlanner(TriggerPolicies policies, SuggestionTemplates templates, PriorityFormula formula,
                             AcceptanceModel acceptance) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.formula = Objects.requireNonNull(formula, "formula");
        this.acceptance = Objects.requireNonNull(acceptance, "acceptance");
    }

    public static SuggestionPlanner defaults() {
        return new SuggestionPlanner(TriggerPolicies.defaults(), SuggestionTemplates.defaults(),
                PriorityFormula.defaults(), AcceptanceModel.defaults());
    }

    /** A planned suggestion: the record for {@code ai.suggestions} and its routing. */
    public record Plan(Suggestion suggestion, Priority priority, List<Channel> channels) {
    }

    public TriggerPolicy policy(String triggerType) {
        return policies.of(triggerType);
    }

    public AcceptanceModel acceptanceModel() {
        return acceptance;
    }

    /** The learned acceptance of the user for the candidate's trigger type; neutral for an unknown type. */
    public AcceptanceModel.Learned learned(String triggerType, AcceptanceCounts tenant, AcceptanceCounts user) {
        return TriggerType.fromWire(triggerType)
                .map(type -> acceptance.learned(tenant, user, type.ordinal()))
                .orElse(AcceptanceModel.Learned.NEUTRAL);
    }

    public Plan plan(SuggestionCandidate candidate, EffectivePreferences preferences, AcceptanceModel.Learned learned) {
        RenderedText text = templates.render(candidate, preferences.zone());
        double score = formula.score(policies.of(candidate.triggerType()).basePriority(), candidate, learned.acceptance());
        Priority priority = formula.band(score, learned.demoted());
        List<Channel> channels = candidate.ownerUserId() == null ? List.of()
                : Routing.route(priority, candidate.triggerType(), preferences);
        Suggestion suggestion = new Suggestion(candidate.suggestionId(), candidate.tenantId(), candidate.ownerUserId(),
                candidate.entityKind(), candidate.entityId(), candidate.entityName(), candidate.triggerType(),
                text.title(), text.text(), priority.wireName(), Math.round(score * 10_000) / 10_000.0,
                channels.stream().map(Channel::wireName).toList(), Suggestion.ACTIVE, candidate.facts(),
                candidate.firedAt());
        return new Plan(suggestion, priority, channels);
    }

    /** The same suggestion with another status (withdrawn, suppressed), for the audit trail. */
    public static Suggestion withStatus(Suggestion suggestion, String status, List<Channel> channels) {
        return new Suggestion(suggestion.suggestionId(), suggestion.tenantId(), suggestion.userId(),
                suggestion.entityKind(), suggestion.entityId(), suggestion.entityName(), suggestion.triggerType(),
                suggestion.title(), suggestion.text(), suggestion.priority(), suggestion.priorityScore(),
                channels.stream().map(Channel::wireName).toList(), status, suggestion.facts(), suggestion.createdAt());
    }
}
