package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.TriggerType;

import java.util.Map;

/**
 * {@code no_champion_late_stage}: a deal at {@code stage} (negotiation) or later with no contact added in the
 * champion role, {@code delay} after it got there. The episode starts when the deal reached the stage; a champion
 * being added clears it, as does falling back to an earlier stage.
 */
public final class NoChampionLateStageTrigger implements DealTrigger {

    public static final TriggerType TYPE = TriggerType.NO_CHAMPION_LATE_STAGE;
    static final int SLOT = 4;

    private final boolean enabled;
    private final int stageRank;
    private final long delay;

    private NoChampionLateStageTrigger(boolean enabled, int stageRank, long delay) {
        this.enabled = enabled;
        this.stageRank = stageRank;
        this.delay = delay;
    }

    public static TriggerSettings defaults() {
        return new TriggerSettings(TYPE.wireName(), true, Map.of("stage", "negotiation", "delay", "1d"));
    }

    public static NoChampionLateStageTrigger from(TriggerSettings settings) {
        return new NoChampionLateStageTrigger(settings.enabled(),
                DealStages.requireRank(settings.text("stage"), TYPE.wireName() + ".stage"),
                settings.duration("delay").toMillis());
    }

    @Override
    public TriggerType type() {
        return TYPE;
    }

    @Override
    public int slot() {
        return SLOT;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public Long episodeStart(DealState deal, long now, StageMedians medians) {
        long since = deal.atOrBeyondSince(stageRank);
        if (since == DealState.NEVER || now < since + delay || deal.hasChampion) {
            return null;
        }
        return since;
    }

    @Override
    public long nextChange(DealState deal, long now, StageMedians medians) {
        long since = deal.atOrBeyondSince(stageRank);
        return since != DealState.NEVER && since + delay > now ? since + delay : NO_CHANGE;
    }

    @Override
    public Map<String, String> facts(DealState deal, long now, StageMedians medians) {
        Map<String, String> facts = DealFacts.base(deal);
        facts.put("engaged_contacts", Integer.toString(deal.engagedContacts.length));
        facts.put("days_in_stage", DealFacts.days(now - deal.atOrBeyondSince(stageRank)));
        return facts;
    }
}
