package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.scoring.Tier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Says why a score moved: the trigger, and the factors whose contributions changed the most in the direction the
 * score went, each with its current evidence and the change in its weight. Contributions are compared by factor
 * between the last emitted explanation and this one, so the reason names what actually moved, not merely what is
 * large.
 */
final class ChangeReasons {

    private static final int MOVERS = 2;
    private static final double MIN_MOVE = 0.005;

    private ChangeReasons() {
    }

    /**
     * @param previousWeights the last emitted factor weights in {@link Factor} order, or null for a first score
     * @param factors         this score's factors, same order
     */
    static String describe(Integer oldScore, Tier oldTier, String oldModel, int newScore, Tier newTier,
                           String newModel, String trigger, double[] previousWeights, List<Factor> factors) {
        StringBuilder sb = new StringBuilder();
        if (oldScore == null) {
            sb.append("First score ").append(newScore).append(" (").append(newTier.wireName()).append(')');
        } else if (oldTier != newTier) {
            sb.append(newTier.ordinal() < oldTier.ordinal() ? "Rose" : "Fell").append(" from ")
                    .append(oldTier.wireName()).append(" to ").append(newTier.wireName())
                    .append(" (").append(oldScore).append(" to ").append(newScore).append(')');
        } else if (oldScore != newScore) {
            sb.append(newScore > oldScore ? "Up" : "Down").append(" from ").append(oldScore).append(" to ")
                    .append(newScore);
        } else {
            sb.append("Unchanged at ").append(newScore);
        }
        sb.append(" after ").append(ScoringTriggers.describe(trigger));
        if (oldModel != null && !oldModel.equals(newModel)) {
            sb.append(" (model ").append(oldModel).append(" to ").append(newModel).append(')');
        }
        List<String> movers = movers(oldScore == null ? 0 : newScore - oldScore, previousWeights, factors);
        if (!movers.isEmpty()) {
            sb.append(": ").append(String.join(", ", movers));
        }
        return sb.toString();
    }

    private static List<String> movers(int scoreDelta, double[] previousWeights, List<Factor> factors) {
        record Move(Factor factor, double delta) {
        }
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            Factor f = factors.get(i);
            double before = previousWeights == null || i >= previousWeights.length ? 0 : previousWeights[i];
            double delta = f.weight() - before;
            boolean withTheScore = scoreDelta == 0 || Math.signum(delta) == Math.signum(scoreDelta);
            if (Math.abs(delta) >= MIN_MOVE && withTheScore) {
                moves.add(new Move(f, delta));
            }
        }
        moves.sort(Comparator.comparingDouble((Move m) -> -Math.abs(m.delta())));
        List<String> out = new ArrayList<>();
        for (Move m : moves.subList(0, Math.min(MOVERS, moves.size()))) {
            out.add(m.factor().evidence() + String.format(Locale.ROOT, " (%+.2f)", m.delta()));
        }
        return out;
    }

    /** The weights of factors, in their order, to compare the next explanation with. */
    static double[] weightsOf(List<Factor> factors) {
        double[] weights = new double[factors.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = factors.get(i).weight();
        }
        return weights;
    }
}
