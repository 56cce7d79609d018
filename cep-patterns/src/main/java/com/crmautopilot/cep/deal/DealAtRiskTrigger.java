package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.TriggerType;

import java.util.Map;

/**
 * {@code deal_at_risk}: the close date is within {@code horizon} and the deal had fewer than {@code min_activities}
 * touches (calls, meetings, emails, replies) in the last {@code window}. Deals younger than {@code min_deal_age}
 * are not judged: a new deal has had no time to be worked.
 *
 * <p>The episode starts at the latest of: the close date entering the horizon, the deal reaching the minimum age,
 * and the activity count dropping below the threshold (the {@code min_activities}-th newest touch leaving the
 * window). New touches that bring the count back up clear it; so does the close date moving out of the horizon or
 * passing (then {@code close_date_passed} takes over).
 */
public final class DealAtRiskTrigger extends ConfiguredDealTrigger {

    public static final TriggerType TYPE = TriggerType.DEAL_AT_RISK;
    static final int SLOT = 0;

    private final long horizon;
    private final long window;
    private final int minActivities;
    private final long minDealAge;

    private DealAtRiskTrigger(boolean enabled, long horizon, long window, int minActivities, long minDealAge) {
        super(TYPE, SLOT, enabled);
        this.horizon = horizon;
        this.window = window;
        this.minActivities = minActivities;
        this.minDealAge = minDealAge;
    }

    public static DealAtRiskTrigger from(TriggerSettings settings) {
        int minActivities = settings.integer("min_activities");
        if (minActivities < 1 || minActivities > DealState.MAX_ACTIVITIES) {
            throw new IllegalArgumentException(TYPE.wireName() + ": min_activities must be 1.."
                    + DealState.MAX_ACTIVITIES + ", was " + minActivities);
        }
        return new DealAtRiskTrigger(settings.enabled(), settings.duration("horizon").toMillis(),
                settings.duration("window").toMillis(), minActivities, settings.duration("min_deal_age").toMillis());
    }

    @Override
    public Long episodeStart(DealState deal, long now, StageMedians medians) {
        if (deal.closeEpochDay == null || deal.firstSeenAt == DealState.NEVER) {
            return null;
        }
        long due = DealFacts.closeDayEnd(deal.closeEpochDay);
        long entersHorizon = due - horizon;
        long oldEnough = deal.firstSeenAt + minDealAge;
        long lowSince = lowSince(deal);
        if (now >= due || now < entersHorizon || now < oldEnough || now < lowSince) {
            return null;
        }
        return Math.max(entersHorizon, Math.max(oldEnough, lowSince));
    }

    @Override
    public long nextChange(DealState deal, long now, StageMedians medians) {
        if (deal.closeEpochDay == null || deal.firstSeenAt == DealState.NEVER) {
            return NO_CHANGE;
        }
        long due = DealFacts.closeDayEnd(deal.closeEpochDay);
        long next = NO_CHANGE;
        for (long at : new long[] {due - horizon, deal.firstSeenAt + minDealAge, lowSince(deal), due}) {
            if (at > now && at < next) {
                next = at;
            }
        }
        return next;
    }

    @Override
    public Map<String, String> facts(DealState deal, long now, StageMedians medians) {
        Map<String, String> facts = DealFacts.base(deal);
        facts.put("activities_in_window", Integer.toString(activitiesSince(deal, now - window)));
        facts.put("window_days", DealFacts.days(window));
        facts.put("days_to_close", Long.toString(deal.closeEpochDay - Math.floorDiv(now, DealFacts.DAY)));
        if (deal.lastActivityAt != DealState.NEVER) {
            facts.put("last_activity_at", DealFacts.instant(deal.lastActivityAt));
        }
        return facts;
    }

    /**
     * Since when fewer than {@code min_activities} touches fall in the window: the moment the
     * {@code min_activities}-th newest touch leaves it ({@link DealState#NEVER}: there were never that many).
     */
    private long lowSince(DealState deal) {
        int n = deal.activityTimes.length;
        return n < minActivities ? DealState.NEVER : deal.activityTimes[n - minActivities] + window;
    }

    private static int activitiesSince(DealState deal, long exclusiveStart) {
        int count = 0;
        for (long at : deal.activityTimes) {
            if (at > exclusiveStart) {
                count++;
            }
        }
        return count;
    }
}
