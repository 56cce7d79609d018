package com.crmautopilot.cep.account;

import com.crmautopilot.cep.condense.AccountMark;
import com.crmautopilot.cep.condense.AccountMarkKind;
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
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code missing_data}: an account without one of {@code required_fields} (annual revenue, industry, employee count)
 * while it has an open opportunity. Keyed state over the account's profile and its open deals; when both hold, the
 * key's timer waits {@code grace} (enrichment often lands just after a deal opens) and fires if they still hold.
 * The data being filled in, or the last open deal closing, withdraws a candidate that went out. Open deals are
 * removed as they close, and the rest is bounded by the state TTL.
 */
public final class MissingDataTrigger
        extends KeyedBroadcastProcessFunction<String, AccountMark, TriggerOverride, SuggestionCandidate> {

    private static final long serialVersionUID = 1L;
    private static final TriggerType TYPE = TriggerType.MISSING_DATA;

    private final TriggerCatalog catalog;

    private transient TriggerOverrides.Resolver resolver;
    private transient ValueState<AccountProfile> profile;
    /** Open opportunity id to the time it opened. */
    private transient MapState<String, Long> openDeals;
    /** When the situation began (an open deal and a missing field); null while it does not hold. */
    private transient ValueState<Long> episode;
    private transient ValueState<Boolean> fired;
    private transient ValueState<Long> timer;

    public MissingDataTrigger(TriggerCatalog catalog) {
        this.catalog = catalog;
    }

    /** The marks this trigger reads: profiles and deals opening and closing, not touches. */
    public static boolean accepts(AccountMark mark) {
        return mark.kind() != AccountMarkKind.TOUCH;
    }

    @Override
    public void open(OpenContext openContext) {
        resolver = new TriggerOverrides.Resolver(catalog, TYPE);
        StateTtlConfig ttl = TriggerStateTtl.of(resolver.defaults());
        profile = value("profile", TypeInformation.of(AccountProfile.class), ttl);
        MapStateDescriptor<String, Long> deals = new MapStateDescriptor<>("open-deals", Types.STRING, Types.LONG);
        deals.enableTimeToLive(ttl);
        openDeals = getRuntimeContext().getMapState(deals);
        episode = value("episode", Types.LONG, ttl);
        fired = value("fired", Types.BOOLEAN, ttl);
        timer = value("timer", Types.LONG, ttl);
    }

    private <T> ValueState<T> value(String name, TypeInformation<T> type, StateTtlConfig ttl) {
        ValueStateDescriptor<T> descriptor = new ValueStateDescriptor<>(name, type);
        descriptor.enableTimeToLive(ttl);
        return getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(AccountMark mark, ReadOnlyContext ctx, Collector<SuggestionCandidate> out)
            throws Exception {
        // The grace may have ended in event time before the watermark fired its timer: decide it first, as the
        // timer would have, so the output does not depend on the watermark's timing.
        Long due = timer.value();
        if (due != null && due < mark.at()) {
            ctx.timerService().deleteEventTimeTimer(due);
            timer.clear();
            graceEnded(due, ctx, out);
        }
        AccountProfile current = profile.value();
        if (current == null) {
            current = AccountProfile.unknown(mark.tenantId(), mark.accountId());
        }
        switch (mark.kind()) {
            case PROFILE -> profile.update(new AccountProfile(mark.tenantId(), mark.accountId(),
                    mark.name() != null ? mark.name() : current.name(),
                    mark.ownerId() != null ? mark.ownerId() : current.ownerId(), true,
                    mark.hasRevenue(), mark.hasIndustry(), mark.hasSize()));
            case OPPORTUNITY_OPENED -> {
                if (mark.opportunityId() != null) {
                    openDeals.put(mark.opportunityId(), mark.at());
                }
                // Until the account's own profile names an owner, the deal's owner is the one to tell.
                String owner = current.ownerId() != null ? current.ownerId() : mark.ownerId();
                profile.update(new AccountProfile(current.tenantId(), current.accountId(), current.name(), owner,
                        current.profileSeen(), current.hasRevenue(), current.hasIndustry(), current.hasSize()));
            }
            case OPPORTUNITY_CLOSED -> {
                if (mark.opportunityId() != null) {
                    openDeals.remove(mark.opportunityId());
                }
            }
            default -> {
                return;
            }
        }
        TriggerSettings settings = resolver.settings(ctx.getBroadcastState(TriggerOverrides.DESCRIPTOR),
                mark.tenantId());
        AccountProfile known = profile.value();
        boolean holds = settings.enabled() && !missing(known, settings).isEmpty() && openDeals.keys()
                .iterator().hasNext();
        Long began = episode.value();
        if (holds && began == null) {
            episode.update(mark.at());
            schedule(ctx, mark.at() + settings.duration(TriggerParams.GRACE).toMillis());
        } else if (!holds && began != null) {
            if (Boolean.TRUE.equals(fired.value())) {
                out.collect(candidate(known, mark.at(), began, Map.of("cleared_by", mark.eventType()))
                        .clearedAt(Instant.ofEpochMilli(mark.at())));
            }
            episode.clear();
            fired.clear();
            cancelTimer(ctx);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SuggestionCandidate> out) throws Exception {
        timer.clear();
        graceEnded(timestamp, ctx, out);
    }

    private void graceEnded(long timestamp, ReadOnlyContext ctx, Collector<SuggestionCandidate> out)
            throws Exception {
        Long began = episode.value();
        AccountProfile current = profile.value();
        if (began == null || current == null) {
            return;
        }
        TriggerSettings settings = resolver.settings(ctx.getBroadcastState(TriggerOverrides.DESCRIPTOR),
                current.tenantId());
        List<String> missing = missing(current, settings);
        if (!settings.enabled() || missing.isEmpty() || Boolean.TRUE.equals(fired.value())) {
            return;
        }
        Map<String, String> facts = new TreeMap<>();
        facts.put("missing_fields", String.join(",", missing));
        int deals = 0;
        for (String ignored : openDeals.keys()) {
            deals++;
        }
        facts.put("open_opportunities", Integer.toString(deals));
        out.collect(candidate(current, timestamp, began, facts));
        fired.update(true);
    }

    @Override
    public void processBroadcastElement(TriggerOverride override, Context ctx, Collector<SuggestionCandidate> out)
            throws Exception {
        resolver.apply(ctx.getBroadcastState(TriggerOverrides.DESCRIPTOR), override);
    }

    private static List<String> missing(AccountProfile p, TriggerSettings settings) {
        List<String> missing = new ArrayList<>();
        for (String f : settings.list(TriggerParams.REQUIRED_FIELDS)) {
            boolean known = p != null && switch (f) {
                case "annual_revenue" -> p.hasRevenue();
                case "industry" -> p.hasIndustry();
                case "employee_count" -> p.hasSize();
                default -> true;
            };
            if (!known) {
                missing.add(f);
            }
        }
        return missing;
    }

    private SuggestionCandidate candidate(AccountProfile p, long firedAt, long episodeStart,
                                          Map<String, String> facts) {
        return new SuggestionCandidate(SuggestionIds.of(p.tenantId(), TYPE, p.accountId(),
                Instant.ofEpochMilli(episodeStart)), p.tenantId(), p.ownerId(), EntityKind.ACCOUNT.wireName(),
                p.accountId(), p.name(), TYPE.wireName(), Instant.ofEpochMilli(firedAt),
                Instant.ofEpochMilli(episodeStart), false, facts, null, null, null);
    }

    private void schedule(ReadOnlyContext ctx, long time) throws Exception {
        cancelTimer(ctx);
        ctx.timerService().registerEventTimeTimer(time);
        timer.update(time);
    }

    private void cancelTimer(ReadOnlyContext ctx) throws Exception {
        Long current = timer.value();
        if (current != null) {
            ctx.timerService().deleteEventTimeTimer(current);
            timer.clear();
        }
    }
}
