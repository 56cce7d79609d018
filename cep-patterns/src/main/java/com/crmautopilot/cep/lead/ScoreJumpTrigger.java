package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.condense.LeadMark;
import com.crmautopilot.cep.condense.LeadMarkKind;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerParams;
import com.crmautopilot.cep.config.TriggerSettings;
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
 * {@code score_jump}: the lead's score rose {@code min_points} (20) or more within {@code window} (24 h), from the
 * lead-score stream. The state is a sliding-window minimum: (time, score) pairs whose scores rise with time, since
 * an older score at or above a newer one can never again be the window's minimum. That keeps it to a few pairs.
 * The episode is the time of the minimum the jump is measured from, so one rise is one suggestion; the key's timer
 * clears the window one window after the last score.
 */
public final class ScoreJumpTrigger extends SlidingWindowTrigger {

    private static final long serialVersionUID = 1L;

    /** Interleaved time, score pairs; times ascending, scores strictly ascending. */
    private transient ValueState<long[]> minima;
    private transient ValueState<Long> firedEpisode;

    public ScoreJumpTrigger(TriggerCatalog catalog) {
        super(catalog, TriggerType.SCORE_JUMP);
    }

    @Override
    protected boolean acceptsSignal(LeadMark mark) {
        return mark.kind() == LeadMarkKind.TIER_CHANGE;
    }

    /** Its deadline (the window's cleanup) follows the score stream, whose marks are its signals. */
    @Override
    protected boolean keepsTimeWith(LeadMark mark) {
        return mark.kind().fromScores();
    }

    @Override
    protected void openTrigger() {
        minima = state("window-minima", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
        firedEpisode = state("fired-episode", Types.LONG);
    }

    @Override
    protected void onMark(LeadMark mark, LeadEntry who, TriggerSettings settings, ReadOnlyContext ctx,
                          Collector<SuggestionCandidate> out) throws Exception {
        if ((mark.kind() != LeadMarkKind.SCORE && mark.kind() != LeadMarkKind.TIER_CHANGE) || mark.score() == null) {
            return;
        }
        long window = settings.duration(TriggerParams.WINDOW).toMillis();
        long[] stored = minima.value();
        long[] pairs = stored == null ? new long[0] : stored;
        int from = 0;
        while (from < pairs.length && pairs[from] <= mark.at() - window) {
            from += 2;
        }
        if (from < pairs.length) {
            long minAt = pairs[from];
            long minScore = pairs[from + 1];
            Long fired = firedEpisode.value();
            if (mark.score() - minScore >= settings.integer(TriggerParams.MIN_POINTS)
                    && (fired == null || fired != minAt)) {
                Map<String, String> facts = new TreeMap<>();
                facts.put("points", Long.toString(mark.score() - minScore));
                facts.put("from_score", Long.toString(minScore));
                facts.put("to_score", Integer.toString(mark.score()));
                facts.put("hours", Long.toString((mark.at() - minAt) / 3_600_000L));
                out.collect(candidate(who, mark.at(), minAt, facts));
                firedEpisode.update(minAt);
            }
        }
        int to = pairs.length;
        while (to > from && pairs[to - 1] >= mark.score()) {
            to -= 2;
        }
        long[] next = Arrays.copyOf(Arrays.copyOfRange(pairs, from, to), to - from + 2);
        next[next.length - 2] = mark.at();
        next[next.length - 1] = mark.score();
        minima.update(next);
        scheduleNoLaterThan(ctx, mark.at() + window);
    }

    /** One window after the newest score: every pair kept has left the window by then. */
    @Override
    protected long stateEnd(long window) throws Exception {
        long[] pairs = minima.value();
        return pairs == null || pairs.length == 0 ? Long.MIN_VALUE : pairs[pairs.length - 2] + window;
    }

    @Override
    protected void clearTrigger() {
        minima.clear();
        firedEpisode.clear();
    }
}
