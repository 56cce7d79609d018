package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.RawFeatures;
import com.crmautopilot.models.scoring.TierThresholds;

import java.util.List;

/**
 * How much to trust a score's tier, from 0 to 1:
 *
 * <pre>
 * completeness = 0.75 * (known firmographics / 5) + 0.25 * min(1, events seen / 10)
 * stability    = 0.5 + 0.5 * distance to the nearest tier boundary, relative to the tier's room:
 *                  hot:  (p - hot) / (1 - hot)         1 at p = 1
 *                  warm: 2 min(p - warm, hot - p) / (hot - warm)   1 mid-tier
 *                  cold: (warm - p) / warm             1 at p = 0
 * confidence   = completeness * stability, rounded to 2 decimals
 * </pre>
 *
 * <p>The firmographics are company size, industry, seniority (from the title), country and lead source: the
 * attributes every lead should have, so each missing one is a gap in what the model could use. Engagement
 * features are not counted as gaps when absent: no demo request or no reply is information, not missing data.
 * Instead the number of events seen stands for how much behaviour there was to learn from; ten or more count in
 * full. A lead with everything known, mid-tier, gets 1; the same lead on a tier boundary 0.5, because a small
 * change would move it to the next tier. Only the two thresholds are boundaries: a probability of 1 is as sure as
 * a hot score gets, not the edge of a tier.
 */
public final class ScoreConfidence {

    /** The attributes whose absence counts against completeness. */
    public static final List<String> FIRMOGRAPHICS = List.of(LeadFeatures.COMPANY_SIZE, LeadFeatures.INDUSTRY,
            LeadFeatures.SENIORITY, LeadFeatures.COUNTRY, LeadFeatures.LEAD_SOURCE);
    /** Events after which the behavioural evidence counts in full. */
    public static final int EVENTS_FOR_FULL_HISTORY = 10;

    private static final int[] FIRMOGRAPHIC_INDEXES = FIRMOGRAPHICS.stream()
            .mapToInt(name -> LeadFeatures.template().indexOf(name)).toArray();

    private ScoreConfidence() {
    }

    /**
     * @param raw         the lead's features in the template's layout ({@link LeadFeatures#from})
     * @param totalEvents events seen for the lead
     */
    public static double of(RawFeatures raw, long totalEvents, TierThresholds tiers, double probability) {
        double confidence = completeness(raw, totalEvents) * stability(tiers, probability);
        return Math.round(confidence * 100) / 100.0;
    }

    static double completeness(RawFeatures raw, long totalEvents) {
        int known = 0;
        for (int index : FIRMOGRAPHIC_INDEXES) {
            if (!raw.isMissing(index)) {
                known++;
            }
        }
        double history = Math.min(1.0, Math.max(0, totalEvents) / (double) EVENTS_FOR_FULL_HISTORY);
        return 0.75 * known / FIRMOGRAPHIC_INDEXES.length + 0.25 * history;
    }

    static double stability(TierThresholds tiers, double probability) {
        return 0.5 + 0.5 * distanceToBoundary(tiers, probability);
    }

    static double distanceToBoundary(TierThresholds tiers, double p) {
        double distance = switch (tiers.tierOf(p)) {
            case HOT -> tiers.hot() >= 1 ? 1 : (p - tiers.hot()) / (1 - tiers.hot());
            case WARM -> tiers.hot() <= tiers.warm() ? 0
                    : 2 * Math.min(p - tiers.warm(), tiers.hot() - p) / (tiers.hot() - tiers.warm());
            case COLD -> tiers.warm() <= 0 ? 1 : (tiers.warm() - p) / tiers.warm();
        };
        return Math.max(0, Math.min(1, distance));
    }
}
