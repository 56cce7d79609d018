package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.random.Rng;
import com.crmautopilot.simulator.world.Region.Share;

import java.util.List;

/** The vocabulary of the world: names, titles, firmographic categories and their shares, content and subjects. */
public final class Catalog {

    public static final List<String> FIRST_NAMES = List.of(
            "Ava", "Liam", "Noah", "Emma", "Olivia", "Mateo", "Sofia", "Lucas", "Mia", "Ethan", "Amara", "Kenji",
            "Priya", "Arjun", "Chloe", "Hannah", "Jonas", "Lena", "Elena", "Marco", "Yuki", "Wei", "Fatima", "Omar",
            "Grace", "Daniel", "Isabel", "Tom", "Nina", "Ravi", "Zoe", "Felix", "Clara", "Diego", "Aisha", "Sam");
    public static final List<String> LAST_NAMES = List.of(
            "Smith", "Garcia", "Chen", "Patel", "Müller", "Rossi", "Nakamura", "Johnson", "Dubois", "Kowalski",
            "Silva", "Okafor", "Andersen", "Kim", "Singh", "Martin", "Brown", "Lopez", "Novak", "Haddad", "Walsh",
            "Tanaka", "Fischer", "Costa", "Nguyen", "Ivanova", "Murphy", "Sato", "Khan", "O'Brien");

    private static final List<String> COMPANY_STEMS = List.of(
            "Northwind", "Bluepeak", "Ironbridge", "Lumen", "Cedar", "Quantum", "Harbor", "Vertex", "Maple", "Orbit",
            "Silverline", "Brightwave", "Redwood", "Falcon", "Keystone", "Summit", "Atlas", "Nimbus", "Granite",
            "Evergreen", "Copperleaf", "Starling", "Meridian", "Pioneer", "Tidal", "Beacon", "Sterling", "Aurora",
            "Crescent", "Juniper", "Polar", "Sable", "Willow", "Zenith", "Cobalt", "Horizon", "Kestrel", "Onyx");
    private static final List<String> COMPANY_KINDS = List.of(
            "Analytics", "Systems", "Labs", "Logistics", "Health", "Foods", "Capital", "Media", "Robotics",
            "Software", "Networks", "Energy", "Retail", "Partners", "Dynamics", "Works", "Bio", "Cloud", "Group");
    private static final List<String> COMPANY_SUFFIXES = List.of("Inc", "Ltd", "GmbH", "LLC", "Co", "SA", "Pty Ltd", "BV");

    /** Industries: share of companies and effect on the lead's conversion logit. */
    public static final List<Effect> INDUSTRIES = List.of(
            new Effect("software", 0.22, 0.7),
            new Effect("financial_services", 0.12, 0.4),
            new Effect("telecom", 0.05, 0.3),
            new Effect("healthcare", 0.12, 0.2),
            new Effect("media", 0.06, 0.0),
            new Effect("manufacturing", 0.14, 0.0),
            new Effect("logistics", 0.07, -0.1),
            new Effect("retail", 0.10, -0.3),
            new Effect("education", 0.07, -0.6),
            new Effect("government", 0.05, -0.8));

    /** Lead sources: share of leads and effect on the conversion logit. */
    public static final List<Effect> SOURCES = List.of(
            new Effect("organic", 0.32, 0.3),
            new Effect("paid", 0.25, -0.2),
            new Effect("referral", 0.10, 1.0),
            new Effect("event", 0.13, 0.5),
            new Effect("outbound", 0.20, -0.5));

    /** Countries: effect on the conversion logit (their shares come from the tenant's {@link Region}). */
    public static final List<Effect> COUNTRIES = List.of(
            new Effect("US", 0, 0.2), new Effect("CA", 0, 0.1), new Effect("GB", 0, 0.1), new Effect("DE", 0, 0.1),
            new Effect("NL", 0, 0.1), new Effect("AU", 0, 0.0), new Effect("SG", 0, 0.0), new Effect("FR", 0, -0.1),
            new Effect("JP", 0, -0.2), new Effect("IN", 0, -0.3), new Effect("BR", 0, -0.3));

    /** Company size bands by employee count: share of companies and effect on the conversion logit. */
    public static final List<SizeBand> SIZE_BANDS = List.of(
            new SizeBand(1, 10, 0.14, -0.6),
            new SizeBand(11, 50, 0.22, -0.2),
            new SizeBand(51, 200, 0.24, 0.3),
            new SizeBand(201, 1000, 0.20, 0.6),
            new SizeBand(1001, 5000, 0.12, 0.4),
            new SizeBand(5001, 50000, 0.08, 0.0));

    /** Seniority: share of leads and effect on the conversion logit. */
    public static final List<Share> SENIORITY_SHARES = List.of(
            new Share("JUNIOR", 0.25), new Share("MID", 0.40), new Share("SENIOR", 0.23), new Share("EXEC", 0.12));

    public static final List<String> EXEC_TITLES = List.of(
            "CEO", "Chief Technology Officer", "Chief Marketing Officer", "CFO", "VP of Sales", "VP Engineering",
            "VP Marketing", "Founder", "President", "COO");
    public static final List<String> SENIOR_TITLES = List.of(
            "Director of IT", "Head of Marketing", "Sales Director", "Director of Operations", "Head of Data",
            "Head of Revenue Operations", "Engineering Director");
    public static final List<String> MID_TITLES = List.of(
            "Marketing Manager", "IT Manager", "Product Manager", "Sales Operations Manager", "Team Lead",
            "Engineering Manager", "Account Manager", "Project Lead");
    public static final List<String> JUNIOR_TITLES = List.of(
            "Analyst", "Marketing Coordinator", "Sales Development Representative", "Intern", "Associate",
            "Junior Developer", "Operations Assistant");

    public static final List<String> WEB_PAGES = List.of(
            "/", "/product", "/pricing", "/blog/forecasting-101", "/blog/lead-scoring", "/case-studies", "/docs",
            "/integrations", "/security", "/about", "/careers", "/demo");
    public static final List<String> ASSETS = List.of(
            "state-of-crm-2026.pdf", "roi-calculator.xlsx", "case-study-logistics.pdf", "buyers-guide.pdf",
            "security-whitepaper.pdf", "webinar-recording-pipeline.mp4");
    public static final List<String> FORMS = List.of("contact-us", "newsletter", "pricing-inquiry", "webinar-registration");
    public static final String CAMPAIGN_FORM = "campaign-landing";
    public static final List<String> PRODUCTS = List.of("autopilot-core", "autopilot-analytics", "autopilot-enterprise");
    public static final List<String> REP_SUBJECTS = List.of(
            "Quick question about %s", "Ideas for %s's pipeline", "Following up", "Checking in", "%s + CRM Autopilot",
            "A case study for %s", "Worth a 15-minute call?");
    public static final List<String> REPLY_SUBJECTS = List.of(
            "Re: Following up", "Re: Quick question", "Re: Checking in", "Re: Worth a 15-minute call?");
    public static final List<String> CAMPAIGN_THEMES = List.of(
            "Spring Webinar", "Product Launch", "Forecasting Guide", "Customer Stories", "Security Update",
            "Year in Review", "Pipeline Health Check", "Partner Summit", "Feature Spotlight", "Analyst Report",
            "Renewal Offer", "Community Meetup");
    public static final List<String> CAMPAIGN_SUBJECTS = List.of(
            "Your %s invite is here", "Don't miss the %s", "%s: 3 takeaways for your team",
            "[Last chance] %s", "How teams like yours use the %s", "%s — see what's new", "Quick read: %s");
    public static final List<String> COMPETITORS = List.of("Salesforce", "HubSpot", "Pipedrive", "Zoho", "Dynamics 365");
    public static final List<String> DISQUALIFY_REASONS = List.of("no_budget", "not_a_fit", "unresponsive", "competitor_chosen", "duplicate");

    /** A category value with its share of draws and its effect on a logit. */
    public record Effect(String value, double weight, double effect) {
    }

    /** An employee-count band. */
    public record SizeBand(int minEmployees, int maxEmployees, double weight, double effect) {
        public boolean contains(int employees) {
            return employees >= minEmployees && employees <= maxEmployees;
        }
    }

    private Catalog() {
    }

    public static String draw(List<Share> shares, Rng rng) {
        double[] weights = new double[shares.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = shares.get(i).weight();
        }
        return shares.get(rng.weightedIndex(weights)).value();
    }

    public static Effect drawEffect(List<Effect> effects, Rng rng) {
        double[] weights = new double[effects.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = effects.get(i).weight();
        }
        return effects.get(rng.weightedIndex(weights));
    }

    /** An employee count, log-uniform within a band drawn by its share. */
    public static int drawCompanySize(Rng rng) {
        double[] weights = SIZE_BANDS.stream().mapToDouble(SizeBand::weight).toArray();
        SizeBand band = SIZE_BANDS.get(rng.weightedIndex(weights));
        double low = StrictMath.log(band.minEmployees());
        double high = StrictMath.log(band.maxEmployees() + 1.0);
        int size = (int) StrictMath.floor(StrictMath.exp(rng.uniform(low, high)));
        return Math.max(band.minEmployees(), Math.min(band.maxEmployees(), size));
    }

    public static Seniority drawSeniority(Rng rng) {
        return Seniority.valueOf(draw(SENIORITY_SHARES, rng));
    }

    public static String drawTitle(Seniority seniority, Rng rng) {
        return rng.pick(switch (seniority) {
            case EXEC -> EXEC_TITLES;
            case SENIOR -> SENIOR_TITLES;
            case MID -> MID_TITLES;
            case JUNIOR -> JUNIOR_TITLES;
        });
    }

    public static String personName(Rng rng) {
        return rng.pick(FIRST_NAMES) + " " + rng.pick(LAST_NAMES);
    }

    public static String companyName(Rng rng) {
        return rng.pick(COMPANY_STEMS) + " " + rng.pick(COMPANY_KINDS) + " " + rng.pick(COMPANY_SUFFIXES);
    }

    /** An address like {@code ava.chen@northwind-analytics.example}; the reserved TLD keeps it unroutable. */
    public static String email(String personName, String company) {
        String local = ascii(personName).replace(' ', '.');
        String[] words = ascii(company).split(" ");
        String domain = words.length >= 2 ? words[0] + "-" + words[1] : words[0];
        return local + "@" + domain + ".example";
    }

    private static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
                out.append(c);
            } else if (c == 'ü') {
                out.append('u');
            }
        }
        return out.toString().trim();
    }

    /** The IANA zone a lead in this country keeps its hours in. */
    public static String zoneForCountry(String country, Rng rng) {
        return switch (country) {
            case "US" -> draw(List.of(new Share("America/New_York", 0.40), new Share("America/Chicago", 0.25),
                    new Share("America/Denver", 0.10), new Share("America/Los_Angeles", 0.25)), rng);
            case "CA" -> rng.chance(0.6) ? "America/Toronto" : "America/Vancouver";
            case "GB" -> "Europe/London";
            case "DE" -> "Europe/Berlin";
            case "FR" -> "Europe/Paris";
            case "NL" -> "Europe/Amsterdam";
            case "IN" -> "Asia/Kolkata";
            case "SG" -> "Asia/Singapore";
            case "JP" -> "Asia/Tokyo";
            case "BR" -> "America/Sao_Paulo";
            case "AU" -> draw(List.of(new Share("Australia/Sydney", 0.6), new Share("Australia/Melbourne", 0.2),
                    new Share("Australia/Perth", 0.2)), rng);
            default -> "UTC";
        };
    }

    public static double effectOf(List<Effect> effects, String value) {
        for (Effect e : effects) {
            if (e.value().equals(value)) {
                return e.effect();
            }
        }
        throw new IllegalArgumentException("no effect for " + value);
    }
}
