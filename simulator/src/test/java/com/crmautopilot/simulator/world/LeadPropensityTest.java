package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.random.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LeadPropensityTest {

    @Test
    void theLogitIsTheDocumentedSumOfEffects() {
        // software +0.7, 201-1000 employees +0.6, exec +0.8, referral +1.0, US +0.2, interest 1.0 * 1.5
        double logit = LeadPropensity.logit(500, "software", Seniority.EXEC, "referral", "US", 1.0);
        assertThat(logit).isCloseTo(-2.2 + 0.7 + 0.6 + 0.8 + 1.0 + 0.2 + 1.5, within(1e-12));
        assertThat(LeadPropensity.probability(500, "software", Seniority.EXEC, "referral", "US", 1.0))
                .isCloseTo(Rng.sigmoid(logit), within(1e-12));
    }

    @Test
    void midMarketConvertsBestSoSizeIsNotMonotone() {
        assertThat(LeadPropensity.sizeEffect(500)).isGreaterThan(LeadPropensity.sizeEffect(5))
                .isGreaterThan(LeadPropensity.sizeEffect(20_000));
    }

    @Test
    void everyCategoryTheWorldDrawsHasAnEffect() {
        for (Region region : Region.values()) {
            for (Region.Share country : region.leadCountries()) {
                Catalog.effectOf(Catalog.COUNTRIES, country.value());
            }
        }
        Catalog.INDUSTRIES.forEach(i -> Catalog.effectOf(Catalog.INDUSTRIES, i.value()));
        Catalog.SOURCES.forEach(s -> Catalog.effectOf(Catalog.SOURCES, s.value()));
    }
}
