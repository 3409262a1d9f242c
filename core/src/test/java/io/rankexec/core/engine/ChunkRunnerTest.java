package io.rankexec.core.engine;

import static org.junit.jupiter.api.Assertions.*;

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
