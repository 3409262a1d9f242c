package io.rankexec.core.job;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BiFunction;

/**
 * Runs jobs: the local thread engine ({@link LocalEngine}), or the one a program started by
 * {@link Rankexec} gets (local threads or MPI ranks). Engines are interchangeable: for the same
 * {@link JobSpec} and an IN_ORDER combiner the result is bit-identical whatever the engine, worker
 * count, chunk size or scheduling.
 *
 * <p>The common cases are one line each, like {@code ExecutorService.invokeAll} or mpi4py's
 * {@code executor.map}: {@link #map}, {@link #repeat}, {@link #reduce}. For shared objects,
 * chunking, failure policy or non-blocking use, build a {@link JobSpec} and {@link #run} or
 * {@link #submit} it.
 */
public interface Engine extends AutoCloseable {

    /** Short name for logs, e.g. "local[4]" or "mpi[8]". */
    String name();

    /** Number of parallel workers (threads or ranks) tasks run on; decides the default chunk size. */
    int workers();

    /** The settings this engine applies to the settings a job leaves unset (seed, generator, ...). */
    default JobSettings settings() {
        return JobSettings.DEFAULTS;
    }

    /** Starts the job and returns at once. */
    <A, R, C> JobHandle<C> submit(JobSpec<A, R> spec, Combiner<? super R, C> combiner);

    /** Starts a job whose value is the list of task results in task order (null where a task failed). */
    default <A, R> JobHandle<List<R>> submit(JobSpec<A, R> spec) {
        return submit(spec, Combiner.<R>toList(spec.taskCount()));
    }

    /**
     * Submits and waits. If the calling thread is interrupted while waiting, the job is cancelled,
     * the interrupt flag is restored and {@link CancellationException} is thrown.
     */
    default <A, R, C> JobResult<C> run(JobSpec<A, R> spec, Combiner<? super R, C> combiner) {
        JobHandle<C> handle = submit(spec, combiner);
        try {
            return handle.await();
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the job");
        }
    }

    default <A, R> JobResult<List<R>> run(JobSpec<A, R> spec) {
        return run(spec, Combiner.<R>toList(spec.taskCount()));
    }

    /**
     * One task per item, results in item order: {@code engine.map(strikes, (ctx, k) -> price(k, ctx.rng()))}.
     *
     * @throws JobFailedException if any task failed (all tasks still ran; the exception's result
     *                            holds the others' results and every failure)
     */
    default <A, R> List<R> map(List<? extends A> items, Task<A, R> task) {
        return run(JobSpec.overElements(items, task).build()).valueOrThrow();
    }

    /**
     * {@code n} tasks (rxExec's timesToRun), results in task order: {@code engine.repeat(400, ctx -> simulate(ctx.rng()))}.
     *
     * @throws JobFailedException if any task failed
     */
    default <R> List<R> repeat(int n, ContextTask<R> task) {
        return run(JobSpec.timesToRun(n, task).build()).valueOrThrow();
    }

    /**
     * {@code n} tasks folded in task order into one value, without keeping the list:
     * {@code double sum = engine.reduce(400, ctx -> payoff(ctx.rng()), 0.0, Double::sum)}.
     * Bit-identical for any ranks, threads, chunk size or schedule.
     *
     * @throws JobFailedException if any task failed
     */
    default <R, C> C reduce(int n, ContextTask<R> task, C initial, BiFunction<C, ? super R, C> fold) {
        return run(JobSpec.timesToRun(n, task).build(), Combiner.<R, C>inOrder(() -> initial, fold)).valueOrThrow();
    }

    /** Releases threads/communicators; running jobs are cancelled. */
    @Override
    void close();
}
