package io.rankexec.kernels.bootstrap;

import io.rankexec.rng.dist.NormalQuantile;

import java.util.Arrays;

/**
 * Summary of bootstrap replicates per statistic component: bias, standard error and two
 * confidence intervals as {@code boot.ci}: normal, (t0 - bias) -/+ z * se, and percentile
 * (quantiles of the replicates, R's default type 7 interpolation).
 */
public record BootstrapSummary(double[] t0, double[] mean, double[] bias, double[] se, double level,
                               double[] normalLower, double[] normalUpper,
                               double[] percentileLower, double[] percentileUpper, int replicates) {

    /**
     * @param t0   statistic on the full data
     * @param reps replicates, reps[r] the r-th replicate (in replicate order, so sums are reproducible)
     */
    public static BootstrapSummary of(double[] t0, double[][] reps, double level) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        int r = reps.length;
        if (r < 2) throw new IllegalArgumentException("need at least 2 replicates, got " + r);
        int p = t0.length;
        double[] mean = new double[p], bias = new double[p], se = new double[p];
        double[] nl = new double[p], nu = new double[p], pl = new double[p], pu = new double[p];
        double z = NormalQuantile.of((1 + level) / 2);
        double[] col = new double[r];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < r; i++) {
                col[i] = reps[i][j];
                s += col[i];
            }
            double m = s / r;
            double ss = 0;
            for (int i = 0; i < r; i++) ss += (col[i] - m) * (col[i] - m);
            mean[j] = m;
            bias[j] = m - t0[j];
            se[j] = Math.sqrt(ss / (r - 1));
            nl[j] = t0[j] - bias[j] - z * se[j];
            nu[j] = t0[j] - bias[j] + z * se[j];
            Arrays.sort(col);
            pl[j] = quantile7(col, (1 - level) / 2);
            pu[j] = quantile7(col, (1 + level) / 2);
        }
        return new BootstrapSummary(t0.clone(), mean, bias, se, level, nl, nu, pl, pu, r);
    }

    /** R's quantile(type = 7) of sorted values. */
    static double quantile7(double[] sorted, double prob) {
        double h = (sorted.length - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
