package io.rankexec.core.spi;

import java.util.AbstractList;
import java.util.List;

/**
 * The split of {@code taskCount} tasks into chunks of {@code chunkSize} (the last may be shorter).
 * Deterministic: every rank computes the same plan from the same numbers.
 */
public final class ChunkPlan {

    /**
     * Default chunks per worker when the job sets no chunk size. Task times vary (k-means starts
     * converge after different iteration counts), and with few chunks per worker the last ones
     * leave workers idle: 4 gave 2-thread k-means restarts 0.65 efficiency, 16 gave 0.86 on the
     * same run. A chunk costs microseconds locally and ~0.1-0.25 ms over MPI, so 16 is still cheap.
     */
    public static final int CHUNKS_PER_WORKER = 16;

    private final int taskCount;
    private final int chunkSize;
    private final int chunkCount;

    private ChunkPlan(int taskCount, int chunkSize) {
        this.taskCount = taskCount;
        this.chunkSize = chunkSize;
        this.chunkCount = (int) (((long) taskCount + chunkSize - 1) / chunkSize);
    }

    public static ChunkPlan of(int taskCount, int chunkSize) {
        if (taskCount < 0) throw new IllegalArgumentException("task count must be >= 0, got " + taskCount);
        if (chunkSize < 1) throw new IllegalArgumentException("chunk size must be >= 1, got " + chunkSize);
        return new ChunkPlan(taskCount, chunkSize);
    }

    /** ceil(taskCount / (CHUNKS_PER_WORKER * workers)), at least 1. */
    public static int defaultChunkSize(int taskCount, int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        long per = (long) CHUNKS_PER_WORKER * workers;
        return (int) Math.max(1, (taskCount + per - 1) / per);
    }

    public int taskCount() { return taskCount; }

    public int chunkSize() { return chunkSize; }

    public int chunkCount() { return chunkCount; }

    public Chunk chunk(int index) {
        if (index < 0 || index >= chunkCount)
            throw new IndexOutOfBoundsException("chunk " + index + " of " + chunkCount);
        int first = index * chunkSize;
        return new Chunk(index, first, Math.min(chunkSize, taskCount - first));
    }

    /** The chunk containing {@code task}. */
    public int chunkOf(int task) {
        if (task < 0 || task >= taskCount) throw new IndexOutOfBoundsException("task " + task + " of " + taskCount);
        return task / chunkSize;
    }

    /** All chunks in order (a lazy view). */
    public List<Chunk> chunks() {
        return new AbstractList<>() {
            @Override public Chunk get(int i) { return chunk(i); }
            @Override public int size() { return chunkCount; }
        };
    }

    @Override
    public String toString() {
        return "ChunkPlan[tasks=" + taskCount + ", chunkSize=" + chunkSize + ", chunks=" + chunkCount + "]";
    }
}
