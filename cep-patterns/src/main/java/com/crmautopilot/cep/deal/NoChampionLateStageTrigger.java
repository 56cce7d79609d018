package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.TriggerType;

import java.util.Map;

/**
 * {@code no_champion_late_stage}: a deal at {@code stage} (negotiation) or later with no contact added in the
 * champion role, {@code delay} after it got there. The episode starts when the deal reached the stage; a champion
 * being added clears it, as does falling back to an earlier stage.
 */
public final class NoChampionLateStageTrigger extends LateStageTrigger {

    public static final TriggerType TYPE = TriggerType.NO_CHAMPION_LATE_STAGE;
    static final int SLOT = 4;

    private NoChampionLateStageTrigger(boolean enabled, int stageRank, long delay) {
        super(TYPE, SLOT, enabled, stageRank, delay);
    }

    public static NoChampionLateStageTrigger from(TriggerSettings settings) {
        return new NoChampionLateStageTrigger(settings.enabled(),
                DealStages.requireRank(settings.text("stage"), TYPE.wireName() + ".stage"),
                settings.duration("delay").toMillis());
    }

    @Override
    boolean lacking(DealState deal) {
        return !deal.hasChampion;
    }

    @Override
    public Map<String, String> facts(DealState deal, long now, StageMedians medians) {
        Map<String, String> facts = DealFacts.base(deal);
        facts.put("engaged_contacts", Integer.toString(deal.engagedContacts.length));
        facts.put("days_in_stage", DealFacts.days(now - reachedAt(deal)));
        return facts;
    }
}
