package io.rankexec.core.spi;

import static org.junit.jupiter.api.Assertions.*;

import io.rankexec.core.checkpoint.CheckpointJournal;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.Scheduling;
import io.rankexec.core.job.TaskFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkQueueTest {

    /** Chunk indices handed to {@code worker} until it gets null. */
    static List<Integer> drain(ChunkQueue q, int worker) {
        List<Integer> got = new ArrayList<>();
        Chunk c;
        while ((c = q.next(worker)) != null) got.add(c.index());
        return got;
    }

    @Test
    void staticGivesEachWorkerEveryWorkersthChunkFromItsOwnIndex() {
        ChunkQueue q = new ChunkQueue(ChunkPlan.of(10, 1).chunks(), Scheduling.STATIC, 3, () -> false);
        // the order of asking does not matter: the assignment is fixed in advance
        assertEquals(List.of(2, 5, 8), drain(q, 2));
        assertEquals(List.of(0, 3, 6, 9), drain(q, 0));
        assertEquals(List.of(1, 4, 7), drain(q, 1));
        assertNull(q.next(0));
    }

    @Test
    void dynamicGivesTheNextChunkToWhoeverAsks() {
        ChunkQueue q = new ChunkQueue(ChunkPlan.of(5, 2).chunks(), Scheduling.DYNAMIC, 2, () -> false);
        assertEquals(0, q.next(1).index());
        assertEquals(1, q.next(1).index());
        assertEquals(new Chunk(2, 4, 1), q.next(0));
        assertNull(q.next(1));
        assertNull(q.next(0));
    }

    @Test
    void moreWorkersThanChunks() {
        for (Scheduling s : Scheduling.values()) {
            ChunkQueue q = new ChunkQueue(ChunkPlan.of(2, 1).chunks(), s, 4, () -> false);
            List<Integer> all = new ArrayList<>();
            for (int w = 0; w < 4; w++) all.addAll(drain(q, w));
            assertEquals(List.of(0, 1), all, s.toString());
        }
    }

    @Test
    void nothingIsHandedOutOnceTheJobStopped() {
        AtomicBoolean stop = new AtomicBoolean();
        for (Scheduling s : Scheduling.values()) {
            stop.set(false);
            ChunkQueue q = new ChunkQueue(ChunkPlan.of(10, 1).chunks(), s, 2, stop::get);
            assertNotNull(q.next(0));
            stop.set(true);
            assertNull(q.next(0), s.toString());
            assertNull(q.next(1), s.toString());
        }
    }

    @Test
    void afterAResumeOnlyTheChunksNotJournaledAreHandedOut(@TempDir Path dir) throws Exception {
        JobSpec<Void, Integer> spec = JobSpec.timesToRun(12, ctx -> ctx.taskIndex()).identity("queue").chunkSize(2)
                .checkpoint(dir, true).build();
        ChunkPlan plan = ChunkPlan.of(12, 2);
        try (CheckpointJournal j = CheckpointJournal.open(dir, spec.fingerprint(), 2, 2, true)) {
            for (int i : new int[] {1, 2, 4}) { // journaled earlier, in arrival order
                Chunk c = plan.chunk(i);
                j.append(new ChunkResult(c, 2, new Object[] {c.firstTask(), c.firstTask() + 1}, new TaskFailure[0], 0));
            }
        }
        ResultCollector<Integer, Integer> collector = ResultCollector.open(spec, Combiner.inOrder(() -> 0, Integer::sum), 2);
        try {
            ChunkQueue dynamic = new ChunkQueue(collector.pendingChunks(), Scheduling.DYNAMIC, 2, collector::stopRequested);
            assertEquals(List.of(0, 3, 5), drain(dynamic, 1));
            ChunkQueue stat = new ChunkQueue(collector.pendingChunks(), Scheduling.STATIC, 2, collector::stopRequested);
            assertEquals(List.of(0, 5), drain(stat, 0));
            assertEquals(List.of(3), drain(stat, 1));
        } finally {
            collector.finish();
        }
    }

    @Test
    void badWorkerIndexIsRefused() {
        ChunkQueue q = new ChunkQueue(ChunkPlan.of(4, 1).chunks(), Scheduling.STATIC, 2, () -> false);
        assertThrows(IndexOutOfBoundsException.class, () -> q.next(2));
        assertThrows(IllegalArgumentException.class, () -> new ChunkQueue(List.of(), Scheduling.DYNAMIC, 0, () -> false));
    }
}
