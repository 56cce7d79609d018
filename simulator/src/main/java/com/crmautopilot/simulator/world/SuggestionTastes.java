package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.random.Rng;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reps' hidden tastes for suggestion (trigger) types: the probability that a rep accepts a suggestion of each
 * type. The suggestion engine never sees them; it has to learn them from feedback.
 *
 * <pre>
 * acceptance(rep, type) = sigmoid(BASE_LOGIT[type] + rep_bias + taste)
 *     rep_bias ~ N(0, 0.5) per rep (some reps accept more of everything)
 *     taste    ~ N(0, 1.0) per rep and type
 * </pre>
 */
public final class SuggestionTastes {

    /** The trigger types of the suggestion engine, with the base logit of their acceptance. */
    public static final List<TypeBase> TRIGGER_TYPES = List.of(
            new TypeBase("stale_account", -0.8),
            new TypeBase("inactive_lead", -0.5),
            new TypeBase("hot_lead", 0.8),
            new TypeBase("deal_at_risk", 0.5),
            new TypeBase("missing_data", -1.5),
            new TypeBase("deal_stalled", -0.2),
            new TypeBase("close_date_passed", 0.0),
            new TypeBase("single_threaded", -0.4),
            new TypeBase("no_champion_late_stage", -0.1),
            new TypeBase("competitor_detected", 0.2),
            new TypeBase("demo_request_unanswered", 0.9),
            new TypeBase("reply_unanswered", 0.6),
            new TypeBase("score_jump", 0.1),
            new TypeBase("lead_went_cold", -0.6));

    public static final double REP_BIAS_SD = 0.5;
    public static final double TASTE_SD = 1.0;

    public record TypeBase(String triggerType, double baseLogit) {
    }

    private SuggestionTastes() {
    }

    /** A rep's acceptance probability per trigger type, in {@link #TRIGGER_TYPES} order. */
    public static Map<String, Double> draw(Rng rng) {
        double repBias = rng.gaussian(0, REP_BIAS_SD);
        Map<String, Double> tastes = new LinkedHashMap<>();
        for (TypeBase type : TRIGGER_TYPES) {
            double probability = Rng.sigmoid(type.baseLogit() + repBias + rng.gaussian(0, TASTE_SD));
            tastes.put(type.triggerType(), Math.round(probability * 10_000) / 10_000.0);
        }
        return Collections.unmodifiableMap(tastes);
    }
}
