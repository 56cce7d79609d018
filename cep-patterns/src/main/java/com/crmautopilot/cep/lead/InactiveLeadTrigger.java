package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.condense.LeadMark;
import com.crmautopilot.cep.condense.LeadMarkKind;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerParams;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code inactive_lead}: an open lead with no activity (its creation, its own engagement, or a rep's touch) for
 * {@code silence} (7 days). A keyed timer, no CEP: the timer is set when the lead's clock starts and, when it
 * fires early because touches came since, re-registers at the last touch plus the silence (so a busy lead costs one
 * timer per silence period, not one per touch). When it fires the candidate goes out and the same timer becomes the cleanup deadline
 * ({@code retain_after_fire}), so a touch in between can withdraw the suggestion ({@code cleared}); at the deadline
 * the lead's state is gone. A converted or disqualified lead never fires, and a pending suggestion is withdrawn.
 */
public final class InactiveLeadTrigger extends LeadTrigger {

    private static final long serialVersionUID = 1L;

    private transient ValueState<LeadTouch> lastTouch;
    /** The episode (the last touch's time) whose candidate went out; null while none has. */
    private transient ValueState<Long> firedEpisode;

    public InactiveLeadTrigger(TriggerCatalog catalog) {
        super(catalog, TriggerType.INACTIVE_LEAD);
    }

    @Override
    protected boolean acceptsSignal(LeadMark mark) {
        return mark.kind() == LeadMarkKind.ENGAGEMENT || mark.kind() == LeadMarkKind.REP_TOUCH;
    }

    @Override
    protected void openTrigger() {
        lastTouch = state("last-touch", TypeInformation.of(LeadTouch.class));
        firedEpisode = state("fired-episode", Types.LONG);
    }

    @Override
    protected void onMark(LeadMark mark, LeadEntry who, TriggerSettings settings, ReadOnlyContext ctx,
                          Collector<SuggestionCandidate> out) throws Exception {
        if (!mark.isActivity()) {
            return;
        }
        LeadTouch previous = lastTouch.value();
        if (previous != null && mark.at() <= previous.at()) {
            return;
        }
        Long fired = firedEpisode.value();
        if (fired != null) {
            out.collect(clearedBy(mark, who, fired));
            firedEpisode.clear();
        }
        lastTouch.update(new LeadTouch(mark.at(), mark.eventType(), mark.actorUserId()));
        // An earlier timer stays: when it fires it finds the silence moved and re-registers at the new end.
        scheduleNoLaterThan(ctx, mark.at() + settings.duration(TriggerParams.SILENCE).toMillis());
    }

    @Override
    protected void onDeadline(long timestamp, LeadEntry who, TriggerSettings settings, ReadOnlyContext ctx,
                              Collector<SuggestionCandidate> out) throws Exception {
        LeadTouch last = lastTouch.value();
        if (last == null || firedEpisode.value() != null) {
            forgetLead();
            return;
        }
        // The timer may be early: touches since it was set moved the silence, or the tenant's silence changed.
        long due = last.at() + settings.duration(TriggerParams.SILENCE).toMillis();
        if (postponedTo(ctx, timestamp, due)) {
            return;
        }
        Map<String, String> facts = new TreeMap<>();
        facts.put("days_silent", days(timestamp - last.at()));
        facts.put("last_touch_type", last.eventType());
        facts.put("last_touch_at", instant(last.at()));
        if (last.actorUserId() != null) {
            facts.put("last_touch_by", last.actorUserId());
        }
        out.collect(candidate(who, timestamp, last.at(), facts));
        firedEpisode.update(last.at());
        schedule(ctx, timestamp + settings.duration(TriggerParams.RETAIN_AFTER_FIRE).toMillis());
    }

    @Override
    protected void onClosed(LeadMark mark, LeadEntry who, ReadOnlyContext ctx,
                            Collector<SuggestionCandidate> out) throws Exception {
        withdrawFired(firedEpisode.value(), mark, who, out);
    }

    @Override
    protected void clearTrigger() {
        lastTouch.clear();
        firedEpisode.clear();
    }
}
