package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.random.Rng;

import java.util.List;
import java.util.Optional;

/**
 * How simulated reps answer suggestions, from their hidden tastes. The answer to a suggestion is a pure function
 * of the world seed, the rep and the suggestion id, so a replay (or a run with and without learning) sees the
 * same answer for the same suggestion.
 *
 * <p>A rep accepts with their acceptance probability for the trigger type; otherwise they dismiss it, or (one
 * time in four) snooze it.
 */
public final class FeedbackOracle {

    public enum Response {
        ACCEPTED, DISMISSED, SNOOZED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final long seed;
    private final List<Rep> reps;

    public FeedbackOracle(long seed, List<Rep> reps) {
        this.seed = seed;
        this.reps = List.copyOf(reps);
    }

    public Optional<Rep> rep(String tenantId, String userId) {
        return reps.stream().filter(r -> r.tenantId().equals(tenantId) && r.userId().equals(userId)).findFirst();
    }

    /** The rep's answer to one suggestion; throws if the rep is not in the world. */
    public Response respond(String tenantId, String userId, String triggerType, String suggestionId) {
        Rep rep = rep(tenantId, userId)
                .orElseThrow(() -> new IllegalArgumentException("no rep " + tenantId + "/" + userId));
        long h = Rng.hash(seed, tenantId + '|' + userId + '|' + suggestionId);
        double u = Rng.unitFromHash(h);
        double accept = rep.acceptanceProbability(triggerType);
        if (u < accept) {
            return Response.ACCEPTED;
        }
        double v = Rng.unitFromHash(h ^ 0x5DEECE66DL);
        return v < 0.25 ? Response.SNOOZED : Response.DISMISSED;
    }
}
