package com.crmautopilot.jobs;

/**
 * The operator uids of the lead-intelligence job. State in savepoints is matched to operators by these: never
 * rename one that holds state, and give every new operator its own.
 */
public final class Uids {

    public static final String EVENTS_SOURCE = "crm-events-source";
    public static final String SPLIT_DEAD_LETTERS = "split-dead-letters";
    /** Keyed state: the seen-event-id markers. */
    public static final String DEDUPE = "dedupe-events";
    public static final String LEAD_EVENTS = "lead-events-only";
    /** Keyed state: one {@code LeadProfileState} per lead, and its timer. */
    public static final String LEAD_PROFILE = "lead-profile";
    public static final String LEAD_PROFILES_SINK = "lead-profiles-sink";
    public static final String DEAD_LETTER_SINK = "dead-letter-sink";

    private Uids() {
    }
}
