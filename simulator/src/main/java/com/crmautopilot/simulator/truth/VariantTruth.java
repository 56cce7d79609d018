package com.crmautopilot.simulator.truth;

import java.time.Instant;

/**
 * The truth about one campaign variant. All rates are per delivered email; a click or conversion counts once
 * per recipient (a conversion is the landing-page {@code form.submitted} with the campaign's id).
 *
 * @param trueOpenRate     E[P(open)] over the tenant's whole lead population: the variant's real quality
 * @param expectedOpenRate E[P(open)] over this send's delivered recipients: what the observed rate estimates
 * @param opened           recipients whose {@code email.opened} was emitted
 */
public record VariantTruth(
        String tenantId,
        String campaignId,
        String variantId,
        String subject,
        Instant sentAt,
        int recipients,
        int delivered,
        double baseOpenRate,
        double clickGivenOpen,
        double conversionGivenClick,
        double trueOpenRate,
        double trueClickRate,
        double trueConversionRate,
        double expectedOpenRate,
        double expectedClickRate,
        double expectedConversionRate,
        int opened,
        int clicked,
        int converted) {

    public double observedOpenRate() {
        return delivered == 0 ? 0 : opened / (double) delivered;
    }

    public double observedClickRate() {
        return delivered == 0 ? 0 : clicked / (double) delivered;
    }

    public double observedConversionRate() {
        return delivered == 0 ? 0 : converted / (double) delivered;
    }
}
