package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.condense.LeadMark;
import com.crmautopilot.cep.condense.LeadMarkKind;
import com.crmautopilot.cep.config.BusinessCalendar;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerParams;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.suggest.TriggerType;

import java.time.Duration;

/**
 * {@code demo_request_unanswered}: the lead asked for a demo and no call or meeting followed within
 * {@code response_business_hours} (24) business hours of the tenant's calendar ({@code business_zone},
 * {@code business_day_start}–{@code business_day_end}, {@code business_days}; 24 h is three 8-hour days). An email
 * is not an answer to a demo request.
 */
public final class DemoRequestUnansweredTrigger extends ResponseDueTrigger {

    private static final long serialVersionUID = 1L;

    public DemoRequestUnansweredTrigger(TriggerCatalog catalog) {
        super(catalog, TriggerType.DEMO_REQUEST_UNANSWERED);
    }

    @Override
    protected boolean isRequest(LeadMark mark) {
        return mark.kind() == LeadMarkKind.ENGAGEMENT && EventType.DEMO_REQUESTED.wireName().equals(mark.eventType());
    }

    @Override
    protected boolean isAnswer(LeadMark mark) {
        return mark.kind() == LeadMarkKind.REP_TOUCH && (EventType.CALL_LOGGED.wireName().equals(mark.eventType())
                || EventType.MEETING_LOGGED.wireName().equals(mark.eventType()));
    }

    @Override
    protected Duration responseTime(TriggerSettings settings, BusinessCalendar calendar) {
        return Duration.ofHours(settings.integer(TriggerParams.RESPONSE_BUSINESS_HOURS));
    }
}
