package io.rankexec.kernels.support;

import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.dist.NormalQuantile;

/**
 * Small draws the kernels need on top of a task's {@link BlockRandom}. Integers are drawn as
 * MKL's viRngUniform does, floor(n * u), so a kernel consumes exactly one uniform per integer
 * and its draws are defined by the stream alone.
 *
 * <p>Why these are not {@link io.rankexec.rng.dist.Distributions}: the kernels' published results
 * were drawn with these methods, and the general ones draw differently at the edges, so
 * delegating would change results. {@code Distributions.index} rejects from the raw bits (no
 * floor(n u)); {@code Distributions.gaussian} maps a zero uniform to 2^-33 where
 * {@link #gaussian} draws again; {@code Distributions.poisson} uses PTRS from mean 10 on (a
 * variable number of uniform pairs) and consumes no uniform for mean 0, where {@link #poisson}
 * always inverts exactly one uniform. Where the algorithms coincide (Gaussian without a zero
 * uniform, Poisson means in (0, 10)) the values are identical; DrawsTest checks that.
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

    /**
     * A standard normal by inversion of one uniform (as MKL's VSL_RNG_METHOD_GAUSSIAN_ICDF);
     * equals {@code Distributions.gaussian(rng, 0, 1)} unless the uniform is exactly 0.
     */
    public static double gaussian(BlockRandom rng) {
        double u = rng.nextDouble();
        while (u == 0.0) u = rng.nextDouble(); // the quantile of 0 is -infinity
        return NormalQuantile.of(u);
    }

    /**
     * A Poisson(lambda) count by inversion (sequential search of the CDF with one uniform): exact
     * and fast for the small means the kernels draw; lambda above 500 is refused because the
     * starting term exp(-lambda) would underflow. For lambda in (0, 10) it equals
     * {@code Distributions.poisson}, which uses the same search there.
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
