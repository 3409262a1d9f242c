package io.rankexec.core.spi;

import io.rankexec.core.job.JobHandle;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobStatus;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link JobHandle} backed by a {@link ResultCollector}; reusable by any engine. The engine calls
 * {@link #complete()} once its workers are idle; cancellation goes to the collector and then to
 * the engine's own hook (e.g. interrupting worker threads or telling ranks).
 */
public final class CollectorJobHandle<C> implements JobHandle<C> {

    private final ResultCollector<?, C> collector;
    private final Runnable onCancel;
    private final CompletableFuture<JobResult<C>> future = new CompletableFuture<>();

    public CollectorJobHandle(ResultCollector<?, C> collector, Runnable onCancel) {
        this.collector = collector;
        this.onCancel = onCancel;
    }

    /** Finishes the collector and completes the handle with its result (idempotent). */
    public JobResult<C> complete() {
        JobResult<C> r = collector.finish();
        future.complete(r);
        return r;
    }

    @Override
    public JobStatus status() {
        return future.isDone() ? future.join().status() : collector.status();
    }

    @Override public int tasksDone() { return collector.tasksDone(); }

    @Override public int tasksTotal() { return collector.tasksTotal(); }

    @Override public boolean isDone() { return future.isDone(); }

    @Override
    public boolean cancel() {
        if (future.isDone() || !collector.cancel()) return false;
        onCancel.run();
        return true;
    }

    @Override
    public CompletableFuture<JobResult<C>> future() {
        return future;
    }
}
