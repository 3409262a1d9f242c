package io.rankexec.core.spi;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ChunkPlanTest {

    @Test
    void chunksCoverEveryTaskOnceInOrder() {
        for (int n : new int[] {0, 1, 2, 7, 100, 101}) {
            for (int size : new int[] {1, 3, 7, 100, 1000}) {
                ChunkPlan plan = ChunkPlan.of(n, size);
                int next = 0;
                for (Chunk c : plan.chunks()) {
                    assertEquals(next, c.firstTask());
                    assertTrue(c.count() >= 1 && c.count() <= size);
                    for (int t = c.firstTask(); t < c.endTask(); t++) assertEquals(c.index(), plan.chunkOf(t));
                    next = c.endTask();
                }
                assertEquals(n, next, "n=" + n + " size=" + size);
            }
        }
    }

    @Test
    void defaultChunkSizeGivesAboutSixteenChunksPerWorker() {
        assertEquals(7, ChunkPlan.defaultChunkSize(100, 1));
        assertEquals(4, ChunkPlan.defaultChunkSize(100, 2));
        assertEquals(3125, ChunkPlan.defaultChunkSize(100_000, 2));
        assertEquals(1, ChunkPlan.defaultChunkSize(3, 8));
        assertEquals(1, ChunkPlan.defaultChunkSize(0, 2));
        assertEquals(32, ChunkPlan.of(1000, ChunkPlan.defaultChunkSize(1000, 2)).chunkCount());
    }

    @Test
    void badArgumentsAreRejectedWithMessages() {
        assertEquals("chunk size must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> ChunkPlan.of(5, 0)).getMessage());
        assertEquals("task count must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> ChunkPlan.of(-1, 2)).getMessage());
    }
}
