package io.rankexec.kernels.kmeans;

import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobSpec;
import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.kernels.support.Draws;
import io.rankexec.core.job.JobSettings;
import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.RngKind;
import io.rankexec.rng.StreamSpec;

/**
 * The seed's naive parallel k-means ({@code kMeansRSR}, i.e. {@code kmeans(x, centers, iter.max,
 * nstart)} with the starts spread over workers): one task per restart, each drawing its initial
 * centres from its own stream; the data are shared once; the fit with the smallest total
 * within-SS wins (ties: lowest restart index, so the winner does not depend on arrival order).
 */
public final class KMeansKernel {

    private KMeansKernel() {
    }

    /** The best fit and how many restarts converged. */
    public record Result(KMeansResult best, int restarts, int convergedRestarts) {
    }

    /** Fold state: best so far and a convergence count (both order-insensitive). */
    private static final class Best {
        KMeansResult best;
        int converged;
        int count;
    }

    public static JobSpec<Void, KMeansResult> job(DataMatrix data, int k, int iterMax, int nstart,
                                                  KMeans.Algorithm algorithm, JobSettings settings) {
        return job(data, k, iterMax, nstart, algorithm, KMeans.Init.RANDOM, settings);
    }

    public static JobSpec<Void, KMeansResult> job(DataMatrix data, int k, int iterMax, int nstart,
                                                  KMeans.Algorithm algorithm, KMeans.Init init, JobSettings settings) {
        if (nstart < 1) throw new IllegalArgumentException("nstart must be >= 1, got " + nstart);
        KMeans.checkK(data, k);
        if (iterMax < 1) throw new IllegalArgumentException("iter-max must be >= 1, got " + iterMax);
        JobSpec.Builder<Void, KMeansResult> b = JobSpec.<KMeansResult>timesToRun(nstart, ctx -> {
            DataMatrix x = ctx.shared("x", DataMatrix.class);
            return KMeans.fit(algorithm, init, x, k, iterMax, ctx.rng()).withRestart(ctx.taskIndex());
        }).share("x", data);
        return settings.apply(b, "kmeans data=" + data.contentHash()
                + " k=" + k + " iter-max=" + iterMax + " nstart=" + nstart + " algorithm=" + algorithm + " init=" + init);
    }

    public static Result run(Engine engine, DataMatrix data, int k, int iterMax, int nstart,
                             KMeans.Algorithm algorithm, JobSettings settings) {
        return run(engine, data, k, iterMax, nstart, algorithm, KMeans.Init.RANDOM, settings);
    }

    /** The best fit. */
    public static Result run(Engine engine, DataMatrix data, int k, int iterMax, int nstart,
                             KMeans.Algorithm algorithm, KMeans.Init init, JobSettings settings) {
        var res = engine.run(job(data, k, iterMax, nstart, algorithm, init, settings),
                Combiner.<KMeansResult, Best>asArrived(Best::new, (acc, r) -> {
                    acc.best = KMeansResult.better(acc.best, r);
                    if (r.converged()) acc.converged++;
                    acc.count++;
                    return acc;
                }));
        Best b = res.valueOrThrow();
        return new Result(b.best, b.count, b.converged);
    }

    /**
     * The seed's {@code matrix(rnorm(rows * cols), nrow = rows)}: standard normals filled column
     * by column from stream 0 of (kind, dataSeed).
     */
    public static DataMatrix generateNormal(int rows, int cols, RngKind kind, long dataSeed) {
        if (rows < 1 || cols < 1) throw new IllegalArgumentException("generated data must be at least 1x1, got " + rows + "x" + cols);
        if ((long) rows * cols > 100_000_000L) throw new IllegalArgumentException("generated data " + rows + "x" + cols + " exceeds 1e8 values");
        BlockRandom rng = new StreamSpec(kind, dataSeed, 0).create();
        double[] v = new double[rows * cols];
        for (int j = 0; j < cols; j++)
            for (int i = 0; i < rows; i++) v[i * cols + j] = Draws.gaussian(rng);
        return new DataMatrix(rows, cols, v);
    }
}
