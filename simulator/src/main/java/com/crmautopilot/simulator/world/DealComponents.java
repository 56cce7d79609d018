package com.crmautopilot.simulator.world;

/**
 * The health components of a deal, the only inputs of its true win probability ({@link DealWinModel}). Each one
 * shows in the event stream: activity as the rate of calls, meetings and emails on the deal; stakeholders as
 * {@code opportunity.contact_added} with their roles; competitor and budget as their events; staleness as a gap
 * of 30 or more days without activity.
 *
 * @param activityLevel  relative activity (median 1): the deal gets {@code 0.6 * activityLevel} activities per
 *                       business day
 * @param influencers    contacts added with role {@code influencer}
 */
public record DealComponents(
        double activityLevel,
        boolean champion,
        boolean decisionMaker,
        boolean economicBuyer,
        int influencers,
        boolean competitor,
        boolean budgetConfirmed,
        boolean stale) {
}
