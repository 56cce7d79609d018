package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.random.Rng;

/**
 * How a lead's hidden traits turn into engagement. Two latent traits drive it: {@code interest} (the same one that
 * drives conversion, see {@link LeadPropensity}) and {@code habit} ~ N(0, 1), a nuisance: some people open and
 * click everything whatever their intent. Engagement depends on the outcome only through p, never on whether the
 * lead will actually convert, so the true p is the best score any model can reach (the oracle).
 *
 * <pre>
 * recency(age)      = 0.3 + 0.7 exp(-age_days / 20)
 * intensity         = exp(1.0 interest + 0.35 habit - 0.56125) * recency   (mean 1 at age 0)
 * per local day (weekends x0.35):
 *   web.visit            ~ Poisson(0.50 intensity)
 *   content.downloaded   ~ Poisson(0.05 intensity)
 *   form.submitted       ~ Poisson(0.015 intensity)
 *   demo.requested       ~ Poisson(0.006 exp(1.5 interest - 1.125) recency), at most 2 in a lead's life
 * per email we send:
 *   P(open)            = min(0.95, base_open * exp(0.7 interest + 0.35 habit - 0.30625))
 *   P(click | open)    = min(0.95, base_click * exp(0.5 interest - 0.125))
 *   P(reply)           = sigmoid(-2.8 + 1.3 interest)                         (rep emails only)
 *   reply delay        ~ Exp(mean 18 h * exp(-0.4 interest)), in the lead's waking hours
 *   P(form | click)    = min(0.95, base_conversion * exp(0.5 interest - 0.125))  (campaign emails)
 * per call: P(connected) = sigmoid(-0.8 + 0.8 interest)
 * </pre>
 * The offsets (-0.56125, -0.30625, -0.125) make each multiplier average 1 over the population.
 */
public final class Engagement {

    public static final double REP_EMAIL_OPEN = 0.30;
    public static final double REP_EMAIL_CLICK_GIVEN_OPEN = 0.20;
    public static final double WEEKEND_FACTOR = 0.35;
    public static final int MAX_DEMO_REQUESTS = 2;

    private Engagement() {
    }

    public static double recency(double ageDays) {
        return 0.3 + 0.7 * StrictMath.exp(-ageDays / 20.0);
    }

    public static double intensity(double interest, double habit, double ageDays) {
        return StrictMath.exp(1.0 * interest + 0.35 * habit - 0.56125) * recency(ageDays);
    }

    public static double visitsPerDay(double intensity) {
        return 0.50 * intensity;
    }

    public static double downloadsPerDay(double intensity) {
        return 0.05 * intensity;
    }

    public static double formsPerDay(double intensity) {
        return 0.015 * intensity;
    }

    public static double demoRequestsPerDay(double interest, double ageDays) {
        return 0.006 * StrictMath.exp(1.5 * interest - 1.125) * recency(ageDays);
    }

    public static double openProbability(double baseOpen, double interest, double habit) {
        return Math.min(0.95, baseOpen * StrictMath.exp(0.7 * interest + 0.35 * habit - 0.30625));
    }

    public static double clickGivenOpen(double baseClick, double interest) {
        return Math.min(0.95, baseClick * StrictMath.exp(0.5 * interest - 0.125));
    }

    public static double conversionGivenClick(double baseConversion, double interest) {
        return Math.min(0.95, baseConversion * StrictMath.exp(0.5 * interest - 0.125));
    }

    public static double replyProbability(double interest) {
        return Rng.sigmoid(-2.8 + 1.3 * interest);
    }

    public static double meanReplyDelayHours(double interest) {
        return 18.0 * StrictMath.exp(-0.4 * interest);
    }

    public static double callConnectProbability(double interest) {
        return Rng.sigmoid(-0.8 + 0.8 * interest);
    }
}
