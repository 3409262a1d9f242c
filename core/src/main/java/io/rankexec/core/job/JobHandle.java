package io.rankexec.core.job;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A submitted, possibly still running job. Thread-safe. */
public interface JobHandle<C> {

    JobStatus status();

    /** Tasks finished so far (succeeded or failed, including tasks restored from a checkpoint). */
    int tasksDone();

    int tasksTotal();

    default boolean isDone() {
        return status().isFinal();
    }

    /** Blocks until the job ends; never throws for task failures (inspect the result). */
    JobResult<C> await() throws InterruptedException;

    /** Waits at most {@code timeout}; empty if the job is still running then. */
    Optional<JobResult<C>> await(Duration timeout) throws InterruptedException;

    /**
     * Requests cancellation: no new chunks start, running tasks see {@link TaskContext#isCancelled()}
     * and their threads are interrupted. The result then has status CANCELLED (unless the job had
     * already finished). Returns false if the job had already finished.
     */
    boolean cancel();

    /** Completes with the result when the job ends (for non-blocking composition). */
    CompletableFuture<JobResult<C>> future();
}
