package com.crmautopilot.cep.account;

import com.crmautopilot.models.suggest.EntityKind;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a completed stale-account match (the last touch, then silence) into a candidate. */
public final class StaleAccountMatches extends PatternProcessFunction<AccountTouch, SuggestionCandidate> {

    private static final long serialVersionUID = 1L;
    private static final TriggerType TYPE = TriggerType.STALE_ACCOUNT;

    @Override
    public void processMatch(Map<String, List<AccountTouch>> match, Context ctx, Collector<SuggestionCandidate> out) {
        AccountTouch last = match.get(StaleAccountPattern.LAST_TOUCH).get(0);
        long firedAt = last.at() + last.silenceMillis();
        Map<String, String> facts = new TreeMap<>();
        facts.put("days_silent", Long.toString(Duration.ofMillis(last.silenceMillis()).toDays()));
        facts.put("last_touch_type", last.eventType());
        facts.put("last_touch_at", Instant.ofEpochMilli(last.at()).toString());
        if (last.actorUserId() != null) {
            facts.put("last_touch_by", last.actorUserId());
        }
        out.collect(new SuggestionCandidate(SuggestionIds.of(last.tenantId(), TYPE, last.accountId(),
                Instant.ofEpochMilli(last.at())), last.tenantId(), last.ownerId(), EntityKind.ACCOUNT.wireName(),
                last.accountId(), last.accountName(), TYPE.wireName(), Instant.ofEpochMilli(firedAt),
                Instant.ofEpochMilli(last.at()), false, facts, null, null, null));
    }
}
