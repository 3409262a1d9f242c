package io.rankexec.bench.compare;

import io.rankexec.core.spi.ChunkPlan;
import io.rankexec.core.job.LocalEngine;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.JobSpec;

/**
 * rankexec's side of bench/compare/tiny-tasks.sh: framework overhead on the local engine.
 * TASKS tasks returning sqrt(i) gathered into a vector by task index (foreach's .combine = c),
 * TASKS empty tasks (counted), and TASKS empty tasks with one task per chunk (worst case). Each job runs RUNS times in this JVM: the first run (cold JIT,
 * what a user's one-off job sees) and the best run are both printed.
 * Usage: TinyTasksSide TASKS THREADS
 */
public final class TinyTasksSide {

    private static final int RUNS = 5;

    private TinyTasksSide() {
    }

    public static void main(String[] args) {
        Timing.requireArgs(args, 2, "TinyTasksSide TASKS THREADS");
        int tasks = Timing.positiveInt(args, 0, "TASKS");
        int threads = Timing.positiveInt(args, 1, "THREADS");

        try (LocalEngine engine = new LocalEngine(threads)) {
            // the empty job first, so its first run really is the JVM's first job
            double[] empty = timeRuns(() -> emptyTasks(engine, tasks));
            double[] sqrt = timeRuns(() -> sqrtTasks(engine, tasks));
            double[] perTask = timeRuns(() -> emptyTasksOnePerChunk(engine, tasks));
            Timing.print("engine", engine.name());
            Timing.print("tasks", tasks);
            Timing.print("runs", RUNS);
            Timing.print("chunk_size", ChunkPlan.defaultChunkSize(tasks, threads));
            Timing.printSeconds("empty_first_seconds", empty[0]);
            Timing.printSeconds("empty_best_seconds", empty[1]);
            Timing.printSeconds("sqrt_first_seconds", sqrt[0]);
            Timing.printSeconds("sqrt_best_seconds", sqrt[1]);
            System.out.printf("sqrt_best_us_per_task=%.3f%n", sqrt[1] * 1e6 / tasks);
            Timing.printSeconds("chunk1_first_seconds", perTask[0]);
            Timing.printSeconds("chunk1_best_seconds", perTask[1]);
            System.out.printf("chunk1_best_us_per_chunk=%.3f%n", perTask[1] * 1e6 / tasks);
        }
    }

    /** {first, best} seconds over RUNS runs. */
    private static double[] timeRuns(Runnable job) {
        double first = 0, best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < RUNS; r++) {
            long t0 = System.nanoTime();
            job.run();
            double s = (System.nanoTime() - t0) * 1e-9;
            if (r == 0) first = s;
            best = Math.min(best, s);
        }
        return new double[] {first, best};
    }

    static void emptyTasks(LocalEngine engine, int tasks) {
        countEmpty(engine, JobSpec.<Boolean>timesToRun(tasks, ctx -> Boolean.TRUE).build(), tasks);
    }

    /** Worst case: every task is its own chunk, so each pays the per-chunk scheduling cost. */
    static void emptyTasksOnePerChunk(LocalEngine engine, int tasks) {
        countEmpty(engine, JobSpec.<Boolean>timesToRun(tasks, ctx -> Boolean.TRUE).chunkSize(1).build(), tasks);
    }

    private static void countEmpty(LocalEngine engine, JobSpec<Void, Boolean> spec, int tasks) {
        long[] done = engine.run(spec, Combiner.<Boolean, long[]>asArrived(() -> new long[1],
                (acc, r) -> { acc[0]++; return acc; })).valueOrThrow();
        if (done[0] != tasks) throw new IllegalStateException(done[0] + " of " + tasks + " empty tasks completed");
    }

    static void sqrtTasks(LocalEngine engine, int tasks) {
        JobSpec<Void, Double> spec = JobSpec.<Double>timesToRun(tasks, ctx -> Math.sqrt(ctx.taskIndex() + 1.0)).build();
        double[] v = engine.run(spec, Combiner.<Double, double[]>of(Combiner.Order.AS_ARRIVED, () -> new double[tasks],
                (acc, r, i) -> { acc[i] = r; return acc; })).valueOrThrow();
        if (v[tasks - 1] != Math.sqrt(tasks)) throw new IllegalStateException("wrong result for the last task");
    }
}
