package com.crmautopilot.cep.account;

import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerOverrides;
import com.crmautopilot.cep.config.TriggerParams;
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
import java.util.TreeMap;

/**
 * After the stale-account pattern, keyed by account: turns a silence into the candidate, naming the account's real
 * last touch, and drops the silences of tenants that switched the trigger off.
 *
 * <p>The gate sends the pattern only the first touch of each evaluation step and the step's later touches here.
 * This stage keeps the latest of those; when the pattern reports a silence after a step's first touch, a later touch
 * of that step is the true last one, and the suggestion's facts and id (the episode starts at the last touch, as the
 * gate's withdrawal expects) come from it. A later touch of a newer step belongs to the next episode and is kept.
 *
 * <p>A silence waits for this stage's own watermark to reach it (one timer): a later touch that the gate sent before
 * that watermark is then certain to have arrived, whatever the order of the two inputs' channels.
 */
public final class StaleAccountReport
        extends KeyedBroadcastProcessFunction<String, StaleAccountEvidence, TriggerOverride, SuggestionCandidate> {

    private static final long serialVersionUID = 1L;
    private static final TriggerType TYPE = TriggerType.STALE_ACCOUNT;
    private static final long DAY = Duration.ofDays(1).toMillis();

    private final TriggerCatalog catalog;
    private transient TriggerOverrides.Resolver resolver;
    private transient long stepMillis;
    private transient ValueState<AccountTouch> laterTouch;
    private transient ValueState<AccountTouch> silence;

    public StaleAccountReport(TriggerCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void open(OpenContext openContext) {
        resolver = new TriggerOverrides.Resolver(catalog, TYPE);
        stepMillis = resolver.defaults().duration(TriggerParams.EVALUATION_STEP).toMillis();
        StateTtlConfig ttl = TriggerStateTtl.of(resolver.defaults());
        ValueStateDescriptor<AccountTouch> later =
                new ValueStateDescriptor<>("later-touch", TypeInformation.of(AccountTouch.class));
        later.enableTimeToLive(ttl);
        laterTouch = getRuntimeContext().getState(later);
        // Cleared by its own timer, at most one step after it is set.
        silence = getRuntimeContext().getState(
                new ValueStateDescriptor<>("silence", TypeInformation.of(AccountTouch.class)));
    }

    @Override
    public void processElement(StaleAccountEvidence evidence, ReadOnlyContext ctx, Collector<SuggestionCandidate> out)
            throws Exception {
        AccountTouch touch = evidence.touch();
        if (!evidence.silence()) {
            AccountTouch kept = laterTouch.value();
            if (kept == null || touch.at() > kept.at()) {
                laterTouch.update(touch);
            }
            return;
        }
        silence.update(touch);
        ctx.timerService().registerEventTimeTimer(ctx.timestamp());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SuggestionCandidate> out) throws Exception {
        AccountTouch first = silence.value();
        if (first == null) {
            return;
        }
        AccountTouch later = laterTouch.value();
        silence.clear();
        long step = Math.floorDiv(first.at(), stepMillis);
        boolean sameStep = later != null && Math.floorDiv(later.at(), stepMillis) == step;
        // A later touch of a newer step belongs to the next episode (the real watermark runs up to a step ahead of
        // this stage's); it stays for that one.
        if (later != null && Math.floorDiv(later.at(), stepMillis) <= step) {
            laterTouch.clear();
        }
        if (!resolver.settings(ctx.getBroadcastState(TriggerOverrides.DESCRIPTOR), first.tenantId()).enabled()) {
            return;
        }
        out.collect(candidate(sameStep && later.at() > first.at() ? later : first));
    }

    @Override
    public void processBroadcastElement(TriggerOverride override, Context ctx, Collector<SuggestionCandidate> out)
            throws Exception {
        resolver.apply(ctx.getBroadcastState(TriggerOverrides.DESCRIPTOR), override);
    }

    /** The suggestion for a silence after {@code last}. */
    static SuggestionCandidate candidate(AccountTouch last) {
        long firedAt = last.at() + last.silenceMillis();
        Map<String, String> facts = new TreeMap<>();
        // The silence the tenant asked for, not the watermark's lead over it, so that a replay writes the same facts.
        facts.put("days_silent", Long.toString(last.silenceMillis() / DAY));
        facts.put("last_touch_type", last.eventType());
        facts.put("last_touch_at", Instant.ofEpochMilli(last.at()).toString());
        if (last.actorUserId() != null) {
            facts.put("last_touch_by", last.actorUserId());
        }
        return new SuggestionCandidate(SuggestionIds.of(last.tenantId(), TYPE, last.accountId(),
                Instant.ofEpochMilli(last.at())), last.tenantId(), last.ownerId(), EntityKind.ACCOUNT.wireName(),
                last.accountId(), last.accountName(), TYPE.wireName(), Instant.ofEpochMilli(firedAt),
                Instant.ofEpochMilli(last.at()), false, facts, null, null, null);
    }
}
