package io.rankexec.core.job;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A submitted, possibly still running job. Thread-safe. */
public interface JobHandle<C> {

    JobStatus status();

    /** Tasks finished so far (succeeded or failed, including tasks restored from a checkpoint). */
    int tasksDone();

    int tasksTotal();

    default boolean isDone() {
        return status().isFinal();
    }

    /**
     * Blocks until the job ends; never throws for task failures (inspect the result). An engine
     * failure (not a task's) is rethrown as IllegalStateException.
     */
    default JobResult<C> await() throws InterruptedException {
        try {
            return future().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("engine failed: " + e.getCause(), e.getCause());
        }
    }

    /** Waits at most {@code timeout}; empty if the job is still running then. */
    default Optional<JobResult<C>> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(future().get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("engine failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Requests cancellation: no new chunks start, running tasks see {@link TaskContext#isCancelled()}
     * and their threads are interrupted. The result then has status CANCELLED (unless the job had
     * already finished). Returns false if the job had already finished.
     */
    boolean cancel();

    /** Completes with the result when the job ends (for non-blocking composition). */
    CompletableFuture<JobResult<C>> future();
}
