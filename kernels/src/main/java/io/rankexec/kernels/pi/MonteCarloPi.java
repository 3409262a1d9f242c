package io.rankexec.kernels.pi;

import io.rankexec.rng.BlockRandom;

/**
 * Monte Carlo pi as in the doRedis vignette: the fraction of uniform points of the unit square
 * inside the quarter circle estimates pi/4. Counts are integers, so per-task counts combine
 * exactly in any order.
 */
public final class MonteCarloPi {

    private static final int BLOCK = 4096;

    private MonteCarloPi() {
    }

    /** Number of the {@code samples} points (x, y) with x^2 + y^2 &lt; 1; x and y alternate in the stream. */
    public static long countInside(BlockRandom rng, long samples) {
        if (samples < 0) throw new IllegalArgumentException("samples must be >= 0, got " + samples);
        double[] u = new double[2 * BLOCK];
        long inside = 0;
        long left = samples;
        while (left > 0) {
            int n = (int) Math.min(BLOCK, left);
            rng.fill(u, 0, 2 * n);
            for (int i = 0; i < n; i++) {
                double x = u[2 * i];
                double y = u[2 * i + 1];
                if (x * x + y * y < 1.0) inside++;
            }
            left -= n;
        }
        return inside;
    }

    /** The estimate 4 * inside / samples. */
    public static double estimate(long inside, long samples) {
        return 4.0 * inside / samples;
    }

    /** Standard error of the estimate, 4 * sqrt(p (1 - p) / samples) with p = inside / samples. */
    public static double standardError(long inside, long samples) {
        double p = inside / (double) samples;
        return 4.0 * Math.sqrt(p * (1 - p) / samples);
    }
}
