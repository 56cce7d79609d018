package com.crmautopilot.cep.condense;

/** What a {@link LeadMark} says about its lead. */
public enum LeadMarkKind {
    /** The lead was created: carries its name, and starts its activity clock. */
    CREATED,
    /** The lead's name changed. */
    RENAMED,
    /** The lead now belongs to {@code ownerId}. */
    ASSIGNED,
    /** The lead did something: opened, clicked, replied, visited, downloaded, asked for a demo, filled a form. */
    ENGAGEMENT,
    /** A rep reached the lead: an email sent by a rep (not a campaign), a call, a meeting. */
    REP_TOUCH,
    /** The lead was converted or disqualified: no lead trigger fires for it any more. */
    CLOSED,
    /** A new score from lead scoring. */
    SCORE,
    /** The lead moved from {@code previousTier} to {@code tier}. */
    TIER_CHANGE;

    /** Whether marks of this kind come from the score topics rather than from {@code crm.events}. */
    public boolean fromScores() {
        return this == SCORE || this == TIER_CHANGE;
    }
}
