package io.rankexec.core.spi;

import io.rankexec.core.job.TaskFailure;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The outcome of running one chunk: each task's result (by offset in the chunk) and the failures.
 * Plain arrays so Java serialization is cheap (a primitive-array result is written in bulk).
 * Shipped from ranks to rank 0 and written to the checkpoint journal.
 */
public final class ChunkResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int chunkIndex;
    private final int firstTask;
    private final int count;
    /** Tasks attempted from the start of the chunk; < count if the chunk was stopped early. */
    private final int attempted;
    /** results[k] = result of task firstTask+k (null if it failed or was not attempted). */
    private final Object[] results;
    /** Failures in task order. */
    private final TaskFailure[] failures;
    private final long computeNanos;

    public ChunkResult(Chunk chunk, int attempted, Object[] results, TaskFailure[] failures, long computeNanos) {
        if (results.length != chunk.count())
            throw new IllegalArgumentException("results length " + results.length + " != chunk size " + chunk.count());
        if (attempted < 0 || attempted > chunk.count())
            throw new IllegalArgumentException("attempted " + attempted + " out of range for " + chunk);
        this.chunkIndex = chunk.index();
        this.firstTask = chunk.firstTask();
        this.count = chunk.count();
        this.attempted = attempted;
        this.results = results;
        this.failures = failures.clone();
        for (int i = 1; i < this.failures.length; i++)
            if (this.failures[i - 1].taskIndex() >= this.failures[i].taskIndex())
                throw new IllegalArgumentException("failures must be in increasing task order");
        this.computeNanos = computeNanos;
    }

    public Chunk chunk() { return new Chunk(chunkIndex, firstTask, count); }

    public int chunkIndex() { return chunkIndex; }

    public int firstTask() { return firstTask; }

    public int count() { return count; }

    public int attempted() { return attempted; }

    /** True if every task of the chunk was attempted (it may still contain failures). */
    public boolean isComplete() { return attempted == count; }

    public boolean hasFailures() { return failures.length > 0; }

    public List<TaskFailure> failures() { return List.of(failures); }

    /** Result of the task at {@code offset} in the chunk (task firstTask+offset). */
    public Object result(int offset) { return results[offset]; }

    /** Whether the task at {@code offset} was attempted and did not fail. */
    public boolean succeeded(int offset) {
        if (offset < 0 || offset >= attempted) return false;
        int task = firstTask + offset, lo = 0, hi = failures.length - 1;
        while (lo <= hi) { // failures are sorted by task index
            int mid = (lo + hi) >>> 1, t = failures[mid].taskIndex();
            if (t == task) return false;
            if (t < task) lo = mid + 1; else hi = mid - 1;
        }
        return true;
    }

    public int successCount() { return attempted - failures.length; }

    /** Wall time spent computing the chunk on its worker. */
    public long computeNanos() { return computeNanos; }

    @Override
    public String toString() {
        return "ChunkResult[chunk=" + chunkIndex + ", tasks " + firstTask + ".." + (firstTask + count - 1)
                + ", attempted=" + attempted + ", failures=" + Arrays.toString(failures) + "]";
    }
}
