package com.crmautopilot.cep.deal;

import com.crmautopilot.models.suggest.TriggerType;

import java.util.Map;

/**
 * The decision of one deal trigger, configured for one tenant: given a deal's state and the time, does its situation
 * hold, since when, and when could the answer next change by time alone. Implementations are immutable, parse their
 * parameters once when built, and keep no state of their own, so one operator evaluates all six on one deal state
 * with one timer.
 */
public interface DealTrigger {

    /** Slots in {@link DealState#activeEpisodes}; fixed per trigger, because savepoints hold them. */
    int SLOTS = 6;

    long NO_CHANGE = Long.MAX_VALUE;

    TriggerType type();

    /** The index of this trigger's episode in {@link DealState#activeEpisodes}. */
    int slot();

    boolean enabled();

    /**
     * The start of the episode that holds at {@code now} (a stable, replay-safe time derived from the deal's
     * history, the episode id's seed), or null when the situation does not hold. Called only for open deals.
     */
    Long episodeStart(DealState deal, long now, StageMedians medians);

    /** The earliest time after {@code now} at which {@link #episodeStart} could change without a new event. */
    long nextChange(DealState deal, long now, StageMedians medians);

    /** Evidence for the text templates, beyond the {@link DealFacts#base base facts}. */
    Map<String, String> facts(DealState deal, long now, StageMedians medians);

    /**
     * True when a new episode start while one is active is news (a second competitor): the old candidate is cleared
     * and a new one fired. Otherwise an active episode runs on while the situation holds.
     */
    default boolean restartsOnNewStart() {
        return false;
    }

    /** The tenant's median stay per stage, from completed stays, or null until enough were seen. */
    @FunctionalInterface
    interface StageMedians {
        StageMedians NONE = stage -> null;

        Long medianMillis(String stage);
    }
}
