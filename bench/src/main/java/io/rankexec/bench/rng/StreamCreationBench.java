package io.rankexec.bench.rng;

import io.rankexec.rng.Mrg32k3a;
import io.rankexec.rng.Mt2203;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a task pays before its first number: create the task's stream (MT2203's keyed seeding of
 * task i, MRG32k3a's jump to stream i, i.e. i * 2^127 steps) and draw one double. Task indices
 * are drawn uniformly from [0, 10^9), the same sequence for both generators. R's
 * parallel::nextRNGStream, the reference, takes about 0.58 us per stream (bench/RESULTS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class StreamCreationBench {

    private static final int MASK = 4095;
    private final long[] tasks = new long[MASK + 1];
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(16);
        for (int i = 0; i < tasks.length; i++) tasks[i] = r.nextLong(1_000_000_000L);
    }

    @Benchmark
    public double mt2203ForTask() {
        return Mt2203.forTask(777, tasks[next++ & MASK]).nextDouble();
    }

    @Benchmark
    public double mrg32k3aForStream() {
        return Mrg32k3a.forStream(777, tasks[next++ & MASK]).nextDouble();
    }
}
