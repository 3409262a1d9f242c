package io.rankexec.core.spi;

import static org.junit.jupiter.api.Assertions.*;

import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.TaskFailure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkRunnerTest {

    static JobSpec<Void, Object> mixedResults() {
        return JobSpec.<Object>timesToRun(6, ctx -> switch (ctx.taskIndex()) {
            case 2 -> new Object();                                        // not serializable
            case 3 -> new ArrayList<>(List.of("ok", new Object()));       // serializable container, bad element
            case 4 -> List.of(1.0, 2.0);                                   // serializable collection
            default -> new double[] {ctx.taskIndex(), 0.5};
        }).build();
    }

    @Test
    void nonSerializableResultIsAFailureOfThatTaskWhenRequired() {
        ChunkRunner<Void, Object> runner = new ChunkRunner<>(mixedResults(), Map.of(), () -> false, true);
        ChunkResult r = runner.run(new Chunk(0, 0, 6));
        assertTrue(r.isComplete());
        assertEquals(List.of(2, 3), r.failures().stream().map(TaskFailure::taskIndex).toList());
        for (TaskFailure f : r.failures()) assertEquals(NotSerializableException.class.getName(), f.exceptionClass());
        assertEquals("java.lang.Object", r.failures().get(0).message());
        assertFalse(r.succeeded(2));
        assertTrue(r.succeeded(4));
        assertArrayEquals(new double[] {5, 0.5}, (double[]) r.result(5));
    }

    @Test
    void withoutTheCheckAnyResultIsAccepted() {
        ChunkResult r = new ChunkRunner<>(mixedResults()).run(new Chunk(0, 0, 6));
        assertFalse(r.hasFailures());
        assertEquals(6, r.successCount());
    }

    @Test
    void chunkResultRoundTripsThroughJavaSerialization() throws Exception {
        JobSpec<Void, double[]> spec = JobSpec.timesToRun(10, ctx -> {
            if (ctx.taskIndex() == 7) throw new IllegalStateException("seven");
            return new double[] {ctx.taskIndex(), ctx.rng().nextDouble()};
        }).build();
        ChunkResult r = new ChunkRunner<>(spec).run(new Chunk(1, 5, 5));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
        }
        ChunkResult back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (ChunkResult) in.readObject();
        }
        assertEquals(r.chunk(), back.chunk());
        assertEquals(r.failures(), back.failures());
        for (int k = 0; k < 5; k++) {
            assertEquals(r.succeeded(k), back.succeeded(k));
            if (k != 2) assertArrayEquals((double[]) r.result(k), (double[]) back.result(k));
        }
        assertEquals(List.of(new TaskFailure(7, IllegalStateException.class.getName(), "seven")), back.failures());
    }

    static ChunkResult deserialize(SerializedChunk s) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(s.buffer(), s.offset(), s.length()))) {
            return (ChunkResult) in.readObject();
        }
    }

    @Test
    void runSerializedGivesTheBytesOfTheResultItReturnsAfterTheHeadroom() throws Exception {
        JobSpec<Void, double[]> spec = JobSpec.timesToRun(10, ctx -> {
            if (ctx.taskIndex() == 7) throw new IllegalStateException("seven");
            return new double[] {ctx.taskIndex(), ctx.rng().nextDouble()};
        }).build();
        SerializedChunk s = new ChunkRunner<>(spec).runSerialized(new Chunk(1, 5, 5), 3);
        assertEquals(3, s.offset());
        assertEquals(s.buffer().length - 3, s.length());
        ChunkResult back = deserialize(s);
        assertEquals(s.result().chunk(), back.chunk());
        assertEquals(s.result().failures(), back.failures());
        assertEquals(List.of(new TaskFailure(7, IllegalStateException.class.getName(), "seven")), back.failures());
        for (int k : new int[] {0, 1, 3, 4}) assertArrayEquals((double[]) s.result().result(k), (double[]) back.result(k));
    }

    /** A result that counts how often it is serialized. */
    static final class Counted implements java.io.Serializable {
        static final java.util.concurrent.atomic.AtomicInteger WRITES = new java.util.concurrent.atomic.AtomicInteger();

        private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
            WRITES.incrementAndGet();
            out.defaultWriteObject();
        }
    }

    @Test
    void aChunkIsSerializedOnceFromRunToJournal(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        JobSpec<Void, Counted> spec = JobSpec.timesToRun(3, ctx -> new Counted()).identity("counted").chunkSize(3)
                .checkpoint(dir, false).build();
        Counted.WRITES.set(0);
        SerializedChunk s = new ChunkRunner<>(spec, Map.of(), () -> false, true).runSerialized(new Chunk(0, 0, 3), 1);
        assertEquals(3, Counted.WRITES.get(), "each of the 3 results written once");
        ResultCollector<Counted, Integer> collector = ResultCollector.open(spec, Combiner.inOrder(() -> 0, (n, c) -> n + 1), 1);
        collector.accept(s); // journals the bytes as they are
        assertEquals(3, collector.finish().valueOrThrow());
        assertEquals(3, Counted.WRITES.get(), "the journal did not serialize again");
        try (io.rankexec.core.checkpoint.CheckpointJournal j =
                     io.rankexec.core.checkpoint.CheckpointJournal.open(dir, spec.fingerprint(), 3, 3, true)) {
            assertEquals(1, j.recovered().size());
        }
    }

    @Test
    void runSerializedTurnsUnserializableResultsIntoFailuresOfTheirTasksInTaskOrder() throws Exception {
        JobSpec<Void, Object> spec = JobSpec.<Object>timesToRun(6, ctx -> switch (ctx.taskIndex()) {
            case 1, 4 -> throw new IllegalStateException("thrown " + ctx.taskIndex());
            case 2 -> new Object();
            case 5 -> new ArrayList<>(List.of("ok", new Object()));
            default -> new double[] {ctx.taskIndex()};
        }).build();
        SerializedChunk s = new ChunkRunner<>(spec).runSerialized(new Chunk(0, 0, 6), 1);
        for (ChunkResult r : List.of(s.result(), deserialize(s))) {
            assertTrue(r.isComplete());
            assertEquals(List.of(1, 2, 4, 5), r.failures().stream().map(TaskFailure::taskIndex).toList());
            assertEquals(List.of(IllegalStateException.class.getName(), NotSerializableException.class.getName(),
                            IllegalStateException.class.getName(), NotSerializableException.class.getName()),
                    r.failures().stream().map(TaskFailure::exceptionClass).toList());
            assertEquals("task 2 failed: java.io.NotSerializableException: java.lang.Object", r.failures().get(1).toString());
            assertArrayEquals(new double[] {3}, (double[]) r.result(3));
            assertEquals(4, r.failures().size());
            assertTrue(r.succeeded(0) && r.succeeded(3));
        }
    }

    @Test
    void withStopOnFailureAnUnserializableResultEndsTheChunkAtItsTask() {
        JobSpec<Void, Object> spec = JobSpec.<Object>timesToRun(6, ctx -> switch (ctx.taskIndex()) {
            case 2 -> new Object();
            case 4 -> throw new IllegalStateException("four"); // ends the run; then task 2 ends it earlier
            default -> new double[] {ctx.taskIndex()};
        }).continueOnFailure(false).build();
        ChunkResult r = new ChunkRunner<>(spec, Map.of(), () -> false, true).run(new Chunk(0, 0, 6));
        assertEquals(3, r.attempted(), "as if task 2 had thrown: tasks 3.. were not attempted");
        assertFalse(r.isComplete());
        assertEquals(List.of(2), r.failures().stream().map(TaskFailure::taskIndex).toList());
        assertTrue(r.succeeded(1));
        assertNull(r.result(3));
    }

    @Test
    void stopRequestLeavesChunkIncomplete() {
        int[] calls = {0};
        JobSpec<Void, Integer> spec = JobSpec.timesToRun(10, ctx -> ++calls[0]).build();
        ChunkResult r = new ChunkRunner<>(spec, Map.of(), () -> calls[0] >= 3, false).run(new Chunk(0, 0, 10));
        assertFalse(r.isComplete());
        assertEquals(3, r.attempted());
        assertTrue(r.succeeded(2));
        assertFalse(r.succeeded(3));
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // hang guard: without polling the stop flag this would wait 10 minutes
    void timedTaskNoticesAStopRequestedWithoutInterrupt() {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        JobSpec<Void, Integer> spec = JobSpec.timesToRun(3, ctx -> {
            stop.set(true);             // e.g. rank 0 said STOP; nobody interrupts this thread
            Thread.sleep(600_000);
            return 1;
        }).taskTimeout(java.time.Duration.ofMinutes(10)).build();
        ChunkResult r = new ChunkRunner<>(spec, Map.of(), stop::get, true).run(new Chunk(0, 0, 3));
        assertEquals(0, r.attempted());
        assertFalse(r.hasFailures());
    }

    @Test
    void rngIsCreatedOnlyWhenAskedAndIsTheTasksOwnStream() {
        JobSpec<Void, String> spec = JobSpec.timesToRun(3, ctx -> ctx.taskIndex() == 1
                ? ctx.streamSpec() + ":" + ctx.rng().nextDouble()
                : "no rng").build();
        ChunkResult r = new ChunkRunner<>(spec).run(new Chunk(0, 0, 3));
        double expected = io.rankexec.rng.StreamSpec.forTask(spec.rngKind(), spec.seed(), 1).create().nextDouble();
        assertEquals(io.rankexec.rng.StreamSpec.forTask(spec.rngKind(), spec.seed(), 1) + ":" + expected, r.result(1));
    }
}
