package com.crmautopilot.cli.e2e;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.LeadAssigned;
import com.crmautopilot.models.event.payload.LeadCreated;
import com.crmautopilot.models.event.payload.LeadUpdated;
import com.crmautopilot.models.output.LeadProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static com.crmautopilot.models.event.EventType.*;

/**
 * Recounts a lead's profile from its clean events by brute force, straight from the semantics documented on
 * {@link LeadProfile}: nothing here shares code with the operator, so a bug in one is not hidden by the other.
 * The only shared convention is the documented window granularity: a contribution counts while the start of its
 * minute plus 30 days is after {@code asOf}.
 */
final class ExpectedProfiles {

    private static final long WINDOW = Duration.ofDays(30).toMillis();
    private static final long BUCKET = Duration.ofMinutes(1).toMillis();
    private static final Set<EventType> TOUCHES = EnumSet.of(EMAIL_OPENED, EMAIL_CLICKED, EMAIL_REPLIED, WEB_VISIT,
            CONTENT_DOWNLOADED, DEMO_REQUESTED, FORM_SUBMITTED);
    private static final Set<EventType> OUTBOUNDS = EnumSet.of(EMAIL_SENT, CALL_LOGGED);

    private ExpectedProfiles() {
    }

    /** The profile of a lead after all of {@code events}, as of the newest of them; ids, version and trigger left null. */
    static LeadProfile recount(String tenantId, String leadId, List<CrmEvent> events) {
        List<CrmEvent> byTime = events.stream().sorted(Comparator.comparing(CrmEvent::occurredAt)).toList();
        long asOf = byTime.get(byTime.size() - 1).timestampMillis();

        int[] window = new int[9];
        for (CrmEvent e : byTime) {
            long bucketStart = Math.floorDiv(e.timestampMillis(), BUCKET) * BUCKET;
            if (bucketStart + WINDOW <= asOf) {
                continue;
            }
            switch (e.eventType()) {
                case EMAIL_SENT -> window[0]++;
                case EMAIL_OPENED -> window[1]++;
                case EMAIL_CLICKED -> window[2]++;
                case EMAIL_REPLIED -> window[3]++;
                case WEB_VISIT -> window[4]++;
                case CONTENT_DOWNLOADED -> window[5]++;
                case DEMO_REQUESTED -> window[6]++;
                case FORM_SUBMITTED -> window[7]++;
                case CALL_LOGGED, MEETING_LOGGED -> window[8]++;
                default -> { }
            }
        }

        int responses = 0;
        long responseSeconds = 0;
        for (CrmEvent reply : byTime) {
            if (reply.eventType() != EMAIL_REPLIED) {
                continue;
            }
            Long outbound = null;
            for (CrmEvent e : byTime) {
                if (OUTBOUNDS.contains(e.eventType()) && e.timestampMillis() < reply.timestampMillis()) {
                    outbound = e.timestampMillis();
                }
            }
            if (outbound != null) {
                responses++;
                responseSeconds += (reply.timestampMillis() - outbound) / 1000;
            }
        }

        String status = LeadProfile.STATUS_OPEN;
        for (CrmEvent e : byTime) {
            if (e.eventType() == LEAD_CONVERTED) {
                status = LeadProfile.STATUS_CONVERTED;
            } else if (e.eventType() == LEAD_DISQUALIFIED) {
                status = LeadProfile.STATUS_DISQUALIFIED;
            }
        }

        return new LeadProfile(null, tenantId, leadId, 0, null, null, null,
                newest(byTime, Attributes::name), newest(byTime, Attributes::title), newest(byTime, Attributes::company),
                newest(byTime, Attributes::companySize), newest(byTime, Attributes::industry), newest(byTime, Attributes::country),
                newest(byTime, Attributes::source), newestCampaign(byTime), newestOwner(byTime), status,
                window[0], window[1], window[2], window[3], window[4], window[5], window[6], window[7], window[8],
                byTime.size(),
                byTime.stream().anyMatch(e -> e.eventType() == DEMO_REQUESTED),
                latest(byTime, Set.of(DEMO_REQUESTED)),
                byTime.get(0).occurredAt(),
                latest(byTime, TOUCHES),
                Instant.ofEpochMilli(asOf),
                responses, responseSeconds, null);
    }

    /** Lead attributes as one shape, whichever of lead.created or lead.updated carried them. */
    private record Attributes(String name, String title, String company, Integer companySize, String industry,
                              String country, String source) {
        static Attributes of(CrmEvent e) {
            if (e.eventType() == LEAD_CREATED) {
                LeadCreated c = e.payloadAs(LeadCreated.class);
                return new Attributes(c.name(), c.title(), c.company(), c.companySize(), c.industry(), c.country(),
                        c.source());
            }
            LeadUpdated u = e.payloadAs(LeadUpdated.class);
            return new Attributes(u.name(), u.title(), u.company(), u.companySize(), u.industry(), u.country(),
                    u.source());
        }
    }

    private static <T> T newest(List<CrmEvent> byTime, Function<Attributes, T> field) {
        T value = null;
        for (CrmEvent e : byTime) {
            if (e.eventType() == LEAD_CREATED || e.eventType() == LEAD_UPDATED) {
                T set = field.apply(Attributes.of(e));
                if (set != null) {
                    value = set;
                }
            }
        }
        return value;
    }

    private static String newestCampaign(List<CrmEvent> byTime) {
        String campaign = null;
        for (CrmEvent e : byTime) {
            if ((e.eventType() == LEAD_CREATED || e.eventType() == LEAD_UPDATED) && e.campaignId() != null) {
                campaign = e.campaignId();
            }
        }
        return campaign;
    }

    private static String newestOwner(List<CrmEvent> byTime) {
        String owner = null;
        for (CrmEvent e : byTime) {
            if (e.eventType() == LEAD_ASSIGNED) {
                owner = e.payloadAs(LeadAssigned.class).ownerId();
            }
        }
        return owner;
    }

    private static Instant latest(List<CrmEvent> byTime, Set<EventType> types) {
        Instant latest = null;
        for (CrmEvent e : byTime) {
            if (types.contains(e.eventType())) {
                latest = e.occurredAt();
            }
        }
        return latest;
    }
}
