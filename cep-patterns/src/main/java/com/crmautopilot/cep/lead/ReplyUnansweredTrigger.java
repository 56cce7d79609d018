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
 * {@code reply_unanswered}: the lead replied to us and no rep sent anything back (an email that is not a campaign
 * send, a call, a meeting) within {@code response_business_days} (1) business days. A business day is the
 * calendar's working-day length, so a reply at Tuesday 14:00 is due Wednesday 14:00, and one on Saturday is due
 * Monday at the end of the day.
 */
public final class ReplyUnansweredTrigger extends ResponseDueTrigger {

    private static final long serialVersionUID = 1L;

    public ReplyUnansweredTrigger(TriggerCatalog catalog) {
        super(catalog, TriggerType.REPLY_UNANSWERED);
    }

    @Override
    protected boolean isRequest(LeadMark mark) {
        return mark.kind() == LeadMarkKind.ENGAGEMENT && EventType.EMAIL_REPLIED.wireName().equals(mark.eventType());
    }

    @Override
    protected boolean isAnswer(LeadMark mark) {
        return mark.kind() == LeadMarkKind.REP_TOUCH;
    }

    @Override
    protected Duration responseTime(TriggerSettings settings, BusinessCalendar calendar) {
        return calendar.businessDay().multipliedBy(settings.integer(TriggerParams.RESPONSE_BUSINESS_DAYS));
    }
}
