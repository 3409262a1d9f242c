package io.rankexec.kernels.bootstrap;

import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.TaskFailure;
import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.core.job.JobSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Bootstrap as in the doRedis example ({@code foreach(icount(trials), .combine=cbind) %dopar%
 * coefficients(glm(x[ind,2] ~ x[ind,1], family=binomial(logit)))}): one task per replicate on its
 * own stream; replicates are summarized in replicate order, so the summary is reproducible. A
 * replicate that fails (e.g. a separated resample) is dropped and counted, not fatal.
 */
public final class BootstrapKernel {

    private BootstrapKernel() {
    }

    /** The summary plus the replicates that failed (index and reason). */
    public record Result(BootstrapSummary summary, List<TaskFailure> failedReplicates) {
    }

    public static JobSpec<Void, double[]> job(DataMatrix data, Statistic statistic, String statisticName,
                                              int replicates, JobSettings settings) {
        if (replicates < 2) throw new IllegalArgumentException("replicates must be >= 2, got " + replicates);
        if (data.rows() < 2) throw new IllegalArgumentException("bootstrap needs at least 2 data rows, got " + data.rows());
        BoundStatistic bound = new BoundStatistic(statistic);
        JobSpec.Builder<Void, double[]> b = JobSpec.<double[]>timesToRun(replicates, ctx -> {
            DataMatrix shared = ctx.shared("data", DataMatrix.class);
            return Bootstrap.replicate(ctx.rng(), shared.rows(), bound.on(shared));
        }).share("data", data);
        return settings.apply(b, "bootstrap statistic=" + statisticName + " data=" + data.contentHash()
                + " replicates=" + replicates);
    }

    /** Summary of the successful replicates. */
    public static Result run(Engine engine, DataMatrix data, Statistic statistic, String statisticName,
                             int replicates, double level, JobSettings settings) {
        if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        double[] t0 = statistic.onFullData(data);
        JobResult<List<double[]>> res = engine.run(job(data, statistic, statisticName, replicates, settings));
        if (res.isCancelled() || res.status() == io.rankexec.core.job.JobStatus.FAILED) res.valueOrThrow();
        List<double[]> ok = new ArrayList<>();
        for (double[] r : res.value()) if (r != null) ok.add(r);
        if (ok.size() < 2)
            throw new IllegalStateException("only " + ok.size() + " of " + replicates + " replicates succeeded"
                    + (res.failures().isEmpty() ? "" : "; first failure: " + res.failures().get(0)));
        return new Result(BootstrapSummary.of(t0, ok.toArray(new double[0][]), level), res.failures());
    }

    /**
     * The statistic bound to the job's shared data once per process rather than per replicate.
     * Keyed by the data instance: under MPI each rank binds to its own copy of rank 0's data.
     * Two threads may bind at the same time; both get equal functions, so either may win. It
     * travels with the task to the other ranks; the binding does not (each rebinds to its data).
     */
    private static final class BoundStatistic implements java.io.Serializable {
        private record Binding(DataMatrix data, Function<int[], double[]> statistic) {
        }

        private final Statistic statistic;
        private transient volatile Binding binding;

        BoundStatistic(Statistic statistic) {
            this.statistic = statistic;
        }

        Function<int[], double[]> on(DataMatrix data) {
            Binding b = binding;
            if (b == null || b.data() != data) binding = b = new Binding(data, statistic.on(data));
            return b.statistic();
        }
    }

    /** The doRedis example: logistic regression of virginica on Sepal.Length over iris's non-setosa rows. */
    public static Result runIrisLogistic(Engine engine, int replicates, double level, JobSettings settings) {
        return run(engine, IrisData.sepalLengthVsVirginica(), Statistics.logisticRegression(1), "iris-logit",
                replicates, level, settings);
    }
}
