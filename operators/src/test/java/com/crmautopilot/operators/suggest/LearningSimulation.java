package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.Channel;
import com.crmautopilot.models.suggest.FeedbackAction;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import com.crmautopilot.simulator.world.FeedbackOracle;
import com.crmautopilot.simulator.world.Rep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Replays weeks of candidates to simulated reps, routes them exactly as the engine does ({@link SuggestionPlanner}),
 * asks the reps' hidden tastes ({@link FeedbackOracle}) for their answers, and measures the weekly acceptance rate
 * of pushed (in-app, email, Slack) suggestions, with learning (the engine's Beta posteriors and tenant prior, fed
 * by the answers) or without (every user and type at the neutral prior).
 *
 * <p>Candidates arrive at realistic per-type weekly rates per rep ({@link #WEEKLY_RATE}), with deal amounts, lead
 * scores and close dates drawn per entity. Every pushed suggestion is answered. A digest item is answered with
 * probability {@value #DIGEST_ANSWER_RATE} (people read digests less), and those answers teach too, so a demoted
 * type can come back if the rep's answers improve. Each run sees the same candidates and the oracle answers a
 * suggestion id the same way in both runs, so the difference is the learning alone. Flink-free.
 */
final class LearningSimulation {

    static final double DIGEST_ANSWER_RATE = 0.5;

    /** Candidates per rep per week, by trigger type: lead work is frequent, deal alarms rarer. */
    static final Map<TriggerType, Double> WEEKLY_RATE = Map.ofEntries(
            Map.entry(TriggerType.STALE_ACCOUNT, 2.0),
            Map.entry(TriggerType.INACTIVE_LEAD, 4.0),
            Map.entry(TriggerType.HOT_LEAD, 2.0),
            Map.entry(TriggerType.DEAL_AT_RISK, 1.0),
            Map.entry(TriggerType.MISSING_DATA, 1.5),
            Map.entry(TriggerType.DEAL_STALLED, 1.0),
            Map.entry(TriggerType.CLOSE_DATE_PASSED, 0.7),
            Map.entry(TriggerType.SINGLE_THREADED, 0.7),
            Map.entry(TriggerType.NO_CHAMPION_LATE_STAGE, 0.5),
            Map.entry(TriggerType.COMPETITOR_DETECTED, 0.4),
            Map.entry(TriggerType.DEMO_REQUEST_UNANSWERED, 0.6),
            Map.entry(TriggerType.REPLY_UNANSWERED, 1.5),
            Map.entry(TriggerType.SCORE_JUMP, 1.5),
            Map.entry(TriggerType.LEAD_WENT_COLD, 1.5));

    private final List<Rep> reps;
    private final FeedbackOracle oracle;
    private final SuggestionPlanner planner;
    private final Instant start;
    private final long seed;

    LearningSimulation(List<Rep> reps, FeedbackOracle oracle, SuggestionPlanner planner, Instant start, long seed) {
        this.reps = List.copyOf(reps);
        this.oracle = oracle;
        this.planner = planner;
        this.start = start;
        this.seed = seed;
    }

    /** One week's figures. */
    record Week(int week, int candidates, int pushed, int pushedAccepted, int digested, int reached) {
        double pushedAcceptance() {
            return pushed == 0 ? 0 : (double) pushedAccepted / pushed;
        }
    }

    record Result(boolean learning, List<Week> weeks) {
        double overallPushedAcceptance() {
            int pushed = weeks.stream().mapToInt(Week::pushed).sum();
            int accepted = weeks.stream().mapToInt(Week::pushedAccepted).sum();
            return pushed == 0 ? 0 : (double) accepted / pushed;
        }

        Week last() {
            return weeks.get(weeks.size() - 1);
        }
    }

    Result run(int weeks, boolean learning) {
        Map<String, AcceptanceCounts> users = new HashMap<>();
        Map<String, AcceptanceCounts> tenants = new HashMap<>();
        List<Week> figures = new ArrayList<>();
        for (int week = 0; week < weeks; week++) {
            int candidates = 0;
            int pushed = 0;
            int accepted = 0;
            int digested = 0;
            int reached = 0;
            for (SuggestionCandidate candidate : candidatesOfWeek(week)) {
                candidates++;
                Rep rep = repOf(candidate);
                AcceptanceCounts user = users.computeIfAbsent(rep.tenantId() + '|' + rep.userId(), k -> new AcceptanceCounts());
                AcceptanceCounts tenant = tenants.computeIfAbsent(rep.tenantId(), k -> new AcceptanceCounts());
                AcceptanceModel.Learned learned = learning
                        ? planner.learned(candidate.triggerType(), tenant, user) : AcceptanceModel.Learned.NEUTRAL;
                SuggestionPlanner.Plan plan = planner.plan(candidate, preferencesOf(rep), learned);
                boolean isPushed = plan.channels().stream().anyMatch(Routing::isPush);
                boolean isDigested = plan.channels().contains(Channel.DIGEST);
                if (isDigested) {
                    digested++;
                }
                if (isPushed || isDigested) {
                    reached++;
                }
                if (!isPushed) {
                    if (!answersDigest(candidate)) {
                        continue;
                    }
                }
                FeedbackOracle.Response response = oracle.respond(rep.tenantId(), rep.userId(),
                        candidate.triggerType(), candidate.suggestionId());
                if (isPushed) {
                    pushed++;
                    accepted += response == FeedbackOracle.Response.ACCEPTED ? 1 : 0;
                }
                FeedbackWeights weights = FeedbackWeights.of(FeedbackAction.fromWire(response.wireName()).orElseThrow());
                int type = TriggerType.fromWire(candidate.triggerType()).orElseThrow().ordinal();
                user.add(type, weights.success(), weights.failure());
                tenant.add(type, weights.success(), weights.failure());
            }
            figures.add(new Week(week + 1, candidates, pushed, accepted, digested, reached));
        }
        return new Result(learning, figures);
    }

    /** The week's candidates, the same in every run: drawn from the seed, the week, the rep and the type. */
    private List<SuggestionCandidate> candidatesOfWeek(int week) {
        List<SuggestionCandidate> out = new ArrayList<>();
        for (int r = 0; r < reps.size(); r++) {
            Rep rep = reps.get(r);
            for (TriggerType type : TriggerType.values()) {
                SplittableRandom random = new SplittableRandom(seed ^ (week * 1_000_003L) ^ (r * 7_919L) ^ (type.ordinal() * 104_729L));
                int count = poisson(WEEKLY_RATE.get(type), random);
                for (int i = 0; i < count; i++) {
                    Instant firedAt = start.plus(Duration.ofDays(7L * week)).plusSeconds(random.nextLong(7 * 86_400));
                    String entity = type.entityKind().wireName() + "-" + week + "-" + r + "-" + type.ordinal() + "-" + i;
                    boolean deal = type.entityKind().wireName().equals("opportunity");
                    boolean lead = type.entityKind().wireName().equals("lead");
                    Double amount = deal ? Math.exp(Math.log(30_000) + random.nextGaussian() * 0.8) : null;
                    Double score = lead ? Math.min(100, Math.max(0, 50 + random.nextGaussian() * 20)) : null;
                    Instant close = deal ? firedAt.plus(Duration.ofDays(random.nextInt(-10, 60))) : null;
                    out.add(new SuggestionCandidate(SuggestionIds.of(rep.tenantId(), type, entity, firedAt),
                            rep.tenantId(), rep.userId(), type.entityKind().wireName(), entity, "Entity " + entity,
                            type.wireName(), firedAt, firedAt, false, Map.of(), amount, score, close));
                }
            }
        }
        out.sort((a, b) -> a.firedAt().compareTo(b.firedAt()));
        return out;
    }

    private Rep repOf(SuggestionCandidate candidate) {
        return oracle.rep(candidate.tenantId(), candidate.ownerUserId()).orElseThrow();
    }

    private static EffectivePreferences preferencesOf(Rep rep) {
        return new EffectivePreferences(true, true, false, Set.of(), com.crmautopilot.models.suggest.Priority.MEDIUM,
                null, rep.zone(), 8, rep.email(), null);
    }

    private boolean answersDigest(SuggestionCandidate candidate) {
        long h = candidate.suggestionId().hashCode() * 0x9E3779B97F4A7C15L;
        return ((h >>> 11) * 0x1.0p-53) < DIGEST_ANSWER_RATE;
    }

    private static int poisson(double mean, SplittableRandom random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}
