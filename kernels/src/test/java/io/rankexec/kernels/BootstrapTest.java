package io.rankexec.kernels;

import io.rankexec.core.job.LocalEngine;
import io.rankexec.kernels.bootstrap.Bootstrap;
import io.rankexec.kernels.bootstrap.BootstrapKernel;
import io.rankexec.kernels.bootstrap.BootstrapSummary;
import io.rankexec.kernels.bootstrap.IrisData;
import io.rankexec.kernels.bootstrap.Statistic;
import io.rankexec.kernels.bootstrap.Statistics;
import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.core.job.JobSettings;
import io.rankexec.rng.dist.NormalQuantile;
import io.rankexec.rng.BlockRandom;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BootstrapTest {

    @Test
    void normalQuantileEqualsRQnorm() {
        // R: qnorm(c(0.975, 0.5, 1e-10, 0.3, 0.999999))
        double[] p = {0.975, 0.5, 1e-10, 0.3, 0.999999};
        double[] r = {1.95996398454005361, 0.0, -6.36134090240405570, -0.52440051270804067, 4.75342430881708911};
        for (int i = 0; i < p.length; i++) assertEquals(r[i], NormalQuantile.of(p[i]), 1e-14 * Math.max(1, Math.abs(r[i])));
    }

    @Test
    void percentileAndNormalIntervalsFollowBootCi() {
        // replicates 3.1, 1, 4, 1.5, 9, 2.6, 5 of a scalar statistic with t0 = 3;
        // R: quantile(c(3.1, 1, 4, 1.5, 9, 2.6, 5), c(0.025, 0.975)) = 1.075, 8.4
        double[][] reps = {{3.1}, {1}, {4}, {1.5}, {9}, {2.6}, {5}};
        BootstrapSummary s = BootstrapSummary.of(new double[]{3.0}, reps, 0.95);
        assertEquals(1.075, s.percentileLower()[0], 1e-12);
        assertEquals(8.4, s.percentileUpper()[0], 1e-12);
        double mean = 26.2 / 7;
        double sd = 0;
        for (double[] r : reps) sd += (r[0] - mean) * (r[0] - mean);
        sd = Math.sqrt(sd / 6);
        assertEquals(mean - 3.0, s.bias()[0], 1e-12);
        assertEquals(3.0 - (mean - 3.0) - 1.959963984540054 * sd, s.normalLower()[0], 1e-12);
        assertEquals(3.0 - (mean - 3.0) + 1.959963984540054 * sd, s.normalUpper()[0], 1e-12);
    }

    @Test
    void resampleCountsSumToNAndMeanStatisticWeightsByCount() {
        DataMatrix d = new DataMatrix(4, 1, new double[]{1, 2, 3, 10});
        assertArrayEquals(new double[]{(1 * 2 + 3 + 10) / 4.0}, Statistics.columnMeans().apply(d, new int[]{2, 0, 1, 1}), 1e-15);
        assertArrayEquals(new double[]{2.5}, Statistics.columnMedians().apply(d, new int[]{1, 1, 1, 1}), 0);
        int[] counts = Bootstrap.resampleCounts(ScriptedRandom.stream(2, 2), 1000);
        assertEquals(1000, java.util.Arrays.stream(counts).sum());
    }

    @Test
    void bootstrapStandardErrorOfIrisSlopeIsNearTheAsymptoticOne() {
        DataMatrix d = IrisData.sepalLengthVsVirginica();
        Statistic logit = Statistics.logisticRegression(1);
        int r = 1500;
        double[][] reps = new double[r][];
        for (int i = 0; i < r; i++) reps[i] = Bootstrap.replicate(ScriptedRandom.stream(9, i), d, logit);
        BootstrapSummary s = BootstrapSummary.of(logit.onFullData(d), reps, 0.95);
        // R: summary(glm(...))$coefficients: Std. Error of the slope 0.46543313384678231
        assertEquals(0.46543313384678231, s.se()[1], 0.46543313384678231 * 0.15);
        assertEquals(2.0129269997338568, s.t0()[1], 1e-8);
        assertEquals(true, s.percentileLower()[1] < 2.01 && s.percentileUpper()[1] > 2.01);
    }

    @Test
    void boundStatisticsEqualTheirDirectApplication() {
        DataMatrix iris = IrisData.sepalLengthVsVirginica();
        double[] v = new double[30 * 3];
        for (int i = 0; i < 30; i++) {
            v[3 * i] = Math.sin(i);
            v[3 * i + 1] = i % 3 == 0 ? 1 : 0;
            v[3 * i + 2] = i * 0.37 - 4;
        }
        DataMatrix m = new DataMatrix(30, 3, v);
        Object[][] cases = {{iris, Statistics.logisticRegression(1)}, {iris, Statistics.columnMedians()},
                {iris, Statistics.columnMeans()}, {m, Statistics.logisticRegression(1)}, {m, Statistics.columnMedians()}};
        for (Object[] c : cases) {
            DataMatrix d = (DataMatrix) c[0];
            Statistic stat = (Statistic) c[1];
            var bound = stat.on(d);
            for (int r = 0; r < 40; r++) {
                int[] counts = Bootstrap.resampleCounts(ScriptedRandom.stream(3, r), d.rows());
                assertArrayEquals(stat.apply(d, counts), bound.apply(counts), 0.0);
                assertArrayEquals(Bootstrap.replicate(ScriptedRandom.stream(3, r), d, stat),
                        Bootstrap.replicate(ScriptedRandom.stream(3, r), d.rows(), bound), 0.0);
            }
        }
    }

    @Test
    void aJobBindsTheStatisticToItsDataOncePerProcess() {
        DataMatrix d = new DataMatrix(5, 1, new double[]{1, 2, 3, 4, 5});
        AtomicInteger binds = new AtomicInteger();
        Statistic counting = new Statistic() {
            @Override
            public double[] apply(DataMatrix data, int[] counts) {
                return Statistics.columnMeans().apply(data, counts);
            }

            @Override
            public Function<int[], double[]> on(DataMatrix data) {
                binds.incrementAndGet();
                return Statistic.super.on(data);
            }
        };
        try (LocalEngine engine = new LocalEngine(1)) {
            BootstrapKernel.Result r = BootstrapKernel.run(engine, d, counting, "counting", 50, 0.9, JobSettings.DEFAULTS);
            assertEquals(50, r.summary().replicates());
        }
        assertEquals(1, binds.get());
    }
}
