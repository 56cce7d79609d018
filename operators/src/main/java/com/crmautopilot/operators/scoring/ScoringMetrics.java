package com.crmautopilot.operators.scoring;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The lead-scoring counters, under the metric group {@value #GROUP}: Prometheus on clusters, and
 * {@link com.crmautopilot.operators.metrics.InProcessCounters} in one JVM. The nanosecond counters time the two
 * halves of scoring, so a benchmark can tell what share of the CPU the explanations take.
 */
public final class ScoringMetrics {

    public static final String GROUP = "scoring";
    /** Profile changes taken in (closed leads' included): a bounded run's event-driven work ends with the last one. */
    public static final String PROFILES_IN = "profiles_in";
    /** Rows scored (every rescore, emitted or not). */
    public static final String PREDICTIONS = "predictions";
    public static final String PREDICT_NANOS = "predict_nanos";
    /** TreeSHAP explanations (one per emitted score). */
    public static final String EXPLANATIONS = "explanations";
    public static final String EXPLAIN_NANOS = "explain_nanos";
    public static final String SCORES_EMITTED = "scores_emitted";
    public static final String TIER_CHANGES = "tier_changes";
    public static final String MODELS_ACTIVATED = "models_activated";
    /** Counted once per refusal (by the first subtask), as is the dead letter. */
    public static final String MODELS_REFUSED = "models_refused";
    public static final String TIMERS_REGISTERED = "rescore_timers_registered";
    public static final String TIMERS_DELETED = "rescore_timers_deleted";
    public static final String TIMERS_FIRED = "rescore_timers_fired";
    /** A timer fired that was not the lead's current one: would mean timers were stacked. Must stay 0. */
    public static final String STALE_TIMER_FIRINGS = "stale_timer_firings";
    /** Leads whose state was dropped: converted, disqualified, or quiet past the retention. */
    public static final String LEADS_RELEASED = "leads_released";

    private ScoringMetrics() {
    }

    public static Counter counter(MetricGroup operatorGroup, String name) {
        return operatorGroup.addGroup(GROUP).counter(name);
    }
}
