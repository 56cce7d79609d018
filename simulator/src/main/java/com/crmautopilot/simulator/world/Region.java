package com.crmautopilot.simulator.world;

import java.util.List;

/** Where a tenant sells: its reps' time zones and its leads' countries (with their shares). */
public enum Region {
    NORTH_AMERICA("America/New_York",
            List.of(new Share("America/New_York", 0.45), new Share("America/Chicago", 0.25),
                    new Share("America/Denver", 0.10), new Share("America/Los_Angeles", 0.20)),
            List.of(new Share("US", 0.75), new Share("CA", 0.12), new Share("GB", 0.05), new Share("DE", 0.03),
                    new Share("BR", 0.05))),
    EUROPE("Europe/London",
            List.of(new Share("Europe/London", 0.40), new Share("Europe/Berlin", 0.30),
                    new Share("Europe/Paris", 0.15), new Share("Europe/Amsterdam", 0.15)),
            List.of(new Share("GB", 0.35), new Share("DE", 0.25), new Share("FR", 0.15), new Share("NL", 0.10),
                    new Share("US", 0.10), new Share("IN", 0.05))),
    ASIA_PACIFIC("Australia/Sydney",
            List.of(new Share("Australia/Sydney", 0.45), new Share("Asia/Singapore", 0.25),
                    new Share("Asia/Tokyo", 0.15), new Share("Asia/Kolkata", 0.15)),
            List.of(new Share("AU", 0.35), new Share("SG", 0.20), new Share("JP", 0.15), new Share("IN", 0.20),
                    new Share("US", 0.10)));

    /** A value and its share of draws. */
    public record Share(String value, double weight) {
    }

    private final String homeZone;
    private final List<Share> repZones;
    private final List<Share> leadCountries;

    Region(String homeZone, List<Share> repZones, List<Share> leadCountries) {
        this.homeZone = homeZone;
        this.repZones = repZones;
        this.leadCountries = leadCountries;
    }

    /** The zone campaigns are scheduled in. */
    public String homeZone() {
        return homeZone;
    }

    public List<Share> repZones() {
        return repZones;
    }

    public List<Share> leadCountries() {
        return leadCountries;
    }

    public static Region forTenantIndex(int tenantIndex) {
        return values()[tenantIndex % values().length];
    }
}
