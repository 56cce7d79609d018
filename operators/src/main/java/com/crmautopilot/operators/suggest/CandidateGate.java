package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.SuggestionCandidate;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Lets through the candidates the engine can key and time: a tenant, a suggestion id, an entity, a trigger type
 * and a firing time. Triggers always set them; a candidate read from a topic might not, and one bad record must
 * not fail the job. Dropped candidates are counted ({@code suggestions.invalid_candidates}).
 */
final class CandidateGate extends RichFlatMapFunction<SuggestionCandidate, EngineInput> {

    private transient Counter invalid;

    @Override
    public void open(OpenContext openContext) {
        invalid = getRuntimeContext().getMetricGroup().addGroup("suggestions").counter("invalid_candidates");
    }

    @Override
    public void flatMap(SuggestionCandidate candidate, Collector<EngineInput> out) {
        if (isUsable(candidate)) {
            out.collect(EngineInput.of(candidate));
        } else {
            invalid.inc();
        }
    }

    static boolean isUsable(SuggestionCandidate c) {
        return c != null && present(c.tenantId()) && present(c.suggestionId()) && present(c.entityId())
                && present(c.triggerType()) && c.firedAt() != null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
