package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.random.Rng;

/**
 * A deal's true win probability, from its health components only:
 *
 * <pre>
 * logit(p_win) = -1.9
 *              + 1.6 ln(activity_level)
 *              + 1.5 champion + 0.8 decision_maker + 0.9 economic_buyer + 0.3 min(influencers, 2)
 *              - 1.2 competitor
 *              + 1.2 budget_confirmed
 *              - 2.0 stale
 * </pre>
 *
 * The components are drawn correlated through a hidden deal quality u ~ N(0, 1):
 * <pre>
 * activity_level = exp(0.6 u + 0.35 e), e ~ N(0, 1)
 * champion ~ Bernoulli(sigmoid(-0.2 + 1.2 u))      decision_maker ~ Bernoulli(sigmoid(0.3 + 0.8 u))
 * economic_buyer ~ Bernoulli(sigmoid(-0.7 + 0.9 u)) influencers ~ Poisson(0.6), at most 3
 * competitor ~ Bernoulli(0.35)                     budget_confirmed ~ Bernoulli(sigmoid(-0.4 + 1.0 u))
 * stale ~ Bernoulli(sigmoid(-2.0 - 0.8 u))
 * </pre>
 * but u itself does not enter p_win: everything that decides the outcome is observable. The outcome is
 * Bernoulli(p_win).
 */
public final class DealWinModel {

    private DealWinModel() {
    }

    public static double logit(DealComponents c) {
        return -1.9
                + 1.6 * StrictMath.log(c.activityLevel())
                + (c.champion() ? 1.5 : 0)
                + (c.decisionMaker() ? 0.8 : 0)
                + (c.economicBuyer() ? 0.9 : 0)
                + 0.3 * Math.min(c.influencers(), 2)
                - (c.competitor() ? 1.2 : 0)
                + (c.budgetConfirmed() ? 1.2 : 0)
                - (c.stale() ? 2.0 : 0);
    }

    public static double winProbability(DealComponents c) {
        return Rng.sigmoid(logit(c));
    }

    public static DealComponents drawComponents(double quality, Rng rng) {
        double activity = StrictMath.exp(0.6 * quality + 0.35 * rng.gaussian());
        return new DealComponents(
                activity,
                rng.chance(Rng.sigmoid(-0.2 + 1.2 * quality)),
                rng.chance(Rng.sigmoid(0.3 + 0.8 * quality)),
                rng.chance(Rng.sigmoid(-0.7 + 0.9 * quality)),
                Math.min(3, rng.poisson(0.6)),
                rng.chance(0.35),
                rng.chance(Rng.sigmoid(-0.4 + 1.0 * quality)),
                rng.chance(Rng.sigmoid(-2.0 - 0.8 * quality)));
    }
}
