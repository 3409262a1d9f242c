package io.rankexec.kernels.glm;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Iteratively reweighted least squares for a GLM with an intercept, as R's {@code glm.fit}
 * (same starting values and deviance criterion), solving the p x p weighted normal equations
 * with EJML's Cholesky. It iterates to a tighter tolerance than R's default (1e-8) so the
 * coefficients are the MLE to near machine precision.
 */
public final class Irls {

    /** Relative deviance change at which the fit is converged (R uses 1e-8). */
    public static final double EPSILON = 1e-14;
    public static final int MAX_ITERATIONS = 50;

    private Irls() {
    }

    /**
     * Fits y ~ 1 + x.
     *
     * @param x       n x q predictors, row-major (no intercept column)
     * @param q       number of predictor columns
     * @param y       responses
     * @param weights prior weights (e.g. bootstrap counts) or null for all ones; zero drops a row
     */
    public static GlmFit fit(Family family, double[] x, int q, double[] y, double[] weights) {
        int n = y.length;
        if (q < 0 || x.length != (long) n * q)
            throw new IllegalArgumentException("predictor matrix has " + x.length + " values, expected " + n + "*" + q);
        if (weights != null && weights.length != n)
            throw new IllegalArgumentException("weights has length " + weights.length + ", expected " + n);
        int p = q + 1;
        double[] eta = new double[n];
        double[] mu = new double[n];
        double devOld = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1.0 : weights[i];
            family.checkResponse(y[i]);
            mu[i] = family.startMu(y[i], w);
            eta[i] = family.link(mu[i]);
            devOld += w * family.unitDeviance(y[i], mu[i]);
        }
        DMatrixRMaj xtwx = new DMatrixRMaj(p, p);
        DMatrixRMaj xtwz = new DMatrixRMaj(p, 1);
        DMatrixRMaj beta = new DMatrixRMaj(p, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
        double dev = devOld;
        boolean converged = false;
        int iter;
        for (iter = 1; iter <= MAX_ITERATIONS; iter++) {
            xtwx.zero();
            xtwz.zero();
            double[] a = xtwx.data;
            double[] b = xtwz.data;
            for (int i = 0; i < n; i++) {
                double pw = weights == null ? 1.0 : weights[i];
                if (pw == 0) continue;
                double me = family.muEta(eta[i], mu[i]);
                double z = eta[i] + (y[i] - mu[i]) / me;
                double w = pw * me * me / family.variance(mu[i]);
                // row = (1, x_i): the intercept terms are accumulated without a copy of the row
                int xo = i * q;
                a[0] += w;
                b[0] += w * z;
                for (int r = 1; r < p; r++) {
                    double wr = w * x[xo + r - 1];
                    b[r] += wr * z;
                    a[r * p] += wr;
                    for (int s = 1; s <= r; s++) a[r * p + s] += wr * x[xo + s - 1];
                }
            }
            for (int r = 0; r < p; r++) for (int s = r + 1; s < p; s++) a[r * p + s] = a[s * p + r];
            if (!solver.setA(xtwx))
                throw new IllegalArgumentException("singular fit: the predictors are collinear or constant");
            solver.solve(xtwz, beta);
            dev = 0;
            for (int i = 0; i < n; i++) {
                double e = beta.data[0];
                for (int j = 0; j < q; j++) e += beta.data[j + 1] * x[i * q + j];
                eta[i] = e;
                mu[i] = family.linkInverse(e);
                double pw = weights == null ? 1.0 : weights[i];
                if (pw != 0) dev += pw * family.unitDeviance(y[i], mu[i]);
            }
            if (!Double.isFinite(dev)) break;
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON) {
                converged = true;
                break;
            }
            devOld = dev;
        }
        return new GlmFit(beta.data.clone(), dev, Math.min(iter, MAX_ITERATIONS), converged);
    }
}
