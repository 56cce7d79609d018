package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.RawFeatures;
import com.crmautopilot.models.scoring.TierThresholds;
import org.junit.jupiter.api.Test;

import static com.crmautopilot.operators.scoring.TestProfiles.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The documented formula, on hand-computed cases. */
class ScoreConfidenceTest {

    private static final TierThresholds TIERS = new TierThresholds(0.6, 0.2);

    private static RawFeatures complete() {
        return LeadFeatures.from(TestProfiles.lead("l").build(), T0);
    }

    @Test
    void aCompleteWellKnownLeadMidTierIsFullyTrusted() {
        // warm is [0.2, 0.6): 0.4 is its middle
        assertThat(ScoreConfidence.of(complete(), 10, TIERS, 0.4)).isEqualTo(1.0);
    }

    @Test
    void onATierBoundaryTheConfidenceHalves() {
        assertThat(ScoreConfidence.of(complete(), 10, TIERS, 0.6)).isEqualTo(0.5);
        assertThat(ScoreConfidence.of(complete(), 10, TIERS, 0.2)).isEqualTo(0.5);
    }

    @Test
    void theExtremesOfTheHotAndColdTiersAreNotBoundaries() {
        assertThat(ScoreConfidence.of(complete(), 10, TIERS, 1.0)).isEqualTo(1.0);
        assertThat(ScoreConfidence.of(complete(), 10, TIERS, 0.0)).isEqualTo(1.0);
        // hot is [0.6, 1]: 0.8 is half way in, so 0.5 + 0.5 * 0.5
        assertThat(ScoreConfidence.of(complete(), 10, TIERS, 0.8)).isEqualTo(0.75);
    }

    @Test
    void missingFirmographicsAndAShortHistoryLowerIt() {
        LeadProfile sparse = TestProfiles.lead("l").companySize(null).industry(null).title(null).build();
        RawFeatures raw = LeadFeatures.from(sparse, T0);

        // completeness = 0.75 * 2/5 + 0.25 * 4/10 = 0.3 + 0.1 = 0.4; mid-tier stability 1
        assertThat(ScoreConfidence.completeness(raw, 4)).isCloseTo(0.4, within(1e-12));
        assertThat(ScoreConfidence.of(raw, 4, TIERS, 0.4)).isEqualTo(0.4);
        // and on a boundary: 0.4 * 0.5
        assertThat(ScoreConfidence.of(raw, 4, TIERS, 0.6)).isEqualTo(0.2);
    }

    @Test
    void aLeadWithoutAnyDataIsNotTrustedAtAll() {
        LeadProfile nothing = TestProfiles.lead("l").companySize(null).industry(null).title(null).country(null)
                .source(null).build();

        assertThat(ScoreConfidence.of(LeadFeatures.from(nothing, T0), 0, TIERS, 0.4)).isZero();
    }
}
