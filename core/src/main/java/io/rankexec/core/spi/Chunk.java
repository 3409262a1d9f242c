package io.rankexec.core.spi;

import java.io.Serializable;

/**
 * A contiguous run of tasks: tasks {@code firstTask .. firstTask+count-1}. Chunk indices are
 * 0-based and chunks are in task order, so chunk order = task order.
 */
public record Chunk(int index, int firstTask, int count) implements Serializable {

    public Chunk {
        if (index < 0 || firstTask < 0 || count < 1)
            throw new IllegalArgumentException("bad chunk: index=" + index + " firstTask=" + firstTask + " count=" + count);
    }

    /** One past the last task of this chunk. */
    public int endTask() {
        return firstTask + count;
    }
}
