package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.random.Rng;

/**
 * When a lead's outcome happens, drawn independently of its engagement.
 *
 * <pre>
 * converts (probability p):      delay = 1 day + Gamma(shape 2, scale 9 days)        mean 19 days
 * does not convert (1 - p):      disqualified with probability 0.55,
 *                                after 5 days + Gamma(shape 2, scale 15 days)        mean 35 days
 * </pre>
 * The drawn instant then moves to the owner's next working hour (at most a weekend later); the formulas below
 * ignore that small shift. A lead still open when the period ends keeps its latent outcome in the truth
 * ({@code will_convert}), while {@code converted} says whether the conversion happened inside the period.
 */
public final class ConversionTiming {

    public static final double CONVERT_OFFSET_DAYS = 1.0;
    public static final double CONVERT_SCALE_DAYS = 9.0;
    public static final double DISQUALIFY_PROBABILITY = 0.55;
    public static final double DISQUALIFY_OFFSET_DAYS = 5.0;
    public static final double DISQUALIFY_SCALE_DAYS = 15.0;

    private ConversionTiming() {
    }

    public static double drawConversionDelayDays(Rng rng) {
        return CONVERT_OFFSET_DAYS + rng.erlang(2, CONVERT_SCALE_DAYS);
    }

    public static double drawDisqualificationDelayDays(Rng rng) {
        return DISQUALIFY_OFFSET_DAYS + rng.erlang(2, DISQUALIFY_SCALE_DAYS);
    }

    /** P(conversion delay <= days | the lead converts). */
    public static double conversionDelayCdf(double days) {
        return gamma2Cdf(days - CONVERT_OFFSET_DAYS, CONVERT_SCALE_DAYS);
    }

    /** P(disqualified by this age | the lead does not convert). */
    public static double disqualifiedByCdf(double days) {
        return DISQUALIFY_PROBABILITY * gamma2Cdf(days - DISQUALIFY_OFFSET_DAYS, DISQUALIFY_SCALE_DAYS);
    }

    /**
     * The exact oracle for a horizon label: the probability that a lead with propensity p, still open (neither
     * converted nor disqualified) at {@code ageDays}, converts within the next {@code horizonDays}.
     *
     * <pre>
     * P = p (F(a + H) - F(a)) / (p (1 - F(a)) + (1 - p) (1 - D(a)))
     * </pre>
     * with F the conversion delay CDF and D the disqualified-by CDF of non-converters.
     */
    public static double probabilityConvertsWithin(double p, double ageDays, double horizonDays) {
        double convertedBy = conversionDelayCdf(ageDays);
        double stillOpenIfConverter = p * (1 - convertedBy);
        double stillOpenIfNot = (1 - p) * (1 - disqualifiedByCdf(ageDays));
        double open = stillOpenIfConverter + stillOpenIfNot;
        if (open <= 0) {
            return 0;
        }
        return p * (conversionDelayCdf(ageDays + horizonDays) - convertedBy) / open;
    }

    private static double gamma2Cdf(double x, double scale) {
        if (x <= 0) {
            return 0;
        }
        double z = x / scale;
        return 1 - StrictMath.exp(-z) * (1 + z);
    }
}
