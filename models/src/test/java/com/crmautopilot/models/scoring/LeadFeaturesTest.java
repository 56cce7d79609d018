package com.crmautopilot.models.scoring;

import com.crmautopilot.models.output.LeadProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LeadFeaturesTest {

    private static final Instant AS_OF = Instant.parse("2026-03-10T12:00:00Z");

    private static LeadProfile profile(String title, Integer companySize, String industry, int sent, int opens, int clicks,
                                       Instant firstTouch, Instant lastActivity, Instant demoAt, int responses,
                                       long responseSeconds) {
        return new LeadProfile("acme:L1:3", "acme", "L1", 3, AS_OF, "email.clicked", "e-9",
                "Ada Lovelace", title, "Analytical Engines", companySize, industry, "GB", "webinar", "K-7", "U-1",
                LeadProfile.STATUS_OPEN, sent, opens, clicks, 1, 4, 2, demoAt == null ? 0 : 1, 0, 1,
                25, demoAt != null, demoAt, firstTouch, lastActivity, lastActivity, responses, responseSeconds, null);
    }

    private static double value(RawFeatures raw, String feature) {
        return raw.numbers()[LeadFeatures.template().indexOf(feature)];
    }

    private static String text(RawFeatures raw, String feature) {
        return raw.categories()[LeadFeatures.template().indexOf(feature)];
    }

    @Test
    void computesTheSeedsFeaturesAtAnInstant() {
        Instant now = AS_OF.plus(Duration.ofDays(2));
        LeadProfile p = profile("VP Marketing", 250, "software", 8, 6, 2, AS_OF.minus(Duration.ofDays(40)),
                AS_OF.minus(Duration.ofHours(12)), AS_OF.minus(Duration.ofDays(1)), 2, 2 * 5400);

        RawFeatures raw = LeadFeatures.from(p, now);

        assertThat(raw.size()).isEqualTo(LeadFeatures.template().size());
        assertThat(value(raw, LeadFeatures.COMPANY_SIZE)).isEqualTo(250);
        assertThat(text(raw, LeadFeatures.INDUSTRY)).isEqualTo("software");
        assertThat(text(raw, LeadFeatures.SENIORITY)).isEqualTo("exec");
        assertThat(text(raw, LeadFeatures.COUNTRY)).isEqualTo("GB");
        assertThat(value(raw, LeadFeatures.EMAIL_OPENS_30D)).isEqualTo(6);
        assertThat(value(raw, LeadFeatures.EMAIL_CLICKS_30D)).isEqualTo(2);
        assertThat(value(raw, LeadFeatures.CLICK_RATE_30D)).isEqualTo(0.25);
        assertThat(value(raw, LeadFeatures.WEB_VISITS_30D)).isEqualTo(4);
        assertThat(value(raw, LeadFeatures.CONTENT_DOWNLOADS_30D)).isEqualTo(2);
        assertThat(value(raw, LeadFeatures.DEMO_REQUESTED)).isEqualTo(1);
        assertThat(value(raw, LeadFeatures.DAYS_SINCE_DEMO_REQUEST)).isCloseTo(3.0, within(1e-9));
        assertThat(value(raw, LeadFeatures.DAYS_SINCE_FIRST_TOUCH)).isCloseTo(42.0, within(1e-9));
        assertThat(value(raw, LeadFeatures.DAYS_SINCE_LAST_ACTIVITY)).isCloseTo(2.5, within(1e-9));
        assertThat(value(raw, LeadFeatures.RESPONSE_HOURS)).isCloseTo(1.5, within(1e-9));
        assertThat(text(raw, LeadFeatures.LEAD_SOURCE)).isEqualTo("webinar");
        assertThat(text(raw, LeadFeatures.CAMPAIGN)).isEqualTo("K-7");
    }

    @Test
    void recencyGrowsWithTheInstantSoQuietLeadsDecay() {
        LeadProfile p = profile("Engineer", 20, "retail", 0, 0, 0, AS_OF, AS_OF, null, 0, 0);

        double now = value(LeadFeatures.from(p, AS_OF), LeadFeatures.DAYS_SINCE_LAST_ACTIVITY);
        double later = value(LeadFeatures.from(p, AS_OF.plus(Duration.ofDays(9))), LeadFeatures.DAYS_SINCE_LAST_ACTIVITY);

        assertThat(now).isZero();
        assertThat(later).isCloseTo(9.0, within(1e-9));
    }

    @Test
    void unknownsAreMissingRatherThanZero() {
        LeadProfile p = profile(" ", null, "", 0, 0, 0, null, null, null, 0, 0);

        RawFeatures raw = LeadFeatures.from(p, AS_OF);

        assertThat(value(raw, LeadFeatures.COMPANY_SIZE)).isNaN();
        assertThat(text(raw, LeadFeatures.INDUSTRY)).isNull();
        assertThat(text(raw, LeadFeatures.SENIORITY)).isNull();
        assertThat(value(raw, LeadFeatures.CLICK_RATE_30D)).as("no email sent, no rate").isNaN();
        assertThat(value(raw, LeadFeatures.DAYS_SINCE_FIRST_TOUCH)).isNaN();
        assertThat(value(raw, LeadFeatures.DAYS_SINCE_DEMO_REQUEST)).isNaN();
        assertThat(value(raw, LeadFeatures.RESPONSE_HOURS)).isNaN();
        assertThat(value(raw, LeadFeatures.DEMO_REQUESTED)).isZero();
    }

    @Test
    void aTrainedSpecEncodesLeadsAndMapsNewIndustriesToMissing() {
        FeatureSpec spec = LeadFeatures.spec(Map.of(LeadFeatures.INDUSTRY, List.of("retail", "software")));
        LeadProfile known = profile("CTO", 50, "software", 1, 1, 1, AS_OF, AS_OF, null, 0, 0);
        LeadProfile unseen = profile("CTO", 50, "biotech", 1, 1, 1, AS_OF, AS_OF, null, 0, 0);

        FeatureVector a = LeadFeatures.encode(spec, known, AS_OF);
        FeatureVector b = LeadFeatures.encode(spec, unseen, AS_OF);

        int industry = spec.indexOf(LeadFeatures.INDUSTRY);
        int seniority = spec.indexOf(LeadFeatures.SENIORITY);
        assertThat(a.get(industry)).isEqualTo(1f);
        assertThat(b.isMissing(industry)).isTrue();
        assertThat(a.get(seniority)).isEqualTo(3f);
        assertThat(spec.compatibleWith(LeadFeatures.template())).isTrue();
    }
}
