package com.crmautopilot.cep.account;

import com.crmautopilot.cep.condense.AccountMark;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerOverrides;
import com.crmautopilot.cep.config.TriggerParams;
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
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Instant;
import java.util.Map;

/**
 * In front of the stale-account pattern, keyed by account: turns touches into {@link AccountTouch}es that carry the
 * account's name and owner (CEP functions cannot read keyed state) and the tenant's silence, and drops the touches
 * of tenants that turned the trigger off. It also withdraws a stale-account suggestion when the account is touched
 * again after a silence long enough to have fired it: the cleared candidate goes to {@link #CLEARED}.
 *
 * <p>The pattern sees at most one touch per account per evaluation step: the step's first, stamped with the step's
 * end as its pattern time. The step's later touches go to {@link #LATER_TOUCHES}, for the report after the pattern,
 * which names the real last touch. Why: every touch the pattern buffers costs it a timer, state writes and deletes,
 * and RocksDB iterator seeks that slow down as the deletes pile up; a silence measured from the step's end is never
 * shorter than the real one and at most one step longer, which the stepped event time allows anyway.
 *
 * <p>The pattern's window is fixed when the job is built (the catalog's default silence). A tenant's longer
 * silence is honoured by moving that tenant's touches later in the pattern's event time by the difference; a
 * shorter one is raised to the default, because a CEP window cannot shrink per key.
 */
public final class StaleAccountGate
        extends KeyedBroadcastProcessFunction<String, AccountMark, TriggerOverride, AccountTouch> {

    private static final long serialVersionUID = 1L;
    private static final TriggerType TYPE = TriggerType.STALE_ACCOUNT;

    public static final OutputTag<SuggestionCandidate> CLEARED =
            new OutputTag<>("stale-account-cleared", TypeInformation.of(SuggestionCandidate.class));
    public static final OutputTag<AccountTouch> LATER_TOUCHES =
            new OutputTag<>("stale-account-later-touches", TypeInformation.of(AccountTouch.class));

    private final TriggerCatalog catalog;
    private transient TriggerOverrides.Resolver resolver;
    private transient ValueState<AccountProfile> profile;
    private transient ValueState<Long> lastTouch;
    private transient long baseSilence;
    private transient long stepMillis;

    public StaleAccountGate(TriggerCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void open(OpenContext openContext) {
        resolver = new TriggerOverrides.Resolver(catalog, TYPE);
        baseSilence = resolver.defaults().duration(TriggerParams.SILENCE).toMillis();
        stepMillis = resolver.defaults().duration(TriggerParams.EVALUATION_STEP).toMillis();
        StateTtlConfig ttl = TriggerStateTtl.of(resolver.defaults());
        ValueStateDescriptor<AccountProfile> profileDescriptor =
                new ValueStateDescriptor<>("profile", TypeInformation.of(AccountProfile.class));
        profileDescriptor.enableTimeToLive(ttl);
        profile = getRuntimeContext().getState(profileDescriptor);
        ValueStateDescriptor<Long> touchDescriptor = new ValueStateDescriptor<>("last-touch", Types.LONG);
        touchDescriptor.enableTimeToLive(ttl);
        lastTouch = getRuntimeContext().getState(touchDescriptor);
    }

    @Override
    public void processElement(AccountMark mark, ReadOnlyContext ctx, Collector<AccountTouch> out) throws Exception {
        AccountProfile current = profile.value();
        switch (mark.kind()) {
            case PROFILE -> {
                profile.update(new AccountProfile(mark.tenantId(), mark.accountId(),
                        mark.name() != null ? mark.name() : current == null ? null : current.name(),
                        mark.ownerId() != null ? mark.ownerId() : current == null ? null : current.ownerId(),
                        true, mark.hasRevenue(), mark.hasIndustry(), mark.hasSize()));
                return;
            }
            case OPPORTUNITY_OPENED -> {
                if ((current == null || current.ownerId() == null) && mark.ownerId() != null) {
                    profile.update(new AccountProfile(mark.tenantId(), mark.accountId(),
                            current == null ? null : current.name(), mark.ownerId(), false, false, false, false));
                }
                return;
            }
            case TOUCH -> {
            }
            default -> {
                return;
            }
        }
        TriggerSettings settings = resolver.settings(ctx.getBroadcastState(TriggerOverrides.DESCRIPTOR),
                mark.tenantId());
        if (!settings.enabled()) {
            // Forgotten, so that the first touch after the trigger is switched back on reaches the pattern.
            lastTouch.clear();
            return;
        }
        Long previous = lastTouch.value();
        if (previous != null && mark.at() <= previous) {
            return;
        }
        lastTouch.update(mark.at());
        long silence = Math.max(baseSilence, settings.duration(TriggerParams.SILENCE).toMillis());
        String name = current == null ? null : current.name();
        String owner = current == null ? null : current.ownerId();
        if (previous != null && mark.at() - previous >= silence) {
            ctx.output(CLEARED, new SuggestionCandidate(SuggestionIds.of(mark.tenantId(), TYPE, mark.accountId(),
                    Instant.ofEpochMilli(previous)), mark.tenantId(), owner, EntityKind.ACCOUNT.wireName(),
                    mark.accountId(), name, TYPE.wireName(), Instant.ofEpochMilli(mark.at()),
                    Instant.ofEpochMilli(previous), true, Map.of("cleared_by", mark.eventType()), null, null, null));
        }
        long step = Math.floorDiv(mark.at(), stepMillis);
        AccountTouch touch = new AccountTouch(mark.tenantId(), mark.accountId(), mark.eventType(),
                mark.actorUserId(), mark.at(), (step + 1) * stepMillis + silence - baseSilence, name, owner, silence);
        if (previous != null && Math.floorDiv(previous, stepMillis) == step) {
            ctx.output(LATER_TOUCHES, touch);
        } else {
            out.collect(touch);
        }
    }

    @Override
    public void processBroadcastElement(TriggerOverride override, Context ctx, Collector<AccountTouch> out)
            throws Exception {
        resolver.apply(ctx.getBroadcastState(TriggerOverrides.DESCRIPTOR), override);
    }
}
