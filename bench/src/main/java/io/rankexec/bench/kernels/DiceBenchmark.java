package io.rankexec.bench.kernels;

import io.rankexec.kernels.dice.Craps;
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

/** Craps (the seed's playDice): time per game, RNG draws included. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DiceBenchmark {

    private static final int GAMES = 10_000;

    private BlockRandom rng;

    @Setup
    public void setUp() {
        rng = KernelBench.defaultStream();
    }

    @Benchmark
    @OperationsPerInvocation(GAMES)
    public long crapsGame() {
        return Craps.wins(rng, GAMES);
    }
}
