package com.crmautopilot.cep.deal;

import com.crmautopilot.models.suggest.TriggerType;

/**
 * What every deal trigger carries besides its decision: its type, its slot in {@link DealState#activeEpisodes}
 * (fixed, because savepoints hold the slots) and whether the tenant's settings switch it on. Kept here so that a
 * trigger class is only its parameters and its decision.
 */
abstract class ConfiguredDealTrigger implements DealTrigger {

    private final TriggerType type;
    private final int slot;
    private final boolean enabled;

    ConfiguredDealTrigger(TriggerType type, int slot, boolean enabled) {
        this.type = type;
        this.slot = slot;
        this.enabled = enabled;
    }

    @Override
    public final TriggerType type() {
        return type;
    }

    @Override
    public final int slot() {
        return slot;
    }

    @Override
    public final boolean enabled() {
        return enabled;
    }

    /**
     * The {@link #nextChange} of a situation that starts once a deadline passes: the deadline while it is still
     * ahead of {@code now}, after that {@link #NO_CHANGE} (time alone cannot end it).
     */
    static long untilPassed(long deadline, long now) {
        return deadline > now ? deadline : NO_CHANGE;
    }
}
