package com.crmautopilot.models.scoring;

/**
 * Calibrated-probability cut-offs of the tiers, chosen on validation data by the trainer and stored in
 * {@code model.json}: hot from {@code hot} up, warm from {@code warm} up, cold below.
 */
public record TierThresholds(double hot, double warm) {

    public TierThresholds {
        if (!(warm >= 0 && warm <= hot && hot <= 1)) {
            throw new IllegalArgumentException("tier thresholds need 0 <= warm <= hot <= 1, got warm=" + warm + " hot=" + hot);
        }
    }

    public Tier tierOf(double probability) {
        if (probability >= hot) {
            return Tier.HOT;
        }
        return probability >= warm ? Tier.WARM : Tier.COLD;
    }

    /**
     * How far a probability sits from the nearest tier boundary, relative to the width of its tier (0 on a boundary,
     * up to 1 in the middle of a tier): the streaming side's confidence reads it.
     */
    public double distanceToBoundary(double probability) {
        double lo;
        double hi;
        switch (tierOf(probability)) {
            case HOT -> {
                lo = hot;
                hi = 1;
            }
            case WARM -> {
                lo = warm;
                hi = hot;
            }
            default -> {
                lo = 0;
                hi = warm;
            }
        }
        double width = hi - lo;
        if (width <= 0) {
            return 0;
        }
        double nearest = Math.min(probability - lo, hi - probability);
        return Math.max(0, Math.min(1, 2 * nearest / width));
    }
}
