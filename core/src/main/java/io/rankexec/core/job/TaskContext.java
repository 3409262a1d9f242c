package io.rankexec.core.job;

import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.StreamSpec;
import java.util.concurrent.CancellationException;

/**
 * What a running task sees. Valid only during the task's {@code run} call and only on the thread
 * running it.
 */
public interface TaskContext {

    /** Index of this task in the job, 0-based (the position of its element argument). */
    int taskIndex();

    /** Total number of tasks in the job. */
    int taskCount();

    /**
     * The task's own random stream, created on first call from {@link #streamSpec()}. It depends
     * only on (RNG kind, seed, task index), never on the rank, thread, chunk or scheduling, so a
     * task draws the same numbers wherever it runs. Repeated calls return the same generator.
     */
    BlockRandom rng();

    /** Identity of this task's stream (kind, seed, stream); cheap, does not create the generator. */
    StreamSpec streamSpec();

    /**
     * A shared read-only object registered with {@link JobSpec.Builder#share}.
     *
     * @throws IllegalArgumentException if no object has that name or it is not of the given type
     */
    <T> T shared(String name, Class<T> type);

    /**
     * True once the job is cancelled or stopped (a failure with continueOnFailure off), or this
     * task passed its timeout. Cheap (a volatile read); long tasks should poll it in their loops.
     */
    boolean isCancelled();

    /** Throws {@link CancellationException} if {@link #isCancelled()}. */
    default void checkCancelled() {
        if (isCancelled()) throw new CancellationException("task " + taskIndex() + " cancelled");
    }
}
