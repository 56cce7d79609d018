package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.random.Rng;

/**
 * The latent conversion propensity of a lead: the one function the ground truth of lead scoring rests on.
 *
 * <pre>
 * logit(p) = INTERCEPT
 *          + size(company_size)        -0.6 (1-10), -0.2 (11-50), +0.3 (51-200), +0.6 (201-1000), +0.4 (1001-5000), 0.0 (5001+)
 *          + industry(industry)        software +0.7, financial_services +0.4, telecom +0.3, healthcare +0.2, media 0,
 *                                      manufacturing 0, logistics -0.1, retail -0.3, education -0.6, government -0.8
 *          + seniority(title)          exec +0.8, senior +0.5, mid 0, junior -0.7
 *          + source(source)            referral +1.0, event +0.5, organic +0.3, paid -0.2, outbound -0.5
 *          + country(country)          US +0.2, CA/GB/DE/NL +0.1, AU/SG 0, FR -0.1, JP -0.2, IN/BR -0.3
 *          + INTEREST_WEIGHT * interest    interest ~ N(0, 1), hidden
 * p = 1 / (1 + exp(-logit(p)))
 * </pre>
 *
 * The size effect is not monotone (mid-market converts best), so a tree model has something a linear one lacks.
 * The firmographics used are the lead's true ones, even where {@code lead.created} leaves them out: the oracle
 * knows more than any model can. The hidden interest shows only through engagement (see {@link Engagement}).
 * The lead converts (at some time, see {@link ConversionTiming}) with probability exactly p.
 */
public final class LeadPropensity {

    public static final double INTERCEPT = -2.2;
    public static final double INTEREST_WEIGHT = 1.5;

    private LeadPropensity() {
    }

    /** The firmographic part of the logit: everything but the intercept and the hidden interest. */
    public static double firmographicEffect(int companySize, String industry, Seniority seniority, String source,
                                            String country) {
        return sizeEffect(companySize)
                + Catalog.effectOf(Catalog.INDUSTRIES, industry)
                + seniorityEffect(seniority)
                + Catalog.effectOf(Catalog.SOURCES, source)
                + Catalog.effectOf(Catalog.COUNTRIES, country);
    }

    public static double logit(int companySize, String industry, Seniority seniority, String source, String country,
                               double interest) {
        return INTERCEPT + firmographicEffect(companySize, industry, seniority, source, country) + INTEREST_WEIGHT * interest;
    }

    public static double probability(int companySize, String industry, Seniority seniority, String source,
                                     String country, double interest) {
        return Rng.sigmoid(logit(companySize, industry, seniority, source, country, interest));
    }

    public static double sizeEffect(int companySize) {
        for (Catalog.SizeBand band : Catalog.SIZE_BANDS) {
            if (band.contains(companySize)) {
                return band.effect();
            }
        }
        return 0.0;
    }

    public static double seniorityEffect(Seniority seniority) {
        return switch (seniority) {
            case EXEC -> 0.8;
            case SENIOR -> 0.5;
            case MID -> 0.0;
            case JUNIOR -> -0.7;
        };
    }
}
