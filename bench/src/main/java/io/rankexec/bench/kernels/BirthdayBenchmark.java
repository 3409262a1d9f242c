package io.rankexec.bench.kernels;

import io.rankexec.kernels.birthday.Birthday;
import io.rankexec.rng.BlockRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Birthday problem (the seed's pbirthday): time per simulated group. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BirthdayBenchmark {

    private static final int TESTS = 10_000;

    /** 23: the classic group size where the probability first passes 1/2. */
    @Param({"23"})
    public int groupSize;

    private BlockRandom rng;

    @Setup
    public void setUp() {
        rng = KernelBench.defaultStream();
    }

    @Benchmark
    @OperationsPerInvocation(TESTS)
    public int simulatedGroup() {
        return Birthday.countSharedBirthdays(rng, groupSize, TESTS);
    }
}
