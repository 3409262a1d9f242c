package io.rankexec.bench.kernels;

import io.rankexec.kernels.bootstrap.Bootstrap;
import io.rankexec.kernels.bootstrap.IrisData;
import io.rankexec.kernels.bootstrap.Statistic;
import io.rankexec.kernels.bootstrap.Statistics;
import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.rng.BlockRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One bootstrap replicate of the doRedis example (resample the 100 non-setosa iris rows, fit the
 * logistic regression by IRLS): the body of each task of the bootstrap job.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BootstrapBenchmark {

    private DataMatrix iris;
    private Statistic logit;
    private BlockRandom rng;

    @Setup
    public void setUp() {
        iris = IrisData.sepalLengthVsVirginica();
        logit = Statistics.logisticRegression(1);
        rng = KernelBench.defaultStream();
    }

    /** Resample + IRLS fit (a replicate whose fit fails to converge would throw; iris has none in practice). */
    @Benchmark
    public double[] irisLogisticReplicate() {
        return Bootstrap.replicate(rng, iris, logit);
    }

    /** The full-data fit alone: the IRLS cost without resampling. */
    @Benchmark
    public double[] irisLogisticFullData() {
        return logit.onFullData(iris);
    }
}
