package com.crmautopilot.simulator.world;

/**
 * Job-title seniority. The world draws a seniority first and then a title of that level; the titles are chosen so
 * that a simple parser recovers the level (C-level, VP, founder, president: exec; director, head: senior;
 * manager, lead: mid; analyst, associate, coordinator, representative, intern, junior: junior).
 */
public enum Seniority {
    JUNIOR, MID, SENIOR, EXEC;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
