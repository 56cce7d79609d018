package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.TriggerType;

import java.util.Map;

/**
 * {@code close_date_passed}: an open deal whose close date is behind it, by more than {@code grace} after the end of
 * the close day (UTC; the grace covers owners west of UTC, whose day ends later). The episode is the close date
 * that passed: moving the close date into the future clears it, and a later date that passes again is a new one.
 */
public final class CloseDatePassedTrigger extends ConfiguredDealTrigger {

    public static final TriggerType TYPE = TriggerType.CLOSE_DATE_PASSED;
    static final int SLOT = 2;

    private final long grace;

    private CloseDatePassedTrigger(boolean enabled, long grace) {
        super(TYPE, SLOT, enabled);
        this.grace = grace;
    }

    public static CloseDatePassedTrigger from(TriggerSettings settings) {
        return new CloseDatePassedTrigger(settings.enabled(), settings.duration("grace").toMillis());
    }

    @Override
    public Long episodeStart(DealState deal, long now, StageMedians medians) {
        if (deal.closeEpochDay == null) {
            return null;
        }
        long due = DealFacts.closeDayEnd(deal.closeEpochDay);
        return now >= due + grace ? due : null;
    }

    @Override
    public long nextChange(DealState deal, long now, StageMedians medians) {
        if (deal.closeEpochDay == null) {
            return NO_CHANGE;
        }
        return untilPassed(DealFacts.closeDayEnd(deal.closeEpochDay) + grace, now);
    }

    @Override
    public Map<String, String> facts(DealState deal, long now, StageMedians medians) {
        Map<String, String> facts = DealFacts.base(deal);
        facts.put("days_overdue", DealFacts.days(now - DealFacts.closeDayEnd(deal.closeEpochDay)));
        return facts;
    }
}
