package io.rankexec.core.job;

import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Runs jobs: the local thread engine ({@code io.rankexec.core.engine.LocalEngine}) or the MPI
 * engine. Engines are interchangeable: for the same {@link JobSpec} and an IN_ORDER combiner the
 * result is bit-identical whatever the engine, worker count, chunk size or scheduling.
 */
public interface Engine extends AutoCloseable {

    /** Short name for logs, e.g. "local[4]" or "mpi[8]". */
    String name();

    /** Number of parallel workers (threads or ranks) tasks run on; decides the default chunk size. */
    int workers();

    /**
     * True on the process that holds combined results and should print them and write output
     * files: always for the local engine; rank 0 under MPI (every rank runs the same program).
     */
    default boolean isCoordinator() {
        return true;
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

    /** Releases threads/communicators; running jobs are cancelled. */
    @Override
    void close();
}
