package com.crmautopilot.models.scoring;

import com.crmautopilot.models.output.LeadProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The lead-scoring features, computed from a {@link LeadProfile} at an instant. The training-data job and the live
 * scorer both call {@link #from}, so a feature means the same thing in training and in serving.
 *
 * <p>Recency features are measured from {@code now}, not from the profile's {@code asOf}: a rescore timer that
 * fires on a quiet lead sees the days since its last activity grow, which is how scores decay.
 */
public final class LeadFeatures {

    public static final String COMPANY_SIZE = "company_size";
    public static final String INDUSTRY = "industry";
    public static final String SENIORITY = "seniority";
    public static final String COUNTRY = "country";
    public static final String EMAIL_OPENS_30D = "email_opens_30d";
    public static final String EMAIL_CLICKS_30D = "email_clicks_30d";
    public static final String CLICK_RATE_30D = "click_rate_30d";
    public static final String EMAIL_REPLIES_30D = "email_replies_30d";
    public static final String WEB_VISITS_30D = "web_visits_30d";
    public static final String CONTENT_DOWNLOADS_30D = "content_downloads_30d";
    public static final String FORM_SUBMITS_30D = "form_submits_30d";
    public static final String CALLS_MEETINGS_30D = "calls_meetings_30d";
    public static final String DEMO_REQUESTED = "demo_requested";
    public static final String DAYS_SINCE_DEMO_REQUEST = "days_since_demo_request";
    public static final String DAYS_SINCE_FIRST_TOUCH = "days_since_first_touch";
    public static final String DAYS_SINCE_LAST_TOUCH = "days_since_last_touch";
    public static final String DAYS_SINCE_LAST_ACTIVITY = "days_since_last_activity";
    public static final String RESPONSE_HOURS = "response_hours";
    public static final String LEAD_SOURCE = "lead_source";
    public static final String CAMPAIGN = "campaign";

    private static final FeatureSpec TEMPLATE = FeatureSpec.builder()
            .numeric(COMPANY_SIZE)
            .categorical(INDUSTRY)
            .categorical(SENIORITY, Seniority.vocabulary())
            .categorical(COUNTRY)
            .numeric(EMAIL_OPENS_30D)
            .numeric(EMAIL_CLICKS_30D)
            .numeric(CLICK_RATE_30D)
            .numeric(EMAIL_REPLIES_30D)
            .numeric(WEB_VISITS_30D)
            .numeric(CONTENT_DOWNLOADS_30D)
            .numeric(FORM_SUBMITS_30D)
            .numeric(CALLS_MEETINGS_30D)
            .bool(DEMO_REQUESTED)
            .numeric(DAYS_SINCE_DEMO_REQUEST)
            .numeric(DAYS_SINCE_FIRST_TOUCH)
            .numeric(DAYS_SINCE_LAST_TOUCH)
            .numeric(DAYS_SINCE_LAST_ACTIVITY)
            .numeric(RESPONSE_HOURS)
            .categorical(LEAD_SOURCE)
            .categorical(CAMPAIGN)
            .build();

    private static final double SECONDS_PER_DAY = 86_400.0;

    private LeadFeatures() {
    }

    /**
     * The lead-scoring spec's shape. Its open vocabularies (industry, country, source, campaign) are empty until a
     * trainer fills them from data; seniority's is fixed. A model is accepted for lead scoring only if its spec is
     * {@link FeatureSpec#compatibleWith compatible} with this one.
     */
    public static FeatureSpec template() {
        return TEMPLATE;
    }

    /** The template with vocabularies filled in, for a spec built by hand rather than learned. */
    public static FeatureSpec spec(java.util.Map<String, List<String>> vocabularies) {
        return TEMPLATE.withVocabularies(vocabularies);
    }

    /** The features of a lead as of {@code now}, in the template's order. */
    public static RawFeatures from(LeadProfile p, Instant now) {
        RawFeatures raw = RawFeatures.empty(TEMPLATE.size());
        double[] n = raw.numbers();
        String[] c = raw.categories();
        n[0] = p.companySize() == null ? Double.NaN : p.companySize();
        c[1] = blankToNull(p.industry());
        Seniority seniority = Seniority.parse(p.title());
        c[2] = seniority == null ? null : seniority.wireName();
        c[3] = blankToNull(p.country());
        n[4] = p.emailOpens30d();
        n[5] = p.emailClicks30d();
        n[6] = p.emailsSent30d() == 0 ? Double.NaN : Math.min(1.0, (double) p.emailClicks30d() / p.emailsSent30d());
        n[7] = p.emailReplies30d();
        n[8] = p.webVisits30d();
        n[9] = p.contentDownloads30d();
        n[10] = p.formSubmits30d();
        n[11] = p.callsMeetings30d();
        n[12] = p.demoRequested() ? 1 : 0;
        n[13] = daysBetween(p.lastDemoRequestAt(), now);
        n[14] = daysBetween(p.firstTouchAt(), now);
        n[15] = daysBetween(p.lastTouchAt(), now);
        n[16] = daysBetween(p.lastActivityAt(), now);
        Double responseSeconds = p.meanResponseSeconds();
        n[17] = responseSeconds == null ? Double.NaN : responseSeconds / 3600.0;
        c[18] = blankToNull(p.source());
        c[19] = blankToNull(p.campaignId());
        return raw;
    }

    /** {@link #from} encoded with a trained spec. */
    public static FeatureVector encode(FeatureSpec spec, LeadProfile profile, Instant now) {
        return spec.encode(from(profile, now));
    }

    /** Fractional days from {@code then} to {@code now}; NaN when unknown, and never negative. */
    static double daysBetween(Instant then, Instant now) {
        if (then == null) {
            return Double.NaN;
        }
        double days = Duration.between(then, now).toMillis() / 1000.0 / SECONDS_PER_DAY;
        return Math.max(0.0, days);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
