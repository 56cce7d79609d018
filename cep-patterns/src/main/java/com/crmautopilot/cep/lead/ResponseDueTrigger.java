package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.condense.LeadMark;
import com.crmautopilot.cep.config.BusinessCalendar;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerParams;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A lead asked for something (a demo, a reply) and a rep must answer within some business time. The deadline is
 * computed with the tenant's {@link BusinessCalendar} and held by the key's timer; an answer before it cancels the
 * timer, an answer after it withdraws the candidate that went out, and a lead that closes withdraws it too. After
 * firing, the timer waits {@code retain_after_fire} for the answer, then the state is gone.
 */
abstract class ResponseDueTrigger extends LeadTrigger {

    private static final long serialVersionUID = 1L;

    /** The first unanswered request. */
    private transient ValueState<LeadTouch> pending;
    private transient ValueState<Boolean> fired;

    ResponseDueTrigger(TriggerCatalog catalog, TriggerType type) {
        super(catalog, type);
    }

    /** The lead's request that starts the clock. */
    protected abstract boolean isRequest(LeadMark mark);

    /** The rep's answer that stops it. */
    protected abstract boolean isAnswer(LeadMark mark);

    /** How much business time the rep has. */
    protected abstract Duration responseTime(TriggerSettings settings, BusinessCalendar calendar);

    @Override
    protected boolean acceptsSignal(LeadMark mark) {
        return isRequest(mark) || isAnswer(mark);
    }

    @Override
    protected void openTrigger() {
        pending = state("pending-request", TypeInformation.of(LeadTouch.class));
        fired = state("fired", Types.BOOLEAN);
    }

    @Override
    protected void onMark(LeadMark mark, LeadEntry who, TriggerSettings settings, ReadOnlyContext ctx,
                          Collector<SuggestionCandidate> out) throws Exception {
        LeadTouch request = pending.value();
        if (isRequest(mark)) {
            if (request == null) {
                pending.update(new LeadTouch(mark.at(), mark.eventType(), null));
                schedule(ctx, deadline(mark.at(), settings));
            }
            return;
        }
        if (isAnswer(mark) && request != null && mark.at() >= request.at()) {
            if (Boolean.TRUE.equals(fired.value())) {
                out.collect(clearedBy(mark, who, request.at()));
            }
            cancelTimer(ctx);
            clearTrigger();
        }
    }

    @Override
    protected void onDeadline(long timestamp, LeadEntry who, TriggerSettings settings, ReadOnlyContext ctx,
                              Collector<SuggestionCandidate> out) throws Exception {
        LeadTouch request = pending.value();
        if (request == null || Boolean.TRUE.equals(fired.value())) {
            forgetLead();
            return;
        }
        long due = deadline(request.at(), settings);
        if (postponedTo(ctx, timestamp, due)) {
            return;
        }
        BusinessCalendar calendar = calendar(settings);
        Map<String, String> facts = new TreeMap<>();
        facts.put("requested_at", instant(request.at()));
        facts.put("request_type", request.eventType());
        facts.put("business_hours_allowed", Long.toString(responseTime(settings, calendar).toHours()));
        facts.put("due_at", instant(due));
        facts.put("business_zone", calendar.zone().getId());
        facts.put("days_waiting", days(timestamp - request.at()));
        out.collect(candidate(who, timestamp, request.at(), facts));
        fired.update(true);
        schedule(ctx, timestamp + settings.duration(TriggerParams.RETAIN_AFTER_FIRE).toMillis());
    }

    private long deadline(long requestedAt, TriggerSettings settings) {
        BusinessCalendar calendar = calendar(settings);
        return calendar.plusBusinessTime(Instant.ofEpochMilli(requestedAt), responseTime(settings, calendar))
                .toEpochMilli();
    }

    /** Built once per settings instance, which the resolver keeps per tenant until an override replaces it. */
    private static BusinessCalendar calendar(TriggerSettings settings) {
        return settings.derived("business_calendar", BusinessCalendar::of);
    }

    @Override
    protected void onClosed(LeadMark mark, LeadEntry who, ReadOnlyContext ctx,
                            Collector<SuggestionCandidate> out) throws Exception {
        LeadTouch request = pending.value();
        if (request != null && Boolean.TRUE.equals(fired.value())) {
            out.collect(clearedBy(mark, who, request.at()));
        }
    }

    @Override
    protected void clearTrigger() {
        pending.clear();
        fired.clear();
    }
}
