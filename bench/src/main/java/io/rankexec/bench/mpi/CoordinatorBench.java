package io.rankexec.bench.mpi;

import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.Rankexec;
import java.util.Locale;

/**
 * How many chunks per second rank 0 serves (bench/compare/coordinator.sh): a job of CHUNKS empty
 * tasks, one per chunk, after a warm-up job; run with {@code -Drankexec.mpi.rootComputes=false}
 * so that every chunk crosses MPI. Arguments: [chunks] (default 20000).
 */
public final class CoordinatorBench {
    private CoordinatorBench() { }

    public static void main(String[] args) {
        Rankexec.main(args, CoordinatorBench::run);
    }

    static void run(Engine engine, String[] args) {
        int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        job(engine, Math.min(chunks, 4000)); // warm-up: JIT, connections
        long t0 = System.nanoTime();
        long done = job(engine, chunks);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println(String.format(Locale.ROOT, "%s: %d chunks in %.3f s: %.0f chunks/s, %.1f us per chunk",
                engine.name(), done, seconds, chunks / seconds, seconds * 1e6 / chunks));
    }

    private static long job(Engine engine, int chunks) {
        JobSpec<Void, Integer> spec = JobSpec.timesToRun(chunks, ctx -> 1).chunkSize(1).build();
        return engine.run(spec, Combiner.<Integer, Long>asArrived(() -> 0L, Long::sum)).valueOrThrow();
    }
}
