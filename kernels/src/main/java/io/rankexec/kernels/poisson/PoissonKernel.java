package io.rankexec.kernels.poisson;

import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobSettings;

import java.util.List;

/**
 * The seed's {@code rxExec(SimAndEstimatePoisson, nobs=50000, trials=10, timesToRun=100)}: each
 * task runs {@code trials} simulate-and-fit rounds on its own stream; the coefficient rows are
 * stacked in task order (R's {@code rbind}).
 */
public final class PoissonKernel {

    private PoissonKernel() {
    }

    /** All coefficient rows (times * trials of them) with column means and standard deviations. */
    public record Result(double[][] coefficients) {
        public double[] mean() {
            double[] m = new double[3];
            for (double[] row : coefficients) for (int j = 0; j < 3; j++) m[j] += row[j];
            for (int j = 0; j < 3; j++) m[j] /= coefficients.length;
            return m;
        }

        public double[] sd() {
            double[] m = mean();
            double[] s = new double[3];
            for (double[] row : coefficients) for (int j = 0; j < 3; j++) s[j] += (row[j] - m[j]) * (row[j] - m[j]);
            for (int j = 0; j < 3; j++) s[j] = coefficients.length > 1 ? Math.sqrt(s[j] / (coefficients.length - 1)) : 0;
            return s;
        }
    }

    public static JobSpec<Void, double[][]> job(int nobs, int trials, int times, JobSettings settings) {
        if (nobs < 3) throw new IllegalArgumentException("nobs must be >= 3, got " + nobs);
        if (trials < 1) throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        if (times < 1) throw new IllegalArgumentException("times must be >= 1, got " + times);
        if ((long) trials * times > 10_000_000L) throw new IllegalArgumentException("trials * times exceeds 1e7 fits");
        JobSpec.Builder<Void, double[][]> b = JobSpec.timesToRun(times,
                ctx -> PoissonSimulation.simAndEstimate(ctx.rng(), nobs, trials));
        return settings.apply(b, "poisson nobs=" + nobs + " trials=" + trials + " times=" + times);
    }

    /** All coefficient rows in task order. */
    public static Result run(Engine engine, int nobs, int trials, int times, JobSettings settings) {
        var res = engine.run(job(nobs, trials, times, settings));
        List<double[][]> parts = res.valueOrThrow();
        double[][] all = new double[trials * times][];
        int at = 0;
        for (double[][] part : parts) for (double[] row : part) all[at++] = row;
        return new Result(all);
    }
}
