/**
 * Live lead scoring: every profile change scored inline, explained, decayed and served from models that can be
 * swapped and rolled back while the job runs.
 *
 * <h2>The operator</h2>
 * {@link com.crmautopilot.operators.scoring.LeadScoringFunction}, a keyed-broadcast function keyed by tenant and lead
 * ({@link com.crmautopilot.operators.scoring.LeadScoringInput#byLead()}, the same key as the profile's).
 * <ul>
 *   <li>Keyed input: {@link com.crmautopilot.operators.scoring.LeadScoringInput}, a {@code LeadProfile} change or a
 *   {@code rescore} command for one lead.</li>
 *   <li>Broadcast input: {@link com.crmautopilot.operators.scoring.ControlMessage}, model announcements
 *   ({@code ai.models}) and {@code rescore_all} commands ({@code crm.control}), sorted by
 *   {@link com.crmautopilot.operators.scoring.ControlRouter} and decoded, never throwing, by
 *   {@link com.crmautopilot.operators.scoring.ControlDecoder}.</li>
 *   <li>Outputs: {@code LeadScore} (main, only when the score, tier or model changed), {@code ScoreChange} when the
 *   tier moved ({@code SCORE_CHANGES}), and a {@code model_refused} {@code DeadLetter} per refused model
 *   ({@code REFUSED_MODELS}, from the first subtask only).</li>
 *   <li>State: {@code lead-score} ({@link com.crmautopilot.operators.scoring.LeadScoreState}: the newest profile,
 *   the last emitted score and factor weights, the timer) and {@code lead-score-history} (a list state, bounded,
 *   written only when a score is emitted); broadcast {@code tenant-models} (active and known versions per tenant)
 *   and {@code model-artifacts} (each version's two files, once).</li>
 *   <li>Timers: exactly one event-time timer per lead ({@link com.crmautopilot.operators.scoring.RescoreSchedule}):
 *   at the next window expiry if profiles say when ({@link com.crmautopilot.operators.scoring.WindowExpiry}), else
 *   a day after the last scoring, for 90 quiet days; then the cleanup timer at the end of the 365-day retention,
 *   which drops the lead. A converted or disqualified lead is dropped at once. Every timer change deletes the old
 *   timer first.</li>
 * </ul>
 *
 * <h2>Scoring, explaining, saying what to do</h2>
 * {@link com.crmautopilot.operators.scoring.LeadScorer}, Flink-free: features from
 * {@code LeadFeatures.from(profile, now)} (the training code), the pure-Java tree scorer for every rescore, SHAP
 * values only for scores that are emitted. Models are served as
 * {@link com.crmautopilot.operators.scoring.ServingModel}s, whose explanations come from
 * {@link com.crmautopilot.operators.scoring.PathTableShap}: TreeSHAP's values from tables precomputed per leaf,
 * about four times faster (for 300 trees of depth 6: 0.66 ms instead of 2.9 ms). {@link com.crmautopilot.operators.scoring.FactorSentences} turns contributions
 * into sentences with evidence ("Demo requested 2 days ago (weight: 0.85)", weights in log-odds);
 * {@link com.crmautopilot.operators.scoring.ScoreConfidence} documents and computes the confidence;
 * {@link com.crmautopilot.operators.scoring.SuggestedActionRules} reads the rules table
 * ({@code conf/suggested-actions.yaml}, the same table on the classpath by default);
 * {@link com.crmautopilot.operators.scoring.ChangeReasons} says why a score moved.
 *
 * <h2>Rollout</h2>
 * {@link com.crmautopilot.operators.scoring.ModelRollout} decides, without Flink: a new version is read (inline
 * bytes, or a {@code file:}/{@code classpath:} directory), loaded once and checked (version and family as announced,
 * feature spec compatible with {@code LeadFeatures.template()}) before it becomes active; a version-only
 * announcement re-activates a known version (rollback) or the job's default model. Each activation rescores the
 * tenant's leads on this subtask at once ({@code applyToKeyedState}); each emitted score costs one explanation, a
 * millisecond or so for hundreds of trees, so a swap over 100,000 leads holds the operator for a minute or two.
 *
 * <h2>Metrics</h2>
 * Group {@value com.crmautopilot.operators.scoring.ScoringMetrics#GROUP}: predictions and explanations with their
 * nanoseconds, scores emitted, tier changes, models activated and refused, timers registered, deleted and fired,
 * stale timer firings (must stay 0) and leads released.
 */
package com.crmautopilot.operators.scoring;
