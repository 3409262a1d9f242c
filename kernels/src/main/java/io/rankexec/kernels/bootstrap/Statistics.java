package io.rankexec.kernels.bootstrap;

import io.rankexec.kernels.glm.Family;
import io.rankexec.kernels.glm.GlmFit;
import io.rankexec.kernels.glm.Irls;
import io.rankexec.kernels.support.DataMatrix;

import java.util.Arrays;
import java.util.function.Function;

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
        return new ColumnMedians();
    }

    /**
     * Logistic regression of column {@code responseCol} (0/1) on the other columns: returns the
     * coefficients (intercept first). Throws IllegalStateException if IRLS does not converge
     * (e.g. a perfectly separated resample).
     */
    public static Statistic logisticRegression(int responseCol) {
        return new LogisticRegression(responseCol);
    }

    /** Columns are copied out of the row-major data once per data set. */
    private static final class ColumnMedians implements Statistic {
        @Override
        public double[] apply(DataMatrix data, int[] counts) {
            return on(data).apply(counts);
        }

        @Override
        public Function<int[], double[]> on(DataMatrix data) {
            int p = data.cols();
            double[][] columns = new double[p][];
            for (int j = 0; j < p; j++) columns[j] = data.column(j);
            return counts -> {
                int total = 0;
                for (int c : counts) total += c;
                double[] col = new double[total];
                double[] out = new double[p];
                for (int j = 0; j < p; j++) {
                    double[] source = columns[j];
                    int at = 0;
                    for (int i = 0; i < source.length; i++) {
                        for (int r = 0; r < counts[i]; r++) col[at++] = source[i];
                    }
                    Arrays.sort(col);
                    out[j] = total % 2 == 1 ? col[total / 2] : (col[total / 2 - 1] + col[total / 2]) / 2.0;
                }
                return out;
            };
        }
    }

    /** Response and predictors are split once per data set; a replicate only sets the weights. */
    private record LogisticRegression(int responseCol) implements Statistic {
        @Override
        public double[] apply(DataMatrix data, int[] counts) {
            return on(data).apply(counts);
        }

        @Override
        public Function<int[], double[]> on(DataMatrix data) {
            int n = data.rows();
            int p = data.cols();
            int q = p - 1;
            double[] x = new double[n * q];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                int at = 0;
                for (int j = 0; j < p; j++) {
                    double v = data.values()[i * p + j];
                    if (j == responseCol) y[i] = v;
                    else x[i * q + at++] = v;
                }
            }
            return counts -> {
                double[] w = new double[n];
                for (int i = 0; i < n; i++) w[i] = counts[i];
                GlmFit fit = Irls.fit(Family.BINOMIAL_LOGIT, x, q, y, w);
                if (!fit.converged()) throw new IllegalStateException("logistic regression did not converge (separated resample?)");
                return fit.coefficients();
            };
        }
    }
}
