package io.rankexec.bench.rng;

import io.rankexec.rng.Mrg32k3a;
import io.rankexec.rng.Mt2203;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Uniform doubles on [0,1) in blocks of 10^6, as MKL's vdRngUniform is timed by
 * bench/mkl/vdrng_bench.c: the score is ns per double. Mt2203 runs with the Vector API kernel
 * (the fork adds jdk.incubator.vector) and, in {@link PlainJava}, with the plain-Java kernel;
 * java.util.Random and SplittableRandom fill the same array with nextDouble() as baselines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// eager: measure the vector kernel in steady state, not the JVM-wide warm-up switch (VectorWarmup).
// Prepended, so the plain-Java benchmark's own -Dio.rankexec.rng.vector=false (later) still wins.
@Fork(value = 1, jvmArgsPrepend = "-Dio.rankexec.rng.vector=eager", jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class UniformBlockBench {

    static final int BLOCK = 1_000_000;

    final double[] out = new double[BLOCK];
    Mt2203 mt2203;
    Mrg32k3a mrg32k3a;
    Random random;
    SplittableRandom splittable;

    @Setup
    public void setUp() {
        mt2203 = new Mt2203(777, 0);
        System.out.println("mt2203 kernel: " + mt2203.kernelName()); // bench/mkl/run.sh reports it
        System.out.println("mrg32k3a kernel: " + new Mrg32k3a(1).kernelName());
        mrg32k3a = new Mrg32k3a(777);
        random = new Random(777);
        splittable = new SplittableRandom(777);
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double[] mt2203Fill() {
        mt2203.fill(out, 0, BLOCK);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double[] mrg32k3aFill() {
        mrg32k3a.fill(out, 0, BLOCK);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double[] javaUtilRandom() {
        Random r = random;
        for (int i = 0; i < BLOCK; i++) out[i] = r.nextDouble();
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BLOCK)
    public double[] splittableRandom() {
        SplittableRandom r = splittable;
        for (int i = 0; i < BLOCK; i++) out[i] = r.nextDouble();
        return out;
    }

    /**
     * Mrg32k3a with its older AVX-512-only decimation kernel (64-bit multiplies), the default
     * until 2026-12-01, for comparison; where it does not fit (no AVX-512) the scalar loops run.
     */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    @Fork(value = 1, jvmArgsPrepend = "-Dio.rankexec.rng.vector=eager",
            jvmArgs = "-Dio.rankexec.rng.mrg32k3a.kernel=decimation", jvmArgsAppend = "--add-modules=jdk.incubator.vector")
    public static class Decimation {
        final double[] out = new double[BLOCK];
        Mrg32k3a mrg32k3a;

        @Setup
        public void setUp() {
            mrg32k3a = new Mrg32k3a(777);
            System.out.println("mrg32k3a decimation kernel: " + mrg32k3a.kernelName());
        }

        @Benchmark
        @OperationsPerInvocation(BLOCK)
        public double[] mrg32k3aFillDecimation() {
            mrg32k3a.fill(out, 0, BLOCK);
            return out;
        }
    }

    /** Mt2203 and Mrg32k3a with their plain-Java kernels, as on a JVM started without jdk.incubator.vector. */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    @Fork(value = 1, jvmArgs = "-Dio.rankexec.rng.vector=false")
    public static class PlainJava {
        final double[] out = new double[BLOCK];
        Mt2203 mt2203;
        Mrg32k3a mrg32k3a;

        @Setup
        public void setUp() {
            mt2203 = new Mt2203(777, 0);
            if (!mt2203.kernelName().equals("scalar")) throw new IllegalStateException("expected the scalar kernel");
            mrg32k3a = new Mrg32k3a(777);
            if (!mrg32k3a.kernelName().equals("scalar")) throw new IllegalStateException("expected the scalar loops");
        }

        @Benchmark
        @OperationsPerInvocation(BLOCK)
        public double[] mrg32k3aFillPlainJava() {
            mrg32k3a.fill(out, 0, BLOCK);
            return out;
        }

        @Benchmark
        @OperationsPerInvocation(BLOCK)
        public double[] mt2203FillPlainJava() {
            mt2203.fill(out, 0, BLOCK);
            return out;
        }
    }
}
