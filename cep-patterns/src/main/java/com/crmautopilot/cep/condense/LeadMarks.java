package com.crmautopilot.cep.condense;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.LeadAssigned;
import com.crmautopilot.models.event.payload.LeadCreated;
import com.crmautopilot.models.event.payload.LeadUpdated;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Condenses validated events into {@link LeadMark}s. Only events with a lead id and a type some lead trigger reads
 * pass; deliveries, bounces, campaign sends, and everything without a lead are dropped here, before any keyed
 * state. Payloads are parsed only for the three types whose fields the triggers need (created, updated, assigned).
 *
 * <p>Heartbeats ({@code system.heartbeat}) are dropped as records, but not as time: they moved the source's
 * watermark when they were read, and watermarks pass through this function and are broadcast by every
 * {@code keyBy} to all downstream subtasks. A quiet tenant's absence triggers therefore still fire.
 */
public final class LeadMarks implements FlatMapFunction<CrmEvent, LeadMark> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(CrmEvent event, Collector<LeadMark> out) {
        LeadMark mark = of(event);
        if (mark != null) {
            out.collect(mark);
        }
    }

    /** The event's mark, or null when no lead trigger reads it. */
    public static LeadMark of(CrmEvent event) {
        if (event.leadId() == null) {
            return null;
        }
        EventType type = EventType.fromWireName(event.type()).orElse(null);
        if (type == null) {
            return null;
        }
        String tenant = event.tenantId();
        String lead = event.leadId();
        long at = event.timestampMillis();
        return switch (type) {
            case LEAD_CREATED -> new LeadMark(tenant, lead, LeadMarkKind.CREATED, type.wireName(), event.userId(), at,
                    null, event.payloadAs(LeadCreated.class).name(), null, null, null);
            case LEAD_UPDATED -> {
                String name = event.payloadAs(LeadUpdated.class).name();
                yield name == null ? null : new LeadMark(tenant, lead, LeadMarkKind.RENAMED, type.wireName(),
                        event.userId(), at, null, name, null, null, null);
            }
            case LEAD_ASSIGNED -> new LeadMark(tenant, lead, LeadMarkKind.ASSIGNED, type.wireName(), event.userId(),
                    at, event.payloadAs(LeadAssigned.class).ownerId(), null, null, null, null);
            case LEAD_CONVERTED, LEAD_DISQUALIFIED ->
                    LeadMark.of(tenant, lead, LeadMarkKind.CLOSED, type.wireName(), event.userId(), at);
            case EMAIL_OPENED, EMAIL_CLICKED, EMAIL_REPLIED, WEB_VISIT, CONTENT_DOWNLOADED, DEMO_REQUESTED,
                    FORM_SUBMITTED -> LeadMark.of(tenant, lead, LeadMarkKind.ENGAGEMENT, type.wireName(), null, at);
            // A campaign's send is not a rep answering anyone.
            case EMAIL_SENT -> event.campaignId() != null ? null
                    : LeadMark.of(tenant, lead, LeadMarkKind.REP_TOUCH, type.wireName(), event.userId(), at);
            case CALL_LOGGED, MEETING_LOGGED ->
                    LeadMark.of(tenant, lead, LeadMarkKind.REP_TOUCH, type.wireName(), event.userId(), at);
            default -> null;
        };
    }

    public static LeadMark of(LeadScore score) {
        return new LeadMark(score.tenantId(), score.leadId(), LeadMarkKind.SCORE, "lead_score", null,
                score.scoredAt().toEpochMilli(), null, null, score.score(),
                score.tier() == null ? null : score.tier().wireName(), null);
    }

    public static LeadMark of(ScoreChange change) {
        return new LeadMark(change.tenantId(), change.leadId(), LeadMarkKind.TIER_CHANGE, "score_change", null,
                change.changedAt().toEpochMilli(), null, null, change.newScore(), change.newTier().wireName(),
                change.oldTier().wireName());
    }
}
