package com.crmautopilot.cep.account;

import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;

import java.util.List;
import java.util.Map;

/**
 * Hands a completed stale-account match (a touch, then silence) to the report, which knows the step's later
 * touches and the tenant's switch; CEP functions can read neither keyed nor broadcast state.
 */
public final class StaleAccountMatches extends PatternProcessFunction<AccountTouch, StaleAccountEvidence> {

    private static final long serialVersionUID = 1L;

    @Override
    public void processMatch(Map<String, List<AccountTouch>> match, Context ctx,
                             Collector<StaleAccountEvidence> out) {
        out.collect(StaleAccountEvidence.silenceAfter(match.get(StaleAccountPattern.LAST_TOUCH).get(0)));
    }
}
