package com.crmautopilot.simulator.world;

/**
 * An A/B variant of a campaign. The base rates are those of a recipient of average interest and habit; a real
 * recipient's probabilities follow {@link Engagement}. The {@code true*} rates are exact expectations over the
 * tenant's whole lead population, all per delivered email:
 * open = E[P(open)], click = E[P(open) P(click | open)], conversion = E[P(open) P(click | open) P(form | click)].
 */
public record VariantPlan(
        String campaignId,
        String variantId,
        String subject,
        double baseOpenRate,
        double clickGivenOpen,
        double conversionGivenClick,
        double trueOpenRate,
        double trueClickRate,
        double trueConversionRate) {
}
