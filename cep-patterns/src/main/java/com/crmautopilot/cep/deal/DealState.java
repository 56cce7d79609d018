package com.crmautopilot.cep.deal;

import java.util.Arrays;

/**
 * Everything the deal triggers keep for one opportunity, in ONE value state. A Flink POJO (public no-arg
 * constructor, public fields of strings, boxed or primitive values and primitive arrays), so savepoints restore
 * through POJO schema evolution: fields may be added or removed between versions, never renamed or retyped.
 * Collections are small capped primitive arrays, so the state of a deal has a fixed upper size. Times are epoch
 * millis of event time; {@link #NEVER} means unknown or not happened.
 *
 * <p>The rules that change it live in {@link DealStateUpdater}; the trigger rules only read it.
 */
public class DealState {

    public static final long NEVER = Long.MIN_VALUE;
    /** Activities kept (the newest); a trigger's activity threshold above this is refused at config load. */
    public static final int MAX_ACTIVITIES = 16;
    /** Engaged contacts remembered; rules only ask "how many, up to a few". */
    public static final int MAX_CONTACTS = 8;
    public static final int MAX_COMPETITORS = 5;

    public String tenantId;
    public String opportunityId;
    public String name;
    public String ownerId;
    /** True once the owner came from {@code opportunity.created}; an envelope's user then no longer replaces it. */
    public boolean ownerFromPayload;
    public Double amount;
    public long amountSetAt = NEVER;

    /** The earliest event time seen: the deal's creation when its {@code opportunity.created} was seen. */
    public long firstSeenAt = NEVER;
    /** The newest event time seen: the deal's clock. */
    public long asOf = NEVER;

    public String stage;
    public long stageEnteredAt = NEVER;
    /**
     * When each ranked stage ({@link DealStages#ORDER}) was entered on the deal's current forward path, or
     * {@link #NEVER}; moving back to an earlier stage forgets the later ones.
     */
    public long[] stageReachedAt = newStageMarks();

    public Long closeEpochDay;
    public long closeDateSetAt = NEVER;

    /** The newest activity times, ascending, at most {@link #MAX_ACTIVITIES}. */
    public long[] activityTimes = new long[0];
    public long lastActivityAt = NEVER;

    public String[] engagedContacts = new String[0];
    public boolean hasChampion;
    /** Distinct competitors in the order first noted. */
    public String[] competitors = new String[0];
    /** When the newest distinct competitor was first noted. */
    public long competitorNotedAt = NEVER;

    /** Per trigger slot ({@link DealTrigger#slot()}): the start of the episode fired and not yet cleared, or NEVER. */
    public long[] activeEpisodes = newEpisodes();

    /** Won or lost: only a tombstone remains until the cleanup timer drops it. */
    public boolean closed;
    public long closedAt = NEVER;

    /** The one event-time timer registered for this deal, or null. */
    public Long timerAt;

    public DealState() {
    }

    static DealState of(String tenantId, String opportunityId) {
        DealState state = new DealState();
        state.tenantId = tenantId;
        state.opportunityId = opportunityId;
        return state;
    }

    static long[] newEpisodes() {
        long[] episodes = new long[DealTrigger.SLOTS];
        Arrays.fill(episodes, NEVER);
        return episodes;
    }

    static long[] newStageMarks() {
        long[] marks = new long[DealStages.ORDER.size()];
        Arrays.fill(marks, NEVER);
        return marks;
    }

    public int stageRank() {
        return DealStages.rank(stage);
    }

    /**
     * Since when the deal has been at {@code rank} or beyond without interruption, or {@link #NEVER} if it is not
     * there now.
     */
    public long atOrBeyondSince(int rank) {
        int current = stageRank();
        if (rank < 0 || current < rank) {
            return NEVER;
        }
        long since = NEVER;
        for (int r = rank; r <= current; r++) {
            if (stageReachedAt[r] != NEVER && (since == NEVER || stageReachedAt[r] < since)) {
                since = stageReachedAt[r];
            }
        }
        return since;
    }
}
