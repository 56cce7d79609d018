package com.crmautopilot.cep.deal;

import com.crmautopilot.models.suggest.TriggerType;

/**
 * A deal at some stage or later that lacks something it should have by then, judged {@code delay} after it got
 * there (what makes it right, a champion or a further contact, is often logged just after the stage change). The
 * episode starts when the deal reached the stage: the lack being made good clears it, as does falling back to an
 * earlier stage, and reaching the stage again is a new episode.
 */
abstract class LateStageTrigger extends ConfiguredDealTrigger {

    private final int stageRank;
    private final long delay;

    LateStageTrigger(TriggerType type, int slot, boolean enabled, int stageRank, long delay) {
        super(type, slot, enabled);
        this.stageRank = stageRank;
        this.delay = delay;
    }

    /** Whether the deal lacks what this trigger looks for; the stage and the delay are checked already. */
    abstract boolean lacking(DealState deal);

    @Override
    public final Long episodeStart(DealState deal, long now, StageMedians medians) {
        long since = reachedAt(deal);
        if (since == DealState.NEVER || now < since + delay || !lacking(deal)) {
            return null;
        }
        return since;
    }

    @Override
    public final long nextChange(DealState deal, long now, StageMedians medians) {
        long since = reachedAt(deal);
        return since == DealState.NEVER ? NO_CHANGE : untilPassed(since + delay, now);
    }

    /** When the deal reached the stage (and has been at it or beyond since), or {@link DealState#NEVER}. */
    final long reachedAt(DealState deal) {
        return deal.atOrBeyondSince(stageRank);
    }
}
