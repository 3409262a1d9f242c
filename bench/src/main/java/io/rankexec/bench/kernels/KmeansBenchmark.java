package io.rankexec.bench.kernels;

import io.rankexec.kernels.kmeans.KMeans;
import io.rankexec.kernels.kmeans.KMeansKernel;
import io.rankexec.kernels.kmeans.KMeansResult;
import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.rng.RngKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One k-means restart of the seed case (5000x50 standard normal data, k = 10, iter.max = 35):
 * the unit of work of each task of the naive parallel k-means job. The initial centres are drawn
 * once, so every invocation does the same work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KmeansBenchmark {

    @Param({"HARTIGAN_WONG", "LLOYD"})
    public KMeans.Algorithm algorithm;

    private DataMatrix data;
    private double[] centers;

    @Setup
    public void setUp() {
        data = KMeansKernel.generateNormal(5000, 50, RngKind.MRG32K3A, 1L);
        centers = KMeans.randomCenters(KernelBench.defaultStream(), data, 10);
    }

    @Benchmark
    public KMeansResult restart() {
        return algorithm == KMeans.Algorithm.LLOYD
                ? KMeans.lloyd(data, centers, 10, 35)
                : KMeans.hartiganWong(data, centers, 10, 35);
    }
}
