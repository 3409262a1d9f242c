package io.rankexec.bench.kernels;

import io.rankexec.kernels.pi.MonteCarloPi;
import io.rankexec.rng.BlockRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Monte Carlo pi: time per sampled point (two uniforms from a block fill and a compare). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PiBenchmark {

    private static final int SAMPLES = 1 << 16;

    private BlockRandom rng;

    @Setup
    public void setUp() {
        rng = KernelBench.defaultStream();
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public long point() {
        return MonteCarloPi.countInside(rng, SAMPLES);
    }
}
