package com.crmautopilot.cep.condense;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.AccountUpdated;
import com.crmautopilot.models.event.payload.OpportunityCreated;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Condenses validated events into {@link AccountMark}s: touches on an account, its profile, and its deals opening
 * and closing. Events without an account id are dropped (a deal event is expected to carry its account, as
 * {@code opportunity.created} must). One event can give two marks: a deal closing is both a touch and a close.
 * Heartbeats are dropped as records; their time travels as watermarks (see {@link LeadMarks}).
 */
public final class AccountMarks implements FlatMapFunction<CrmEvent, AccountMark> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(CrmEvent event, Collector<AccountMark> out) {
        if (event.accountId() == null) {
            return;
        }
        EventType type = EventType.fromWireName(event.type()).orElse(null);
        if (type == null) {
            return;
        }
        String tenant = event.tenantId();
        String account = event.accountId();
        long at = event.timestampMillis();
        switch (type) {
            case ACCOUNT_UPDATED -> {
                AccountUpdated p = event.payloadAs(AccountUpdated.class);
                out.collect(new AccountMark(tenant, account, AccountMarkKind.PROFILE, type.wireName(), event.userId(),
                        at, null, p.name(), p.ownerId() != null ? p.ownerId() : event.userId(),
                        p.annualRevenue() != null, p.industry() != null && !p.industry().isBlank(),
                        p.employeeCount() != null));
            }
            case OPPORTUNITY_CREATED -> {
                OpportunityCreated p = event.payloadAs(OpportunityCreated.class);
                out.collect(touch(event, type));
                out.collect(new AccountMark(tenant, account, AccountMarkKind.OPPORTUNITY_OPENED, type.wireName(),
                        event.userId(), at, event.opportunityId(), p.name(),
                        p.ownerId() != null ? p.ownerId() : event.userId(), false, false, false));
            }
            case OPPORTUNITY_CLOSED_WON, OPPORTUNITY_CLOSED_LOST -> {
                out.collect(touch(event, type));
                out.collect(new AccountMark(tenant, account, AccountMarkKind.OPPORTUNITY_CLOSED, type.wireName(),
                        event.userId(), at, event.opportunityId(), null, null, false, false, false));
            }
            // Deliveries and bounces follow a send automatically; an unsubscribe is not engagement.
            case EMAIL_DELIVERED, EMAIL_BOUNCED, EMAIL_UNSUBSCRIBED -> { }
            default -> {
                if (isTouch(type) && !(type == EventType.EMAIL_SENT && event.campaignId() != null)) {
                    out.collect(touch(event, type));
                }
            }
        }
    }

    private static boolean isTouch(EventType type) {
        return switch (type.category()) {
            case OUTBOUND, ENGAGEMENT, OPPORTUNITY -> true;
            default -> false;
        };
    }

    private static AccountMark touch(CrmEvent event, EventType type) {
        return AccountMark.touch(event.tenantId(), event.accountId(), type.wireName(),
                type.category() == EventType.Category.ENGAGEMENT ? null : event.userId(), event.timestampMillis(),
                event.opportunityId());
    }
}
