package io.rankexec.core.job;

/**
 * One unit of work: a function of the task context and the task's element argument.
 * A task must be deterministic given (context, argument) for results to be reproducible:
 * draw randomness only from {@link TaskContext#rng()}. Tasks may run concurrently on many
 * threads and ranks, so they must not mutate shared state. Under MPI every rank builds the same
 * {@link JobSpec} (SPMD), so a task need not be serializable; its result must be.
 *
 * @param <A> the element argument type ({@link Void} for {@code timesToRun} jobs, argument null)
 * @param <R> the result type
 */
@FunctionalInterface
public interface Task<A, R> {
    R run(TaskContext ctx, A arg) throws Exception;
}
