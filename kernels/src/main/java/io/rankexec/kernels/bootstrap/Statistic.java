package io.rankexec.kernels.bootstrap;

import io.rankexec.kernels.support.DataMatrix;

import java.util.function.Function;

/**
 * A bootstrap statistic (boot's {@code statistic(data, i)}): evaluated on the data with row i
 * taken {@code counts[i]} times. Counts rather than an index vector let model fits use them as
 * frequency weights; the value is the same as on the resampled rows.
 */
@FunctionalInterface
public interface Statistic extends java.io.Serializable {

    /** The statistic's values (one or more) for the resample with the given row counts. */
    double[] apply(DataMatrix data, int[] counts);

    /**
     * This statistic on one data set, as a function of the row counts: {@code on(data).apply(counts)}
     * equals {@code apply(data, counts)}. Statistics that first split or rearrange the data (e.g.
     * response and predictors) override it, so a bootstrap job does that once, not per replicate.
     */
    default Function<int[], double[]> on(DataMatrix data) {
        return counts -> apply(data, counts);
    }

    /** Value on the original data (every count 1). */
    default double[] onFullData(DataMatrix data) {
        int[] ones = new int[data.rows()];
        java.util.Arrays.fill(ones, 1);
        return apply(data, ones);
    }
}
