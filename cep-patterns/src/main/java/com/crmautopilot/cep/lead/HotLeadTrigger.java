package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.condense.LeadMark;
import com.crmautopilot.cep.condense.LeadMarkKind;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerParams;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.scoring.Tier;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code hot_lead}: an engagement burst ({@code min_engagements}, 3, of {@code engagement_types} — opens, clicks,
 * visits — within {@code window}, 24 h), or the lead entering the hot tier ({@code fire_on_hot_tier}). A sliding
 * count over keyed state: only the last {@code min_engagements} times are kept, so the state is a few longs. After
 * a burst fires, the lead stays quiet for one window so a continuing burst is one suggestion; the key's timer
 * clears the burst state one window after its last engagement (an early timer re-registers instead of being
 * moved on every engagement). Converted or disqualified leads never fire.
 */
public final class HotLeadTrigger extends SlidingWindowTrigger {

    private static final long serialVersionUID = 1L;

    /** Times of the recent burst engagements, ascending, at most {@code min_engagements}. */
    private transient ValueState<long[]> recent;
    /** No burst fires before this time (one window after the last burst fired). */
    private transient ValueState<Long> quietUntil;

    public HotLeadTrigger(TriggerCatalog catalog) {
        super(catalog, TriggerType.HOT_LEAD);
    }

    @Override
    protected boolean acceptsSignal(LeadMark mark) {
        return mark.kind() == LeadMarkKind.ENGAGEMENT || mark.kind() == LeadMarkKind.TIER_CHANGE;
    }

    @Override
    protected void openTrigger() {
        recent = state("recent-engagements", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
        quietUntil = state("quiet-until", Types.LONG);
    }

    @Override
    protected void onMark(LeadMark mark, LeadEntry who, TriggerSettings settings, ReadOnlyContext ctx,
                          Collector<SuggestionCandidate> out) throws Exception {
        if (mark.kind() == LeadMarkKind.TIER_CHANGE) {
            if (Boolean.parseBoolean(settings.text(TriggerParams.FIRE_ON_HOT_TIER))
                    && Tier.HOT.wireName().equals(mark.tier()) && !Tier.HOT.wireName().equals(mark.previousTier())) {
                Map<String, String> facts = new TreeMap<>();
                facts.put("reason", "entered_hot_tier");
                facts.put("previous_tier", String.valueOf(mark.previousTier()));
                facts.put("score", String.valueOf(mark.score()));
                out.collect(candidate(who, mark.at(), mark.at(), facts));
            }
            return;
        }
        if (mark.kind() != LeadMarkKind.ENGAGEMENT
                || !settings.list(TriggerParams.ENGAGEMENT_TYPES).contains(mark.eventType())) {
            return;
        }
        int needed = settings.integer(TriggerParams.MIN_ENGAGEMENTS);
        long window = settings.duration(TriggerParams.WINDOW).toMillis();
        long[] times = insert(recent.value(), mark.at(), needed);
        long newest = times[times.length - 1];
        int inWindow = 0;
        for (long t : times) {
            if (t > newest - window) {
                inWindow++;
            }
        }
        long[] kept = Arrays.copyOfRange(times, times.length - inWindow, times.length);
        recent.update(kept);
        Long quiet = quietUntil.value();
        boolean fires = kept.length >= needed && (quiet == null || mark.at() >= quiet);
        if (fires) {
            Map<String, String> facts = new TreeMap<>();
            facts.put("reason", "engagement_burst");
            facts.put("engagements", Integer.toString(kept.length));
            facts.put("window_hours", Long.toString(window / 3_600_000L));
            facts.put("last_engagement_type", mark.eventType());
            facts.put("burst_started_at", instant(kept[0]));
            out.collect(candidate(who, mark.at(), kept[0], facts));
            quiet = mark.at() + window;
            quietUntil.update(quiet);
        }
        scheduleNoLaterThan(ctx, burstEnd(kept, quiet, window));
    }

    /** One window after the newest engagement, and not before the quiet period ends: then the burst is over. */
    @Override
    protected long stateEnd(long window) throws Exception {
        return burstEnd(recent.value(), quietUntil.value(), window);
    }

    private static long burstEnd(long[] times, Long quiet, long window) {
        long end = times == null || times.length == 0 ? Long.MIN_VALUE : times[times.length - 1] + window;
        return Math.max(end, quiet == null ? Long.MIN_VALUE : quiet);
    }

    /** {@code times} with {@code at} inserted in order, keeping the newest {@code max}. */
    private static long[] insert(long[] times, long at, int max) {
        long[] base = times == null ? new long[0] : times;
        long[] all = Arrays.copyOf(base, base.length + 1);
        all[base.length] = at;
        Arrays.sort(all);
        return all.length <= max ? all : Arrays.copyOfRange(all, all.length - max, all.length);
    }

    @Override
    protected void clearTrigger() {
        recent.clear();
        quietUntil.clear();
    }
}
