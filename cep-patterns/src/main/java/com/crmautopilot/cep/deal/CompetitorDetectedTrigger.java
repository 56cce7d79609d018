package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.TriggerType;

import java.util.Map;

/**
 * {@code competitor_detected}: a competitor was noted on an open deal. Each newly named competitor starts a new
 * episode (its candidate names all competitors so far and replaces the previous one, which is cleared); the same
 * competitor noted again is not news. Closing the deal clears it.
 */
public final class CompetitorDetectedTrigger extends ConfiguredDealTrigger {

    public static final TriggerType TYPE = TriggerType.COMPETITOR_DETECTED;
    static final int SLOT = 5;

    private CompetitorDetectedTrigger(boolean enabled) {
        super(TYPE, SLOT, enabled);
    }

    public static CompetitorDetectedTrigger from(TriggerSettings settings) {
        return new CompetitorDetectedTrigger(settings.enabled());
    }

    @Override
    public Long episodeStart(DealState deal, long now, StageMedians medians) {
        return deal.competitors.length == 0 ? null : deal.competitorNotedAt;
    }

    @Override
    public long nextChange(DealState deal, long now, StageMedians medians) {
        return NO_CHANGE;
    }

    @Override
    public Map<String, String> facts(DealState deal, long now, StageMedians medians) {
        Map<String, String> facts = DealFacts.base(deal);
        facts.put("competitor", deal.competitors[deal.competitors.length - 1]);
        facts.put("competitors", String.join(", ", deal.competitors));
        return facts;
    }

    @Override
    public boolean restartsOnNewStart() {
        return true;
    }
}
