package com.crmautopilot.cep.deal;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.CallLogged;
import com.crmautopilot.models.event.payload.OpportunityAmountChanged;
import com.crmautopilot.models.event.payload.OpportunityCloseDateChanged;
import com.crmautopilot.models.event.payload.OpportunityCompetitorNoted;
import com.crmautopilot.models.event.payload.OpportunityContactAdded;
import com.crmautopilot.models.event.payload.OpportunityCreated;
import com.crmautopilot.models.event.payload.OpportunityStageChanged;
import com.crmautopilot.models.logging.ThrottledWarnings;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Condenses the event firehose to {@link DealSignal}s: it looks at the type and the {@code opportunity_id} first (a
 * set lookup, no parsing), so everything a deal does not care about leaves at the cost of a hash, and only the few
 * surviving events have their payload parsed. Runs chained to the source.
 *
 * <p>Events reach it validated, so a payload that does not parse is a producer bug the validation missed; it is
 * counted and logged, never fatal.
 */
public final class DealSignalExtractor extends RichFlatMapFunction<CrmEvent, DealSignal> {

    static final Set<EventType> RELEVANT = EnumSet.of(
            EventType.OPPORTUNITY_CREATED, EventType.OPPORTUNITY_STAGE_CHANGED,
            EventType.OPPORTUNITY_CLOSE_DATE_CHANGED, EventType.OPPORTUNITY_AMOUNT_CHANGED,
            EventType.OPPORTUNITY_CONTACT_ADDED, EventType.OPPORTUNITY_COMPETITOR_NOTED,
            EventType.OPPORTUNITY_CLOSED_WON, EventType.OPPORTUNITY_CLOSED_LOST,
            EventType.EMAIL_SENT, EventType.EMAIL_REPLIED, EventType.CALL_LOGGED, EventType.MEETING_LOGGED);

    private static final Logger LOG = LoggerFactory.getLogger(DealSignalExtractor.class);
    private static final String CONNECTED = "connected";

    private transient Counter unparsable;
    private transient ThrottledWarnings unparsableWarnings;

    @Override
    public void open(OpenContext openContext) {
        unparsable = getRuntimeContext().getMetricGroup().counter("dealSignalsUnparsable");
        unparsableWarnings = new ThrottledWarnings(LOG, Duration.ofMinutes(1));
    }

    @Override
    public void flatMap(CrmEvent event, Collector<DealSignal> out) {
        if (event.opportunityId() == null || event.tenantId() == null) {
            return;
        }
        EventType type = EventType.fromWireName(event.type()).orElse(null);
        if (type == null || !RELEVANT.contains(type)) {
            return;
        }
        DealSignal signal;
        try {
            signal = toSignal(type, event);
        } catch (RuntimeException e) {
            if (unparsable != null) {
                unparsable.inc();
            }
            if (unparsableWarnings != null) {
                unparsableWarnings.warn("Deal event {} of tenant {} has a payload that does not parse; skipped",
                        event.eventId(), event.tenantId(), e);
            }
            return;
        }
        out.collect(signal);
    }

    /** Visible for tests; the mapping of one relevant event. */
    static DealSignal toSignal(EventType type, CrmEvent e) {
        return switch (type) {
            case OPPORTUNITY_CREATED -> {
                OpportunityCreated p = e.payloadAs(OpportunityCreated.class);
                yield signal(e, DealSignalKind.CREATED, p.name(), p.amount(), p.stage(), epochDay(p.closeDate()),
                        p.ownerId(), null, null);
            }
            case OPPORTUNITY_STAGE_CHANGED -> signal(e, DealSignalKind.STAGE_CHANGED, null, null,
                    e.payloadAs(OpportunityStageChanged.class).toStage(), null, null, null, null);
            case OPPORTUNITY_CLOSE_DATE_CHANGED -> signal(e, DealSignalKind.CLOSE_DATE_CHANGED, null, null, null,
                    epochDay(e.payloadAs(OpportunityCloseDateChanged.class).closeDate()), null, null, null);
            case OPPORTUNITY_AMOUNT_CHANGED -> signal(e, DealSignalKind.AMOUNT_CHANGED, null,
                    e.payloadAs(OpportunityAmountChanged.class).amount(), null, null, null, null, null);
            case OPPORTUNITY_CONTACT_ADDED -> signal(e, DealSignalKind.CONTACT_ADDED, null, null, null, null, null,
                    e.payloadAs(OpportunityContactAdded.class).role(), null);
            case OPPORTUNITY_COMPETITOR_NOTED -> signal(e, DealSignalKind.COMPETITOR_NOTED, null, null, null, null,
                    null, null, e.payloadAs(OpportunityCompetitorNoted.class).competitor());
            case OPPORTUNITY_CLOSED_WON -> signal(e, DealSignalKind.CLOSED_WON, null, null, null, null, null, null, null);
            case OPPORTUNITY_CLOSED_LOST -> signal(e, DealSignalKind.CLOSED_LOST, null, null, null, null, null, null,
                    null);
            case CALL_LOGGED -> signal(e, CONNECTED.equals(e.payloadAs(CallLogged.class).outcome())
                    ? DealSignalKind.TWO_WAY_TOUCH : DealSignalKind.ONE_WAY_TOUCH,
                    null, null, null, null, null, null, null);
            case MEETING_LOGGED, EMAIL_REPLIED -> signal(e, DealSignalKind.TWO_WAY_TOUCH, null, null, null, null,
                    null, null, null);
            case EMAIL_SENT -> signal(e, DealSignalKind.ONE_WAY_TOUCH, null, null, null, null, null, null, null);
            default -> throw new IllegalArgumentException("not a deal event: " + type);
        };
    }

    private static DealSignal signal(CrmEvent e, DealSignalKind kind, String name, Double amount, String stage,
                                     Long closeEpochDay, String ownerId, String role, String competitor) {
        return new DealSignal(e.tenantId(), e.opportunityId(), kind, e.timestampMillis(), e.eventId(), e.contactId(),
                e.userId(), name, amount, stage, closeEpochDay, ownerId, role, competitor);
    }

    private static Long epochDay(LocalDate date) {
        return date == null ? null : date.toEpochDay();
    }
}
