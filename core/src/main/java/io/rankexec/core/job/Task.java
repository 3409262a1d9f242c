package io.rankexec.core.job;

import java.io.Serializable;

/**
 * One unit of work: a function of the task context and the task's element argument.
 * A task must be deterministic given (context, argument) for results to be reproducible:
 * draw randomness only from {@link TaskContext#rng()}. Tasks may run concurrently on many
 * threads and ranks, so they must not mutate shared state.
 *
 * <p>Serializable because under MPI the task travels from rank 0 to the other ranks: a lambda
 * is serializable by itself, and so is everything it captures if it is of a serializable type
 * (numbers, strings, arrays, records declared {@code Serializable}). Large read-only data goes
 * through {@link JobSpec.Builder#share}, sent once per rank, not captured.
 *
 * @param <A> the element argument type ({@link Void} for {@code timesToRun} jobs, argument null)
 * @param <R> the result type (serializable too under MPI)
 */
@FunctionalInterface
public interface Task<A, R> extends Serializable {
    R run(TaskContext ctx, A arg) throws Exception;
}
