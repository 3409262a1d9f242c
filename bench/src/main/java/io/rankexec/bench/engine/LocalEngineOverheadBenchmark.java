package io.rankexec.bench.engine;

import io.rankexec.core.job.LocalEngine;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.JobSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Framework overhead: a job of 100,000 empty tasks on the local engine (target: under 1 s), with
 * the engine's default chunking and with one task per chunk (the worst case: every task pays
 * the per-chunk scheduling and result-collection cost).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LocalEngineOverheadBenchmark {

    @Param({"100000"})
    public int tasks;

    @Param({"2"})
    public int threads;

    /** 0 = the engine's default chunk size. */
    @Param({"0", "1"})
    public int chunkSize;

    private LocalEngine engine;
    private JobSpec<Void, Boolean> job;

    @Setup(Level.Trial)
    public void setUp() {
        engine = new LocalEngine(threads);
        JobSpec.Builder<Void, Boolean> b = JobSpec.<Boolean>timesToRun(tasks, ctx -> Boolean.TRUE);
        if (chunkSize > 0) b.chunkSize(chunkSize);
        job = b.build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public long emptyTasks() {
        long[] done = engine.run(job, Combiner.<Boolean, long[]>asArrived(() -> new long[1],
                (acc, r) -> { acc[0]++; return acc; })).valueOrThrow();
        if (done[0] != tasks) throw new IllegalStateException(done[0] + " of " + tasks + " tasks completed");
        return done[0];
    }
}
