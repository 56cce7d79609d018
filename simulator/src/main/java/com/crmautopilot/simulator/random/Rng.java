package com.crmautopilot.simulator.random;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A small seeded random source (SplitMix64) with the distributions the world needs. It exists, instead of
 * {@link java.util.Random} or {@link java.util.SplittableRandom}, so that every draw is specified here and uses
 * {@link StrictMath}: the same seed gives the same bytes on every JVM and CPU.
 *
 * <p>Each entity draws from its own stream ({@link #derive}), so adding campaigns does not change the leads, and
 * the order in which entities are visited does not change what each one draws.
 */
public final class Rng {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double TWO_PI = 2 * StrictMath.PI;

    private long state;
    private double spareGaussian = Double.NaN;

    public Rng(long seed) {
        this.state = seed;
    }

    /** A stream named by the world seed, a purpose and the ids of the entity it belongs to. */
    public static Rng derive(long seed, String purpose, long... ids) {
        long h = mix(seed ^ 0x6A09E667F3BCC909L);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        for (long id : ids) {
            h = mix(h ^ id);
        }
        return new Rng(h);
    }

    /** A 64-bit hash of a string, stable across JVMs (unlike {@link String#hashCode()}'s 32 bits). */
    public static long hash(long seed, String text) {
        long h = mix(seed ^ 0xBB67AE8584CAA73BL);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return h;
    }

    /** A uniform double in [0, 1) from a hash, for decisions keyed by an id rather than drawn in sequence. */
    public static double unitFromHash(long hash) {
        return (mix(hash) >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [low, high). */
    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) ((nextLong() >>> 33) * bound >>> 31);
    }

    /** Uniform in [low, high], both inclusive. */
    public int between(int low, int high) {
        return low + nextInt(high - low + 1);
    }

    /** Uniform in [0, bound). */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (long) (nextDouble() * bound);
    }

    public boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** Standard normal, by Box-Muller (the pair's second value is kept for the next call). */
    public double gaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double spare = spareGaussian;
            spareGaussian = Double.NaN;
            return spare;
        }
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        spareGaussian = radius * StrictMath.sin(TWO_PI * u2);
        return radius * StrictMath.cos(TWO_PI * u2);
    }

    public double gaussian(double mean, double sd) {
        return mean + sd * gaussian();
    }

    public double exponential(double mean) {
        return -mean * StrictMath.log(1.0 - nextDouble());
    }

    /** Gamma with an integer shape: the sum of {@code shape} exponentials. */
    public double erlang(int shape, double scale) {
        double sum = 0;
        for (int i = 0; i < shape; i++) {
            sum += exponential(scale);
        }
        return sum;
    }

    /** Log-normal with the given median and log-scale spread. */
    public double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /** Poisson by inversion; the means here are small (a day's events), so it is exact and quick. */
    public int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) StrictMath.round(gaussian(mean, StrictMath.sqrt(mean))));
        }
        double limit = StrictMath.exp(-mean);
        double product = nextDouble();
        int count = 0;
        while (product > limit) {
            product *= nextDouble();
            count++;
        }
        return count;
    }

    public <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** An index drawn with probability proportional to its weight. */
    public int weightedIndex(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    public static double sigmoid(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }

    public static double logit(double p) {
        return StrictMath.log(p / (1.0 - p));
    }
}
