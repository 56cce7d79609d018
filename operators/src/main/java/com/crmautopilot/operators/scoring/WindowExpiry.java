package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.output.LeadProfile;

import java.io.Serializable;
import java.time.Instant;

/**
 * When the earliest contribution to a profile's 30-day window expires, which is when its windowed counts (and so
 * its score) next change without a new event. The profile operator knows it (its oldest bucket); a profile record
 * that carries it lets the scorer put its one timer there instead of up to 24 hours later.
 */
@FunctionalInterface
public interface WindowExpiry extends Serializable {

    /** The earliest expiry of a windowed contribution, or null when unknown or the window is empty. */
    Instant earliest(LeadProfile profile);

    /**
     * For profiles that do not say: the scorer then relies on the profile operator's {@code window_expiry}
     * profiles, which rescore the lead the moment a contribution leaves the window, and on its own timer for
     * recency decay.
     */
    static WindowExpiry unknown() {
        return profile -> null;
    }

    /** What the profile operator says: {@link LeadProfile#windowExpiresAt()}. */
    static WindowExpiry fromProfile() {
        return LeadProfile::windowExpiresAt;
    }
}
