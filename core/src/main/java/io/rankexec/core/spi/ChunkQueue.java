package io.rankexec.core.spi;

import io.rankexec.core.job.Scheduling;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;

/**
 * Hands out a job's pending chunks to {@code workers} workers (threads or ranks), shared by all
 * engines. STATIC: worker w gets pending chunks w, w+workers, w+2*workers, ... (round robin, fixed
 * in advance); DYNAMIC: whichever worker asks gets the next pending chunk (self-scheduling). Once
 * the job is stopped nobody gets another chunk. Thread-safe.
 */
public final class ChunkQueue {

    private final List<Chunk> pending;
    private final Scheduling scheduling;
    private final int workers;
    private final BooleanSupplier stopRequested;
    private final AtomicInteger nextDynamic = new AtomicInteger();
    private final AtomicIntegerArray nextStatic; // per worker: index into pending

    /**
     * @param pending       the chunks still to compute, in chunk order (e.g.
     *                      {@link ResultCollector#pendingChunks()}, which skips journaled ones)
     * @param stopRequested when true, {@link #next} hands out nothing more
     */
    public ChunkQueue(List<Chunk> pending, Scheduling scheduling, int workers, BooleanSupplier stopRequested) {
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        this.pending = List.copyOf(pending);
        this.scheduling = scheduling;
        this.workers = workers;
        this.stopRequested = stopRequested;
        this.nextStatic = new AtomicIntegerArray(workers);
        for (int w = 0; w < workers; w++) nextStatic.set(w, w);
    }

    /** The next chunk for {@code worker} (0-based), or null when it has none left or the job stopped. */
    public Chunk next(int worker) {
        if (worker < 0 || worker >= workers) throw new IndexOutOfBoundsException("worker " + worker + " of " + workers);
        if (stopRequested.getAsBoolean()) return null;
        int i = scheduling == Scheduling.STATIC ? nextStatic.getAndAdd(worker, workers) : nextDynamic.getAndIncrement();
        return i < pending.size() ? pending.get(i) : null;
    }

    public int size() { return pending.size(); }
}
