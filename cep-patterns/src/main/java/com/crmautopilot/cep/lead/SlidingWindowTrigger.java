package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.condense.LeadMark;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerParams;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.util.Collector;

/**
 * A lead trigger over a sliding {@code window} of recent marks (an engagement burst, a score rise). It decides on
 * the marks alone; the key's timer only clears the window's state once nothing in it can count any more, and is
 * left early rather than moved on every mark. What it fires is news when it fires, so a closing lead has nothing
 * pending to withdraw.
 */
abstract class SlidingWindowTrigger extends LeadTrigger {

    private static final long serialVersionUID = 1L;

    SlidingWindowTrigger(TriggerCatalog catalog, TriggerType type) {
        super(catalog, type);
    }

    /** When the state can go, for the tenant's {@code window}: {@link Long#MIN_VALUE} when it holds nothing. */
    protected abstract long stateEnd(long window) throws Exception;

    @Override
    protected final void onDeadline(long timestamp, LeadEntry who, TriggerSettings settings, ReadOnlyContext ctx,
                                    Collector<SuggestionCandidate> out) throws Exception {
        if (postponedTo(ctx, timestamp, stateEnd(settings.duration(TriggerParams.WINDOW).toMillis()))) {
            return;
        }
        clearTrigger();
    }

    @Override
    protected final void onClosed(LeadMark mark, LeadEntry who, ReadOnlyContext ctx,
                                  Collector<SuggestionCandidate> out) {
    }
}
