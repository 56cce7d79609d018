package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.condense.LeadMark;
import com.crmautopilot.cep.condense.LeadMarkKind;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerOverrides;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.cep.config.TriggerStateTtl;
import com.crmautopilot.models.suggest.EntityKind;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The common frame of the lead triggers: keyed by tenant and lead over {@link LeadMark}s, with the tenant overrides
 * as broadcast state. It keeps the lead's {@link LeadEntry} (owner, name, score, the key's only timer, the close
 * tombstone) in one state value read once per mark, resolves the tenant's settings for each mark, and forgets the
 * situation when the lead is converted or disqualified.
 *
 * <p>A closed lead leaves only a tombstone (its close time), so events that straggle in after the close fire
 * nothing; the tombstone expires with the state TTL.
 *
 * <p>Every state of a subclass should be made with {@link #ttl()}: the timer-driven cleanup clears what the trigger
 * knows to be over, and the TTL (processing time, {@code state_ttl}) covers leads that simply stop.
 */
public abstract class LeadTrigger
        extends KeyedBroadcastProcessFunction<String, LeadMark, TriggerOverride, SuggestionCandidate> {

    private static final long serialVersionUID = 1L;
    protected static final long DAY = Duration.ofDays(1).toMillis();

    protected final TriggerCatalog catalog;
    protected final TriggerType type;

    private transient TriggerOverrides.Resolver resolver;
    private transient StateTtlConfig ttl;
    private transient ValueState<LeadEntry> entry;
    /** The key's entry while an element or timer is handled: read once, written back once if it changed. */
    private transient LeadEntry current;
    private transient boolean changed;

    protected LeadTrigger(TriggerCatalog catalog, TriggerType type) {
        this.catalog = catalog;
        this.type = type;
    }

    public TriggerType type() {
        return type;
    }

    /** Whether this trigger reads {@code mark}: the facade filters the lead stream with it before the keyBy. */
    public boolean accepts(LeadMark mark) {
        return switch (mark.kind()) {
            case CREATED, RENAMED, ASSIGNED, CLOSED, SCORE -> true;
            default -> acceptsSignal(mark);
        };
    }

    /** The trigger-specific marks (engagement, rep touches, tier changes) this trigger reads. */
    protected abstract boolean acceptsSignal(LeadMark mark);

    /**
     * Whether {@code mark} comes from the stream this trigger's deadlines follow, so that it may run an overdue
     * deadline before itself (see {@code catchUp}). The score topics are read apart from {@code crm.events}: after
     * downtime either can run days ahead of the other in event time. A mark from the stream ahead would run a
     * deadline before the marks of the other stream that would have moved or cancelled it (an inactivity deadline
     * before the engagement that ended the silence). Such deadlines wait for the watermark, which is the minimum of
     * both. Deadlines follow {@code crm.events} unless they are kept by score marks alone: {@code score_jump}'s
     * window overrides this. {@code lead_went_cold} keeps no deadline, and hot_lead's tier path none either (its
     * deadline is the engagement burst's).
     */
    protected boolean keepsTimeWith(LeadMark mark) {
        return !mark.kind().fromScores();
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        resolver = new TriggerOverrides.Resolver(catalog, type);
        ttl = TriggerStateTtl.of(resolver.defaults());
        entry = state("lead", TypeInformation.of(LeadEntry.class));
        openTrigger();
    }

    /** Creates the subclass's state, with {@link #state}. */
    protected abstract void openTrigger();

    protected <T> ValueState<T> state(String name, TypeInformation<T> typeInfo) {
        ValueStateDescriptor<T> descriptor = new ValueStateDescriptor<>(name, typeInfo);
        descriptor.enableTimeToLive(ttl);
        return getRuntimeContext().getState(descriptor);
    }

    protected StateTtlConfig ttl() {
        return ttl;
    }

    @Override
    public void processElement(LeadMark mark, ReadOnlyContext ctx, Collector<SuggestionCandidate> out)
            throws Exception {
        load();
        try {
            if (current != null && current.closedAt() != null) {
                return;
            }
            if (keepsTimeWith(mark)) {
                catchUp(mark.at(), ctx, out);
            }
            LeadEntry who = current != null ? current : LeadEntry.of(mark.tenantId(), mark.leadId());
            if (mark.kind() == LeadMarkKind.CLOSED) {
                onClosed(mark, who, ctx, out);
                cancelTimer(ctx);
                clearTrigger();
                set(who.closed(mark.at()));
                return;
            }
            LeadEntry updated = switch (mark.kind()) {
                case CREATED, RENAMED -> mark.name() == null ? who : who.withName(mark.name());
                case ASSIGNED -> who.withOwner(mark.ownerId());
                case SCORE, TIER_CHANGE -> mark.score() == null ? who : who.withScore(mark.score());
                default -> who;
            };
            if (!updated.equals(current)) {
                set(updated);
            }
            TriggerSettings settings = resolver.settings(ctx.getBroadcastState(TriggerOverrides.DESCRIPTOR),
                    mark.tenantId());
            if (!settings.enabled()) {
                // A disabled trigger keeps no pending situation, so enabling it later cannot fire a stale one.
                cancelTimer(ctx);
                clearTrigger();
                return;
            }
            onMark(mark, current, settings, ctx, out);
        } finally {
            store();
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SuggestionCandidate> out) throws Exception {
        load();
        try {
            if (current == null) {
                // The entry expired (TTL) under a pending timer: drop what the subclass still holds.
                clearTrigger();
                return;
            }
            if (current.timerAt() == null || current.timerAt() != timestamp) {
                return;
            }
            set(current.withTimer(null));
            deadline(timestamp, ctx, out);
        } finally {
            store();
        }
    }

    /**
     * Runs the key's deadline first when it lies before {@code at}: the watermark trails the records (it is
     * periodic and bounded by the out-of-orderness), so a mark can arrive after its key's deadline passed in event
     * time but before the timer fired. Handling the deadline first gives the same output whatever the watermark's
     * timing, which is what makes replays and backends agree. A deadline may schedule the next (a cleanup), hence
     * the loop; each step moves the timer forward.
     */
    private void catchUp(long at, ReadOnlyContext ctx, Collector<SuggestionCandidate> out) throws Exception {
        Long due = current == null ? null : current.timerAt();
        while (due != null && due < at) {
            ctx.timerService().deleteEventTimeTimer(due);
            set(current.withTimer(null));
            deadline(due, ctx, out);
            Long next = current == null ? null : current.timerAt();
            due = next != null && next > due ? next : null;
        }
    }

    private void deadline(long timestamp, ReadOnlyContext ctx, Collector<SuggestionCandidate> out) throws Exception {
        if (current == null || current.closedAt() != null) {
            clearTrigger();
            return;
        }
        TriggerSettings settings = resolver.settings(ctx.getBroadcastState(TriggerOverrides.DESCRIPTOR),
                current.tenantId());
        if (!settings.enabled()) {
            clearTrigger();
            return;
        }
        onDeadline(timestamp, current, settings, ctx, out);
    }

    private void load() throws Exception {
        current = entry.value();
        changed = false;
    }

    private void set(LeadEntry next) {
        current = next;
        changed = true;
    }

    private void store() throws Exception {
        if (changed) {
            if (current == null) {
                entry.clear();
            } else {
                entry.update(current);
            }
        }
        current = null;
    }

    @Override
    public void processBroadcastElement(TriggerOverride override, Context ctx, Collector<SuggestionCandidate> out)
            throws Exception {
        resolver.apply(ctx.getBroadcastState(TriggerOverrides.DESCRIPTOR), override);
    }

    /** A mark for an open lead whose trigger is enabled for its tenant. */
    protected abstract void onMark(LeadMark mark, LeadEntry who, TriggerSettings settings, ReadOnlyContext ctx,
                                   Collector<SuggestionCandidate> out) throws Exception;

    /** The key's timer fired (a deadline or a cleanup); the timer slot is already free. */
    protected void onDeadline(long timestamp, LeadEntry who, TriggerSettings settings, ReadOnlyContext ctx,
                              Collector<SuggestionCandidate> out) throws Exception {
        clearTrigger();
    }

    /** The lead closed: withdraw what is pending. The state is cleared right after. */
    protected abstract void onClosed(LeadMark mark, LeadEntry who, ReadOnlyContext ctx,
                                     Collector<SuggestionCandidate> out) throws Exception;

    /** Forgets the lead altogether: its identity and the subclass's state (the timer slot must be free). */
    protected void forgetLead() {
        set(null);
        clearTrigger();
    }

    /** Clears the subclass's state (not the identity, not the timer). */
    protected abstract void clearTrigger();

    /** Moves the key's one timer to {@code time}. */
    protected void schedule(ReadOnlyContext ctx, long time) {
        Long existing = current.timerAt();
        if (existing != null && existing == time) {
            return;
        }
        if (existing != null) {
            ctx.timerService().deleteEventTimeTimer(existing);
        }
        ctx.timerService().registerEventTimeTimer(time);
        set(current.withTimer(time));
    }

    /**
     * For a timer that may fire early (marks since it was set moved the deadline, or the tenant's settings changed):
     * when {@code due} is still ahead of the firing {@code timestamp}, moves the timer there and answers true, and
     * the caller waits for it; otherwise the deadline has come.
     */
    protected boolean postponedTo(ReadOnlyContext ctx, long timestamp, long due) {
        if (timestamp < due) {
            schedule(ctx, due);
            return true;
        }
        return false;
    }

    /**
     * Makes sure the key's timer fires no later than {@code time}, leaving an earlier one in place. For deadlines
     * that every mark pushes back (a silence, a window's end): moving a timer costs a delete and a register, which
     * on RocksDB are writes, while an early timer costs one firing that finds the deadline moved and re-registers.
     */
    protected void scheduleNoLaterThan(ReadOnlyContext ctx, long time) {
        Long existing = current.timerAt();
        if (existing == null || existing > time) {
            schedule(ctx, time);
        }
    }

    protected void cancelTimer(ReadOnlyContext ctx) {
        if (current != null && current.timerAt() != null) {
            ctx.timerService().deleteEventTimeTimer(current.timerAt());
            set(current.withTimer(null));
        }
    }

    /** A candidate of this trigger for {@code who}, identified by the episode's start. */
    protected SuggestionCandidate candidate(LeadEntry who, long firedAt, long episodeStart,
                                            Map<String, String> facts) {
        return new SuggestionCandidate(SuggestionIds.of(who.tenantId(), type, who.leadId(),
                Instant.ofEpochMilli(episodeStart)), who.tenantId(), who.ownerId(), EntityKind.LEAD.wireName(),
                who.leadId(), who.name(), type.wireName(), Instant.ofEpochMilli(firedAt),
                Instant.ofEpochMilli(episodeStart), false, facts, null,
                who.score() == null ? null : who.score().doubleValue(), null);
    }

    /** The withdrawal of the candidate of the episode that began at {@code episodeStart}. */
    protected SuggestionCandidate cleared(LeadEntry who, long clearedAt, long episodeStart,
                                          Map<String, String> facts) {
        return candidate(who, clearedAt, episodeStart, facts).clearedAt(Instant.ofEpochMilli(clearedAt));
    }

    /** The withdrawal by {@code mark} (an answer, a touch, the close) of the episode begun at {@code episodeStart}. */
    protected SuggestionCandidate clearedBy(LeadMark mark, LeadEntry who, long episodeStart) {
        return cleared(who, mark.at(), episodeStart, Map.of("cleared_by", mark.eventType()));
    }

    /** Withdraws by {@code mark} the candidate that went out for {@code firedEpisode}; null: none went out. */
    protected void withdrawFired(Long firedEpisode, LeadMark mark, LeadEntry who, Collector<SuggestionCandidate> out) {
        if (firedEpisode != null) {
            out.collect(clearedBy(mark, who, firedEpisode));
        }
    }

    protected static String days(long millis) {
        return Long.toString(millis / DAY);
    }

    protected static String instant(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
