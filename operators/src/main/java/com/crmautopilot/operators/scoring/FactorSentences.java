package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.scoring.Contribution;
import com.crmautopilot.models.scoring.Contributions;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.RawFeatures;
import com.crmautopilot.models.scoring.Seniority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns per-feature contributions into factors people read: one sentence per fact, with the lead's own evidence
 * ("3 website visits in the last 30 days", "Demo requested 2 days ago"). Whether the demo was requested and how
 * long ago are one fact, so their two contributions are added up and told once.
 */
public final class FactorSentences {

    private static final Map<String, String> GROUPED_INTO = Map.of(
            LeadFeatures.DAYS_SINCE_DEMO_REQUEST, LeadFeatures.DEMO_REQUESTED);

    private FactorSentences() {
    }

    /** Every feature's factor, demo features merged, in spec order. */
    public static List<Factor> all(Contributions contributions, RawFeatures raw, LeadProfile profile) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Contribution c : contributions.features()) {
            weights.merge(GROUPED_INTO.getOrDefault(c.feature(), c.feature()), c.value(), Double::sum);
        }
        List<Factor> factors = new ArrayList<>(weights.size());
        weights.forEach((feature, weight) -> factors.add(factor(feature, weight, raw, profile)));
        return factors;
    }

    /** The strongest factors pushing up (or down), at most {@code limit}, ignoring weights below {@code minWeight}. */
    public static List<Factor> strongest(List<Factor> factors, boolean positive, int limit, double minWeight) {
        return factors.stream()
                .filter(f -> positive ? f.weight() >= minWeight : f.weight() <= -minWeight)
                .sorted(Comparator.comparingDouble((Factor f) -> -Math.abs(f.weight())))
                .limit(limit)
                .toList();
    }

    static Factor factor(String feature, double weight, RawFeatures raw, LeadProfile profile) {
        Evidence e = evidence(feature, raw, profile);
        return new Factor(feature, weight, e.text, e.value);
    }

    private record Evidence(String text, String value) {
    }

    private static Evidence evidence(String feature, RawFeatures raw, LeadProfile profile) {
        return switch (feature) {
            case LeadFeatures.COMPANY_SIZE -> missing(raw, feature)
                    ? new Evidence("Company size unknown", "unknown")
                    : new Evidence("Company of " + count(raw, feature) + " employees", count(raw, feature));
            case LeadFeatures.INDUSTRY -> category(raw, feature, "Industry: ", "Industry unknown");
            case LeadFeatures.SENIORITY -> seniority(raw, feature, profile.title());
            case LeadFeatures.COUNTRY -> category(raw, feature, "Based in ", "Country unknown");
            case LeadFeatures.EMAIL_OPENS_30D -> windowCount(raw, feature, "email open", "email opens");
            case LeadFeatures.EMAIL_CLICKS_30D -> windowCount(raw, feature, "email click", "email clicks");
            case LeadFeatures.CLICK_RATE_30D -> missing(raw, feature)
                    ? new Evidence("No emails sent in the last 30 days", "none")
                    : percent(raw, feature);
            case LeadFeatures.EMAIL_REPLIES_30D -> windowCount(raw, feature, "email reply", "email replies");
            case LeadFeatures.WEB_VISITS_30D -> windowCount(raw, feature, "website visit", "website visits");
            case LeadFeatures.CONTENT_DOWNLOADS_30D ->
                    windowCount(raw, feature, "content download", "content downloads");
            case LeadFeatures.FORM_SUBMITS_30D -> windowCount(raw, feature, "form submission", "form submissions");
            case LeadFeatures.CALLS_MEETINGS_30D ->
                    windowCount(raw, feature, "call or meeting", "calls or meetings");
            case LeadFeatures.DEMO_REQUESTED -> demo(raw);
            case LeadFeatures.DAYS_SINCE_FIRST_TOUCH -> ago(raw, feature, "First touch ", "No touch yet");
            case LeadFeatures.DAYS_SINCE_LAST_TOUCH -> ago(raw, feature, "Last engaged ", "Never engaged");
            case LeadFeatures.DAYS_SINCE_LAST_ACTIVITY -> ago(raw, feature, "Last activity ", "No activity yet");
            case LeadFeatures.RESPONSE_HOURS -> missing(raw, feature)
                    ? new Evidence("No replies yet", "none")
                    : hours(number(raw, feature));
            case LeadFeatures.LEAD_SOURCE -> category(raw, feature, "Lead source: ", "Lead source unknown");
            case LeadFeatures.CAMPAIGN -> category(raw, feature, "From campaign ", "Not from a campaign");
            default -> new Evidence(feature + ": " + shown(raw, feature), shown(raw, feature));
        };
    }

    private static Evidence windowCount(RawFeatures raw, String feature, String singular, String plural) {
        long n = Math.round(number(raw, feature));
        if (n == 0) {
            return new Evidence("No " + plural + " in the last 30 days", "0");
        }
        return new Evidence(n + " " + (n == 1 ? singular : plural) + " in the last 30 days", Long.toString(n));
    }

    private static Evidence category(RawFeatures raw, String feature, String prefix, String whenMissing) {
        String value = raw.categories()[index(feature)];
        return value == null ? new Evidence(whenMissing, "unknown") : new Evidence(prefix + value, value);
    }

    private static Evidence seniority(RawFeatures raw, String feature, String title) {
        String level = raw.categories()[index(feature)];
        if (level == null) {
            return title == null || title.isBlank()
                    ? new Evidence("Title unknown", "unknown")
                    : new Evidence("Title '" + title.trim() + "' shows no seniority", "unknown");
        }
        String label = switch (Seniority.valueOf(level.toUpperCase(Locale.ROOT))) {
            case EXEC -> "Executive";
            case SENIOR -> "Senior";
            case MID -> "Mid-level";
            case JUNIOR -> "Junior";
        };
        String text = title == null || title.isBlank() ? label + " title" : label + " title (" + title.trim() + ")";
        return new Evidence(text, label.toLowerCase(Locale.ROOT));
    }

    private static Evidence demo(RawFeatures raw) {
        boolean requested = number(raw, LeadFeatures.DEMO_REQUESTED) > 0;
        if (!requested) {
            return new Evidence("No demo requested", "no");
        }
        double days = number(raw, LeadFeatures.DAYS_SINCE_DEMO_REQUEST);
        if (Double.isNaN(days)) {
            return new Evidence("Demo requested", "yes");
        }
        return new Evidence("Demo requested " + ago(days), ago(days));
    }

    private static Evidence ago(RawFeatures raw, String feature, String prefix, String whenMissing) {
        double days = number(raw, feature);
        return Double.isNaN(days) ? new Evidence(whenMissing, "never") : new Evidence(prefix + ago(days), ago(days));
    }

    private static Evidence percent(RawFeatures raw, String feature) {
        long pct = Math.round(100 * number(raw, feature));
        return new Evidence("Clicked " + pct + "% of emails in the last 30 days", pct + "%");
    }

    private static Evidence hours(double hours) {
        String value = hours < 1 ? "under an hour" : Math.round(hours) + (Math.round(hours) == 1 ? " hour" : " hours");
        return new Evidence("Replies within " + value + " on average", value);
    }

    /** "today", "yesterday", "5 days ago": a day is the grain people plan in. */
    static String ago(double days) {
        if (days < 1) {
            return "today";
        }
        if (days < 2) {
            return "yesterday";
        }
        return Math.round(Math.floor(days)) + " days ago";
    }

    private static boolean missing(RawFeatures raw, String feature) {
        return raw.isMissing(index(feature));
    }

    private static double number(RawFeatures raw, String feature) {
        return raw.numbers()[index(feature)];
    }

    private static String count(RawFeatures raw, String feature) {
        return Long.toString(Math.round(number(raw, feature)));
    }

    private static String shown(RawFeatures raw, String feature) {
        int i = index(feature);
        if (i < 0 || raw.isMissing(i)) {
            return "unknown";
        }
        return raw.categories()[i] != null ? raw.categories()[i] : String.format(Locale.ROOT, "%.3g", raw.numbers()[i]);
    }

    private static int index(String feature) {
        return LeadFeatures.template().indexOf(feature);
    }
}
