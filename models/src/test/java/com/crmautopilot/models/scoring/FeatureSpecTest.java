package com.crmautopilot.models.scoring;

import com.crmautopilot.models.json.Json;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureSpecTest {

    private final FeatureSpec spec = FeatureSpec.builder()
            .numeric("company_size")
            .categorical("industry", List.of("retail", "software", "finance"))
            .bool("demo_requested")
            .build();

    @Test
    void encodesEachTypeByName() {
        FeatureVector v = spec.encode(Map.of("company_size", 250, "industry", "finance", "demo_requested", true));

        assertThat(v.toArray()).containsExactly(250f, 2f, 1f);
    }

    @Test
    void encodesAnUnseenCategoryAsMissingNotAsAnError() {
        FeatureVector v = spec.encode(Map.of("company_size", 10, "industry", "aerospace", "demo_requested", false));

        assertThat(v.isMissing(1)).isTrue();
        assertThat(v.toArray()).containsExactly(10f, Float.NaN, 0f);
    }

    @Test
    void encodesAbsentNullAndUnparseableValuesAsMissing() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("company_size", "lots");
        raw.put("industry", null);

        FeatureVector v = spec.encode(raw);

        assertThat(v.missingCount()).isEqualTo(3);
    }

    @Test
    void convertsTextNumbersAndBooleanWords() {
        FeatureVector v = spec.encode(Map.of("company_size", " 42.5 ", "industry", "retail", "demo_requested", "yes"));

        assertThat(v.toArray()).containsExactly(42.5f, 0f, 1f);
    }

    @Test
    void encodesRawFeaturesByPosition() {
        RawFeatures raw = new RawFeatures(new double[]{7, Double.NaN, 0}, new String[]{null, "software", null});

        assertThat(spec.encode(raw).toArray()).containsExactly(7f, 1f, 0f);
    }

    @Test
    void roundTripsThroughJson() {
        String json = spec.toJson();

        assertThat(json).contains("\"type\":\"categorical\"", "\"vocabulary\":[\"retail\",\"software\",\"finance\"]");
        assertThat(FeatureSpec.fromJson(json)).isEqualTo(spec);
        assertThat(FeatureSpec.fromJson(json).encode(Map.of("industry", "software")).get(1)).isEqualTo(1f);
    }

    @Test
    void compatibilityComparesNamesAndTypesButNotVocabularies() {
        FeatureSpec otherVocabulary = spec.withVocabularies(Map.of("industry", List.of("energy")));
        FeatureSpec otherType = FeatureSpec.builder().numeric("company_size").numeric("industry").bool("demo_requested").build();

        assertThat(spec.compatibleWith(otherVocabulary)).isTrue();
        assertThat(spec.compatibleWith(otherType)).isFalse();
        assertThat(spec.shapeDifference(otherType)).contains("feature 1");
    }

    @Test
    void describesEncodedValuesForPeople() {
        FeatureVector v = FeatureVector.of(1200f, 1f, Float.NaN);

        assertThat(spec.describe(0, v)).isEqualTo("1200");
        assertThat(spec.describe(1, v)).isEqualTo("software");
        assertThat(spec.describe(2, v)).isEqualTo("missing");
    }

    @Test
    void refusesDuplicateNames() {
        assertThatThrownBy(() -> FeatureSpec.builder().numeric("a").bool("a").build())
                .hasMessageContaining("'a' is defined twice");
    }

    @Test
    void theLeadTemplateRoundTripsAndFixesOnlySenioritysVocabulary() {
        FeatureSpec template = LeadFeatures.template();

        assertThat(Json.read(Json.write(template), FeatureSpec.class)).isEqualTo(template);
        assertThat(template.feature(template.indexOf(LeadFeatures.SENIORITY)).vocabulary())
                .containsExactly("junior", "mid", "senior", "exec");
        assertThat(template.feature(template.indexOf(LeadFeatures.INDUSTRY)).vocabulary()).isEmpty();
    }
}
