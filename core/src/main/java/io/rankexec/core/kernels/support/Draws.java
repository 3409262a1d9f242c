package io.rankexec.core.kernels.support;

import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.dist.NormalQuantile;

/**
 * Small draws the kernels need on top of a task's {@link BlockRandom}. Integers are drawn as
 * MKL's viRngUniform does, floor(n * u), so a kernel consumes exactly one uniform per integer
 * and its draws are defined by the stream alone.
 */
public final class Draws {

    private Draws() {
    }

    /** A uniform integer in [0, n). */
    public static int below(BlockRandom rng, int n) {
        int v = (int) (n * rng.nextDouble());
        return v < n ? v : n - 1; // guards the (theoretical) u rounding up to 1.0
    }

    /** k distinct indices of [0, n) in draw order (R's sample.int(n, k)): partial Fisher-Yates. */
    public static int[] distinct(BlockRandom rng, int n, int k) {
        if (k > n) throw new IllegalArgumentException("cannot draw " + k + " distinct values from " + n);
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) pool[i] = i;
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            int j = i + below(rng, n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            out[i] = pool[i];
        }
        return out;
    }

    /** A standard normal by inversion of one uniform (as MKL's VSL_RNG_METHOD_GAUSSIAN_ICDF). */
    public static double gaussian(BlockRandom rng) {
        double u = rng.nextDouble();
        while (u == 0.0) u = rng.nextDouble(); // the quantile of 0 is -infinity
        return NormalQuantile.of(u);
    }

    /**
     * A Poisson(lambda) count by inversion (sequential search of the CDF with one uniform): exact
     * and fast for the small means the kernels draw; lambda above 500 is refused because the
     * starting term exp(-lambda) would underflow.
     */
    public static int poisson(BlockRandom rng, double lambda) {
        if (!(lambda >= 0.0) || lambda > 500.0)
            throw new IllegalArgumentException("poisson mean must be in [0, 500], got " + lambda);
        double u = rng.nextDouble();
        double term = Math.exp(-lambda);
        double cdf = term;
        int x = 0;
        while (u >= cdf && term > 0.0) {
            x++;
            term *= lambda / x;
            cdf += term;
        }
        return x;
    }
}
