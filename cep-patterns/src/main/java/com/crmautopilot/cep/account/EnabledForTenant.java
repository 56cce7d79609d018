package com.crmautopilot.cep.account;

import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerOverrides;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Drops candidates of tenants that switched their trigger off. CEP functions cannot read broadcast state, so a
 * partial match that began before the switch is stopped here, after the pattern. No keyed state.
 */
public final class EnabledForTenant
        extends BroadcastProcessFunction<SuggestionCandidate, TriggerOverride, SuggestionCandidate> {

    private static final long serialVersionUID = 1L;

    private final TriggerCatalog catalog;
    private final TriggerType type;
    private transient TriggerOverrides.Resolver resolver;

    public EnabledForTenant(TriggerCatalog catalog, TriggerType type) {
        this.catalog = catalog;
        this.type = type;
    }

    @Override
    public void open(OpenContext openContext) {
        resolver = new TriggerOverrides.Resolver(catalog, type);
    }

    @Override
    public void processElement(SuggestionCandidate candidate, ReadOnlyContext ctx,
                               Collector<SuggestionCandidate> out) throws Exception {
        if (resolver.settings(ctx.getBroadcastState(TriggerOverrides.DESCRIPTOR), candidate.tenantId()).enabled()) {
            out.collect(candidate);
        }
    }

    @Override
    public void processBroadcastElement(TriggerOverride override, Context ctx, Collector<SuggestionCandidate> out)
            throws Exception {
        resolver.apply(ctx.getBroadcastState(TriggerOverrides.DESCRIPTOR), override);
    }
}
