package io.rankexec.kernels.poisson;

import io.rankexec.kernels.glm.Family;
import io.rankexec.kernels.glm.GlmFit;
import io.rankexec.kernels.glm.Irls;
import io.rankexec.kernels.support.Draws;
import io.rankexec.rng.BlockRandom;

/**
 * The seed's {@code SimAndEstimatePoisson(nobs, trials)}: simulate count ~ Poisson(exp(b0 + b1 x1
 * + b2 x2)) with x1, x2 = log(U(0.5, 1.5)) and (b0, b1, b2) = (0, 1, 2), fit the Poisson GLM by
 * IRLS, and return one coefficient row per trial.
 */
public final class PoissonSimulation {

    /** The true coefficients (b0, b1, b2) of the simulation. */
    public static final double[] TRUE_COEFFICIENTS = {0.0, 1.0, 2.0};

    private PoissonSimulation() {
    }

    /** Simulated data: x is nobs x 2 row-major (x1, x2), y the counts. */
    public record Data(double[] x, double[] y) {
    }

    /** SimulatePoissonData(nobs): draws x1 for all rows, then x2, then the counts (R's order). */
    public static Data simulate(BlockRandom rng, int nobs) {
        if (nobs < 3) throw new IllegalArgumentException("nobs must be >= 3, got " + nobs);
        double[] u = new double[nobs];
        double[] x = new double[2 * nobs];
        for (int col = 0; col < 2; col++) {
            rng.fill(u, 0, nobs);
            for (int i = 0; i < nobs; i++) x[2 * i + col] = Math.log(0.5 + u[i]);
        }
        double[] y = new double[nobs];
        double[] b = TRUE_COEFFICIENTS;
        for (int i = 0; i < nobs; i++) {
            double lambda = Math.exp(b[0] + b[1] * x[2 * i] + b[2] * x[2 * i + 1]);
            y[i] = Draws.poisson(rng, lambda);
        }
        return new Data(x, y);
    }

    /** One trial: simulate and fit; returns (b0, b1, b2). */
    public static double[] simulateAndEstimate(BlockRandom rng, int nobs) {
        Data d = simulate(rng, nobs);
        GlmFit fit = Irls.fit(Family.POISSON_LOG, d.x(), 2, d.y(), null);
        if (!fit.converged()) throw new IllegalStateException("Poisson GLM did not converge in " + fit.iterations() + " iterations");
        return fit.coefficients();
    }

    /** {@code trials} trials in sequence; rows are trials. */
    public static double[][] simAndEstimate(BlockRandom rng, int nobs, int trials) {
        if (trials < 1) throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        double[][] cf = new double[trials][];
        for (int t = 0; t < trials; t++) cf[t] = simulateAndEstimate(rng, nobs);
        return cf;
    }
}
