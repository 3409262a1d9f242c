package io.rankexec.bench.kernels;

import io.rankexec.kernels.poisson.PoissonSimulation;
import io.rankexec.rng.BlockRandom;
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
 * One trial of the seed's SimAndEstimatePoisson (nobs = 50,000 as in its rxExec call): simulate
 * the data, and simulate + fit the Poisson GLM by IRLS.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PoissonBenchmark {

    @Param({"50000"})
    public int nobs;

    private BlockRandom rng;

    @Setup
    public void setUp() {
        rng = KernelBench.defaultStream();
    }

    @Benchmark
    public PoissonSimulation.Data simulate() {
        return PoissonSimulation.simulate(rng, nobs);
    }

    @Benchmark
    public double[] simulateAndEstimate() {
        return PoissonSimulation.simulateAndEstimate(rng, nobs);
    }
}
