package com.crmautopilot.cep.deal;

import java.util.Arrays;

/**
 * Folds {@link DealSignal}s into a {@link DealState}. Order-tolerant where it matters: each attribute remembers when
 * it was set, so a stage change, close-date move or amount change that arrives after a newer one cannot overwrite it.
 */
final class DealStateUpdater {

    private DealStateUpdater() {
    }

    static void apply(DealState s, DealSignal x) {
        s.asOf = Math.max(s.asOf, x.at());
        s.firstSeenAt = s.firstSeenAt == DealState.NEVER ? x.at() : Math.min(s.firstSeenAt, x.at());
        switch (x.kind()) {
            case CREATED -> {
                if (x.name() != null) {
                    s.name = x.name();
                }
                if (x.ownerId() != null) {
                    s.ownerId = x.ownerId();
                    s.ownerFromPayload = true;
                }
                setAmount(s, x.amount(), x.at());
                setCloseDate(s, x.closeEpochDay(), x.at());
                // A stage change seen before the creation (out of order) is newer: it wins.
                if (s.stageEnteredAt == DealState.NEVER) {
                    enterStage(s, x.stage(), x.at());
                }
            }
            case STAGE_CHANGED -> {
                if (x.at() >= s.stageEnteredAt) {
                    enterStage(s, x.stage(), x.at());
                }
            }
            case CLOSE_DATE_CHANGED -> setCloseDate(s, x.closeEpochDay(), x.at());
            case AMOUNT_CHANGED -> setAmount(s, x.amount(), x.at());
            case CONTACT_ADDED -> {
                engage(s, x.contactId());
                if ("champion".equals(x.role())) {
                    s.hasChampion = true;
                }
            }
            case COMPETITOR_NOTED -> noteCompetitor(s, x.competitor(), x.at());
            case ONE_WAY_TOUCH -> recordActivity(s, x.at());
            case TWO_WAY_TOUCH -> {
                recordActivity(s, x.at());
                engage(s, x.contactId());
            }
            case CLOSED_WON, CLOSED_LOST -> {
                s.closed = true;
                s.closedAt = x.at();
            }
        }
        if (!s.ownerFromPayload && x.userId() != null && !x.kind().isActivity()) {
            s.ownerId = x.userId();
        }
    }

    /** Drops everything but the identity and the close: the tombstone that keeps late events from reopening it. */
    static void toTombstone(DealState s) {
        s.name = null;
        s.ownerId = null;
        s.amount = null;
        s.stage = null;
        s.stageReachedAt = DealState.newStageMarks();
        s.closeEpochDay = null;
        s.activityTimes = new long[0];
        s.engagedContacts = new String[0];
        s.competitors = new String[0];
        s.activeEpisodes = DealState.newEpisodes();
    }

    private static void enterStage(DealState s, String stage, long at) {
        if (stage == null) {
            return;
        }
        if (!stage.equals(s.stage)) {
            int rank = DealStages.rank(stage);
            for (int r = Math.max(rank + 1, 0); r < s.stageReachedAt.length; r++) {
                s.stageReachedAt[r] = DealState.NEVER;
            }
            if (rank >= 0 && s.stageReachedAt[rank] == DealState.NEVER) {
                s.stageReachedAt[rank] = at;
            }
            if (rank < 0) {
                Arrays.fill(s.stageReachedAt, DealState.NEVER);
            }
            s.stage = stage;
        }
        s.stageEnteredAt = at;
    }

    private static void setCloseDate(DealState s, Long epochDay, long at) {
        if (epochDay != null && at >= s.closeDateSetAt) {
            s.closeEpochDay = epochDay;
            s.closeDateSetAt = at;
        }
    }

    private static void setAmount(DealState s, Double amount, long at) {
        if (amount != null && at >= s.amountSetAt) {
            s.amount = amount;
            s.amountSetAt = at;
        }
    }

    private static void recordActivity(DealState s, long at) {
        long[] times = s.activityTimes;
        int position = Arrays.binarySearch(times, at);
        int insertAt = position >= 0 ? position : -position - 1;
        long[] grown = new long[times.length + 1];
        System.arraycopy(times, 0, grown, 0, insertAt);
        grown[insertAt] = at;
        System.arraycopy(times, insertAt, grown, insertAt + 1, times.length - insertAt);
        s.activityTimes = grown.length > DealState.MAX_ACTIVITIES
                ? Arrays.copyOfRange(grown, grown.length - DealState.MAX_ACTIVITIES, grown.length) : grown;
        s.lastActivityAt = Math.max(s.lastActivityAt, at);
    }

    private static void engage(DealState s, String contactId) {
        if (contactId == null || s.engagedContacts.length >= DealState.MAX_CONTACTS) {
            return;
        }
        for (String known : s.engagedContacts) {
            if (known.equals(contactId)) {
                return;
            }
        }
        s.engagedContacts = append(s.engagedContacts, contactId);
    }

    private static void noteCompetitor(DealState s, String competitor, long at) {
        if (competitor == null || competitor.isBlank()) {
            return;
        }
        for (String known : s.competitors) {
            if (known.equalsIgnoreCase(competitor)) {
                return;
            }
        }
        if (s.competitors.length < DealState.MAX_COMPETITORS) {
            s.competitors = append(s.competitors, competitor);
            s.competitorNotedAt = Math.max(s.competitorNotedAt, at);
        }
    }

    private static String[] append(String[] values, String value) {
        String[] grown = Arrays.copyOf(values, values.length + 1);
        grown[values.length] = value;
        return grown;
    }
}
