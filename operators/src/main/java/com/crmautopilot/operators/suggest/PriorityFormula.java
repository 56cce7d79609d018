package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.Priority;
import com.crmautopilot.models.suggest.SuggestionCandidate;

import java.io.Serializable;
import java.time.Duration;

/**
 * The priority of a suggestion:
 *
 * <pre>
 * score   = base × impact × urgency × learned
 * base    = the trigger's base_priority (conf/triggers.yaml), in (0, 1]
 * impact  = max(deal impact, lead impact), or 1 when neither is known
 *           deal impact = clamp(sqrt(deal_amount / referenceAmount), 0.5, 2)      referenceAmount 25,000
 *           lead impact = 0.5 + lead_score / 100                                  0.5 .. 1.5
 * urgency = 1 + 0.5 × exp(−max(0, days to close date) / 14), or 1 with no close date
 *           (1.5 at or past the close date, 1.18 two weeks before, ~1 two months before)
 * learned = 2 × acceptance (see {@link AcceptanceModel}): 1 for a user nothing is known of, 0..2 with learning
 *
 * band    = high    when score ≥ highCutoff   (0.60)
 *           medium  when score ≥ mediumCutoff (0.30)
 *           low     otherwise, and always when the user is demoted for the trigger type
 * </pre>
 *
 * A base-0.5 trigger about an average entity for a user nothing is known of scores 0.5: medium (in-app). A
 * deal of 100,000 closing this week doubles impact and adds half: high. A type the user keeps dismissing
 * (acceptance 0.1) divides the score by five: low, the digest.
 */
public record PriorityFormula(double referenceAmount, double highCutoff, double mediumCutoff) implements Serializable {

    public static PriorityFormula defaults() {
        return new PriorityFormula(25_000, 0.60, 0.30);
    }

    public PriorityFormula {
        if (!(referenceAmount > 0) || !(highCutoff > mediumCutoff) || !(mediumCutoff > 0)) {
            throw new IllegalArgumentException("bad priority formula " + referenceAmount + ", " + highCutoff + ", " + mediumCutoff);
        }
    }

    public double score(double basePriority, SuggestionCandidate candidate, double acceptance) {
        return basePriority * impact(candidate.dealAmount(), candidate.leadScore())
                * urgency(candidate) * 2 * acceptance;
    }

    public double impact(Double dealAmount, Double leadScore) {
        double impact = 0;
        boolean known = false;
        if (dealAmount != null && dealAmount > 0 && Double.isFinite(dealAmount)) {
            impact = Math.min(2, Math.max(0.5, Math.sqrt(dealAmount / referenceAmount)));
            known = true;
        }
        if (leadScore != null && Double.isFinite(leadScore)) {
            impact = Math.max(impact, 0.5 + Math.min(100, Math.max(0, leadScore)) / 100);
            known = true;
        }
        return known ? impact : 1;
    }

    public double urgency(SuggestionCandidate candidate) {
        if (candidate.closeDate() == null || candidate.firedAt() == null) {
            return 1;
        }
        double days = Duration.between(candidate.firedAt(), candidate.closeDate()).toMillis() / 86_400_000.0;
        return 1 + 0.5 * Math.exp(-Math.max(0, days) / 14);
    }

    public Priority band(double score, boolean demoted) {
        if (demoted) {
            return Priority.LOW;
        }
        if (score >= highCutoff) {
            return Priority.HIGH;
        }
        return score >= mediumCutoff ? Priority.MEDIUM : Priority.LOW;
    }
}
