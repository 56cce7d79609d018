package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.scoring.Contribution;
import com.crmautopilot.models.scoring.Contributions;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.RawFeatures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.crmautopilot.operators.scoring.TestProfiles.T0;
import static org.assertj.core.api.Assertions.assertThat;

class FactorSentencesTest {

    private static Map<String, Factor> factorsOf(LeadProfile profile, Map<String, Double> weights) {
        RawFeatures raw = LeadFeatures.from(profile, T0);
        List<Contribution> contributions = new ArrayList<>();
        List<String> names = LeadFeatures.template().names();
        for (int i = 0; i < names.size(); i++) {
            contributions.add(new Contribution(names.get(i), i, weights.getOrDefault(names.get(i), 0.0), "?"));
        }
        return FactorSentences.all(new Contributions(contributions, -1, 0), raw, profile).stream()
                .collect(Collectors.toMap(Factor::feature, Function.identity()));
    }

    @Test
    void aDemoRequestIsOneFactorWithItsAgeAndBothWeights() {
        LeadProfile profile = TestProfiles.lead("l").demo(T0.minus(Duration.ofHours(50))).build();

        Map<String, Factor> factors = factorsOf(profile, Map.of(
                LeadFeatures.DEMO_REQUESTED, 0.15, LeadFeatures.DAYS_SINCE_DEMO_REQUEST, 0.1));

        assertThat(factors).doesNotContainKey(LeadFeatures.DAYS_SINCE_DEMO_REQUEST);
        Factor demo = factors.get(LeadFeatures.DEMO_REQUESTED);
        assertThat(demo.sentence()).isEqualTo("Demo requested 2 days ago (weight: 0.25)");
        assertThat(demo.value()).isEqualTo("2 days ago");
    }

    @Test
    void engagementReadsAsCountsInTheWindow() {
        LeadProfile profile = TestProfiles.lead("l").visits(3).emails(4, 1, 0, 0).build();

        Map<String, Factor> factors = factorsOf(profile, Map.of(LeadFeatures.WEB_VISITS_30D, 0.3));

        assertThat(factors.get(LeadFeatures.WEB_VISITS_30D).sentence())
                .isEqualTo("3 website visits in the last 30 days (weight: 0.30)");
        assertThat(factors.get(LeadFeatures.EMAIL_OPENS_30D).evidence()).isEqualTo("1 email open in the last 30 days");
        assertThat(factors.get(LeadFeatures.EMAIL_CLICKS_30D).evidence()).isEqualTo("No email clicks in the last 30 days");
        assertThat(factors.get(LeadFeatures.CLICK_RATE_30D).evidence()).isEqualTo("Clicked 0% of emails in the last 30 days");
    }

    @Test
    void attributesReadWithTheirValuesOrAsUnknown() {
        LeadProfile profile = TestProfiles.lead("l").title("VP of Sales").companySize(null).industry("retail")
                .responseHours(3.4).build();

        Map<String, Factor> factors = factorsOf(profile, Map.of(LeadFeatures.COMPANY_SIZE, -0.2));

        assertThat(factors.get(LeadFeatures.SENIORITY).evidence()).isEqualTo("Executive title (VP of Sales)");
        assertThat(factors.get(LeadFeatures.COMPANY_SIZE).sentence()).isEqualTo("Company size unknown (weight: -0.20)");
        assertThat(factors.get(LeadFeatures.COMPANY_SIZE).value()).isEqualTo("unknown");
        assertThat(factors.get(LeadFeatures.INDUSTRY).evidence()).isEqualTo("Industry: retail");
        assertThat(factors.get(LeadFeatures.RESPONSE_HOURS).evidence()).isEqualTo("Replies within 3 hours on average");
        assertThat(factors.get(LeadFeatures.DAYS_SINCE_FIRST_TOUCH).evidence()).isEqualTo("First touch 5 days ago");
        assertThat(factors.get(LeadFeatures.DAYS_SINCE_LAST_TOUCH).evidence()).isEqualTo("Never engaged");
    }

    @Test
    void theStrongestFactorsComeFirstAndWeakOnesAreLeftOut() {
        LeadProfile profile = TestProfiles.lead("l").build();
        List<Factor> all = new ArrayList<>(factorsOf(profile, Map.of(
                LeadFeatures.INDUSTRY, 0.4, LeadFeatures.COUNTRY, 0.9, LeadFeatures.LEAD_SOURCE, 0.01,
                LeadFeatures.COMPANY_SIZE, -0.3, LeadFeatures.SENIORITY, -0.6)).values());

        assertThat(FactorSentences.strongest(all, true, 3, 0.05)).extracting(Factor::feature)
                .containsExactly(LeadFeatures.COUNTRY, LeadFeatures.INDUSTRY);
        assertThat(FactorSentences.strongest(all, false, 1, 0.05)).extracting(Factor::feature)
                .containsExactly(LeadFeatures.SENIORITY);
    }

    @Test
    void agesReadInDays() {
        assertThat(FactorSentences.ago(0.2)).isEqualTo("today");
        assertThat(FactorSentences.ago(1.5)).isEqualTo("yesterday");
        assertThat(FactorSentences.ago(2.9)).isEqualTo("2 days ago");
    }
}
