package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.condense.LeadMark;
import com.crmautopilot.cep.condense.LeadMarkKind;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerParams;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code lead_went_cold}: the lead moved from one of {@code from_tiers} (hot) to one of {@code to_tiers} (warm,
 * cold), from the score-change stream. When the lead climbs back into a from-tier before the suggestion is
 * delivered, the suggestion is withdrawn. Its only own state is the fired episode, bounded by the state TTL.
 */
public final class LeadWentColdTrigger extends LeadTrigger {

    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> firedEpisode;

    public LeadWentColdTrigger(TriggerCatalog catalog) {
        super(catalog, TriggerType.LEAD_WENT_COLD);
    }

    @Override
    protected boolean acceptsSignal(LeadMark mark) {
        return mark.kind() == LeadMarkKind.TIER_CHANGE;
    }

    @Override
    protected void openTrigger() {
        firedEpisode = state("fired-episode", Types.LONG);
    }

    @Override
    protected void onMark(LeadMark mark, LeadEntry who, TriggerSettings settings, ReadOnlyContext ctx,
                          Collector<SuggestionCandidate> out) throws Exception {
        if (mark.kind() != LeadMarkKind.TIER_CHANGE) {
            return;
        }
        Set<String> from = settings.list(TriggerParams.FROM_TIERS);
        Set<String> to = settings.list(TriggerParams.TO_TIERS);
        Long fired = firedEpisode.value();
        if (fired != null && from.contains(mark.tier())) {
            out.collect(cleared(who, mark.at(), fired, Map.of("cleared_by", "tier_" + mark.tier())));
            firedEpisode.clear();
        }
        if (from.contains(mark.previousTier()) && to.contains(mark.tier())) {
            Map<String, String> facts = new TreeMap<>();
            facts.put("from_tier", mark.previousTier());
            facts.put("to_tier", mark.tier());
            facts.put("score", String.valueOf(mark.score()));
            out.collect(candidate(who, mark.at(), mark.at(), facts));
            firedEpisode.update(mark.at());
        }
    }

    @Override
    protected void onClosed(LeadMark mark, LeadEntry who, ReadOnlyContext ctx,
                            Collector<SuggestionCandidate> out) throws Exception {
        withdrawFired(firedEpisode.value(), mark, who, out);
    }

    @Override
    protected void clearTrigger() {
        firedEpisode.clear();
    }
}
