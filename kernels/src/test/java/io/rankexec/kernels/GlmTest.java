package io.rankexec.kernels;

import io.rankexec.kernels.bootstrap.IrisData;
import io.rankexec.kernels.glm.Family;
import io.rankexec.kernels.glm.GlmFit;
import io.rankexec.kernels.glm.Irls;
import io.rankexec.kernels.poisson.PoissonSimulation;
import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.kernels.support.Draws;
import io.rankexec.rng.BlockRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlmTest {

    @Test
    void logisticFitOnIrisEqualsRGlm() {
        // R: x <- iris[which(iris[,5] != "setosa"), c(1,5)]; coef(glm(x[,2]~x[,1], family=binomial(logit)))
        DataMatrix d = IrisData.sepalLengthVsVirginica();
        assertEquals(100, d.rows());
        GlmFit fit = Irls.fit(Family.BINOMIAL_LOGIT, d.column(0), 1, d.column(1), null);
        assertTrue(fit.converged());
        assertArrayEquals(new double[]{-12.5707833410651926, 2.0129269997338568}, fit.coefficients(), 1e-8);
    }

    @Test
    void poissonFitEqualsRGlm() {
        // R: i <- 1:200; x1 <- log(0.5 + ((i*0.6180339887) %% 1)); x2 <- log(0.5 + ((i*0.41421356) %% 1))
        //    y <- floor(exp(x1 + 2*x2) * (i %% 4) + 0.3); coef(glm(y ~ x1 + x2, family=poisson()))
        int n = 200;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int k = 1; k <= n; k++) {
            double x1 = Math.log(0.5 + ((k * 0.6180339887) % 1));
            double x2 = Math.log(0.5 + ((k * 0.41421356) % 1));
            x[2 * (k - 1)] = x1;
            x[2 * (k - 1) + 1] = x2;
            y[k - 1] = Math.floor(Math.exp(x1 + 2 * x2) * (k % 4) + 0.3);
        }
        GlmFit fit = Irls.fit(Family.POISSON_LOG, x, 2, y, null);
        assertArrayEquals(new double[]{0.23449502332771216, 1.06614195256217670, 2.19237652973695596}, fit.coefficients(), 1e-8);
    }

    @Test
    void frequencyWeightsEqualRepeatedRows() {
        DataMatrix d = IrisData.sepalLengthVsVirginica();
        double[] w = new double[100];
        double[] xs = new double[0], ys = new double[0];
        java.util.List<Double> xr = new java.util.ArrayList<>(), yr = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            w[i] = i % 3;
            for (int r = 0; r < w[i]; r++) {
                xr.add(d.get(i, 0));
                yr.add(d.get(i, 1));
            }
        }
        xs = xr.stream().mapToDouble(Double::doubleValue).toArray();
        ys = yr.stream().mapToDouble(Double::doubleValue).toArray();
        GlmFit weighted = Irls.fit(Family.BINOMIAL_LOGIT, d.column(0), 1, d.column(1), w);
        GlmFit repeated = Irls.fit(Family.BINOMIAL_LOGIT, xs, 1, ys, null);
        assertArrayEquals(repeated.coefficients(), weighted.coefficients(), 1e-9);
    }

    @Test
    void poissonDrawsHaveTheRightMeanAndZeroProbability() {
        BlockRandom rng = ScriptedRandom.stream(5, 2);
        double lambda = 2.5;
        int n = 200_000, zeros = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int v = Draws.poisson(rng, lambda);
            sum += v;
            if (v == 0) zeros++;
        }
        assertEquals(lambda, sum / n, 4.5 * Math.sqrt(lambda / n));
        double p0 = Math.exp(-lambda);
        assertEquals(p0, zeros / (double) n, 4.5 * Math.sqrt(p0 * (1 - p0) / n));
    }

    @Test
    void simulatedPoissonCoefficientsAverageToTheTruth() {
        BlockRandom rng = ScriptedRandom.stream(11, 0);
        double[][] cf = PoissonSimulation.simAndEstimate(rng, 5000, 20);
        double[] mean = new double[3];
        for (double[] row : cf) for (int j = 0; j < 3; j++) mean[j] += row[j] / cf.length;
        // sd of one estimate at nobs=5000 is about 0.02 (intercept) to 0.1 (slopes); mean of 20 ~ /4.5
        assertArrayEquals(PoissonSimulation.TRUE_COEFFICIENTS, mean, 0.1);
    }
}
