package io.rankexec.kernels.bootstrap;

import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.kernels.support.Draws;
import io.rankexec.rng.BlockRandom;

import java.util.function.Function;

/** Ordinary nonparametric bootstrap: one replicate = the statistic on n rows drawn with replacement. */
public final class Bootstrap {

    private Bootstrap() {
    }

    /** Row counts of one resample, {@code tabulate(sample(n, n, replace=TRUE), n)}. */
    public static int[] resampleCounts(BlockRandom rng, int n) {
        if (n < 1) throw new IllegalArgumentException("cannot resample " + n + " rows");
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) counts[Draws.below(rng, n)]++;
        return counts;
    }

    /** One bootstrap replicate of {@code statistic}. */
    public static double[] replicate(BlockRandom rng, DataMatrix data, Statistic statistic) {
        return statistic.apply(data, resampleCounts(rng, data.rows()));
    }

    /** One bootstrap replicate of a statistic bound to its data ({@link Statistic#on}) of {@code rows} rows. */
    public static double[] replicate(BlockRandom rng, int rows, Function<int[], double[]> statistic) {
        return statistic.apply(resampleCounts(rng, rows));
    }
}
