package io.rankexec.core.kernels.bootstrap;

import io.rankexec.core.kernels.glm.Family;
import io.rankexec.core.kernels.glm.GlmFit;
import io.rankexec.core.kernels.glm.Irls;
import io.rankexec.core.kernels.support.DataMatrix;

import java.util.Arrays;

/** Ready-made bootstrap statistics. */
public final class Statistics {

    private Statistics() {
    }

    /** Column means. */
    public static Statistic columnMeans() {
        return (data, counts) -> {
            int p = data.cols();
            double[] s = new double[p];
            long total = 0;
            for (int i = 0; i < data.rows(); i++) {
                if (counts[i] == 0) continue;
                total += counts[i];
                for (int j = 0; j < p; j++) s[j] += counts[i] * data.values()[i * p + j];
            }
            for (int j = 0; j < p; j++) s[j] /= total;
            return s;
        };
    }

    /** Column medians (R's median: mean of the two middle values for an even count). */
    public static Statistic columnMedians() {
        return (data, counts) -> {
            int p = data.cols();
            int total = 0;
            for (int c : counts) total += c;
            double[] col = new double[total];
            double[] out = new double[p];
            for (int j = 0; j < p; j++) {
                int at = 0;
                for (int i = 0; i < data.rows(); i++) {
                    for (int r = 0; r < counts[i]; r++) col[at++] = data.values()[i * p + j];
                }
                Arrays.sort(col);
                out[j] = total % 2 == 1 ? col[total / 2] : (col[total / 2 - 1] + col[total / 2]) / 2.0;
            }
            return out;
        };
    }

    /**
     * Logistic regression of column {@code responseCol} (0/1) on the other columns: returns the
     * coefficients (intercept first). Throws IllegalStateException if IRLS does not converge
     * (e.g. a perfectly separated resample).
     */
    public static Statistic logisticRegression(int responseCol) {
        return (data, counts) -> {
            int n = data.rows();
            int p = data.cols();
            int q = p - 1;
            double[] x = new double[n * q];
            double[] y = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                int at = 0;
                for (int j = 0; j < p; j++) {
                    double v = data.values()[i * p + j];
                    if (j == responseCol) y[i] = v;
                    else x[i * q + at++] = v;
                }
                w[i] = counts[i];
            }
            GlmFit fit = Irls.fit(Family.BINOMIAL_LOGIT, x, q, y, w);
            if (!fit.converged()) throw new IllegalStateException("logistic regression did not converge (separated resample?)");
            return fit.coefficients();
        };
    }
}
