package com.crmautopilot.models.output;

import java.time.Instant;

/**
 * A lead's engagement profile as of {@code asOf}, on {@code ai.lead-profiles}: one record per change. It is the
 * input of lead scoring (the feature code reads it) and of the lead triggers.
 *
 * <p>Windowed counts cover event times in {@code (asOf - 30 days, asOf]}. {@code firstTouchAt} is the first event
 * about the lead of any kind; {@code lastTouchAt} the last thing the lead did itself (open, click, reply, visit,
 * download, demo request, form); {@code lastActivityAt} the last event of any kind, ours included.
 * {@code responseCount} and {@code responseSecondsTotal} pair each reply with the latest outbound email or call
 * before it: their ratio is the mean response time.
 *
 * @param profileId deterministic: tenant, lead and version, so rewriting the same change is idempotent
 * @param version   counts the changes of this lead's profile, from 1
 * @param trigger   the event type that changed it, or {@code window_expiry} when a contribution left the window
 * @param windowExpiresAt when the oldest contribution leaves the 30-day window (the next {@code window_expiry}
 *                  profile, without a new event); null while the window is empty
 */
public record LeadProfile(
        String profileId,
        String tenantId,
        String leadId,
        long version,
        Instant asOf,
        String trigger,
        String triggerEventId,
        // attributes
        String name,
        String title,
        String company,
        Integer companySize,
        String industry,
        String country,
        String source,
        String campaignId,
        String ownerId,
        String status,
        // rolling 30-day window
        int emailsSent30d,
        int emailOpens30d,
        int emailClicks30d,
        int emailReplies30d,
        int webVisits30d,
        int contentDownloads30d,
        int demoRequests30d,
        int formSubmits30d,
        int callsMeetings30d,
        // lifetime
        long totalEvents,
        boolean demoRequested,
        Instant lastDemoRequestAt,
        Instant firstTouchAt,
        Instant lastTouchAt,
        Instant lastActivityAt,
        int responseCount,
        long responseSecondsTotal,
        Instant windowExpiresAt) {

    public static final String STATUS_OPEN = "open";
    public static final String STATUS_CONVERTED = "converted";
    public static final String STATUS_DISQUALIFIED = "disqualified";
    public static final String TRIGGER_WINDOW_EXPIRY = "window_expiry";

    /** Mean seconds from our outbound touch to their reply, or null before the first reply. */
    public Double meanResponseSeconds() {
        return responseCount == 0 ? null : (double) responseSecondsTotal / responseCount;
    }

    public static String profileId(String tenantId, String leadId, long version) {
        return tenantId + ":" + leadId + ":" + version;
    }
}
