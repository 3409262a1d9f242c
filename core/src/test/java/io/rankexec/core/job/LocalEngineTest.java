package io.rankexec.core.job;

import static org.junit.jupiter.api.Assertions.*;

import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.JobFailedException;
import io.rankexec.core.job.JobHandle;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobStatus;
import io.rankexec.core.job.Scheduling;
import io.rankexec.core.job.TaskFailure;
import io.rankexec.core.progress.Progress;
import io.rankexec.core.progress.ProgressListener;
import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.RngKind;
import io.rankexec.rng.StreamSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalEngineTest {

    static final int N = 103;
    static final long SEED = 12345;

    /** A task whose value depends on its stream and whose magnitudes make float sums order-sensitive. */
    static double draw(BlockRandom rng, int taskIndex) {
        double u = rng.nextDouble() + rng.nextDouble();
        return (taskIndex % 3 == 0) ? u * 1e16 : u;
    }

    static JobSpec.Builder<Void, Double> drawJob(int n) {
        return JobSpec.timesToRun(n, ctx -> draw(ctx.rng(), ctx.taskIndex())).rng(RngKind.MRG32K3A, SEED);
    }

    static Combiner<Double, Double> sumInOrder() {
        return Combiner.inOrder(() -> 0.0, Double::sum);
    }

    /** Independent reference: each task's stream created directly from the rng module, folded sequentially. */
    static double referenceSum(RngKind kind, int n) {
        double acc = 0.0;
        for (int i = 0; i < n; i++) acc += draw(StreamSpec.forTask(kind, SEED, i).create(), i);
        return acc;
    }

    static double referenceSum(int n) {
        return referenceSum(RngKind.MRG32K3A, n);
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadsChunkSizeAndScheduling() {
        for (RngKind kind : RngKind.values()) {
            double expected = referenceSum(kind, N);
            List<Double> expectedList = new ArrayList<>();
            for (int i = 0; i < N; i++) expectedList.add(draw(StreamSpec.forTask(kind, SEED, i).create(), i));
            // the fold really is order-sensitive: some other summation order gives different bits
            // (any single order may match by chance, so try three)
            double reversed = 0.0;
            for (int i = N - 1; i >= 0; i--) reversed += expectedList.get(i);
            double evensThenOdds = 0.0;
            for (int start = 0; start < 2; start++) for (int i = start; i < N; i += 2) evensThenOdds += expectedList.get(i);
            double sorted = expectedList.stream().sorted().reduce(0.0, Double::sum);
            assertTrue(java.util.stream.DoubleStream.of(reversed, evensThenOdds, sorted)
                    .anyMatch(other -> Double.doubleToLongBits(other) != Double.doubleToLongBits(expected)),
                    "the test needs an order-sensitive sum");

            for (int threads = 1; threads <= 4; threads++) {
                try (LocalEngine engine = new LocalEngine(threads)) {
                    for (int chunk : new int[] {0, 1, 7, N}) {
                        for (Scheduling s : Scheduling.values()) {
                            JobSpec.Builder<Void, Double> b = drawJob(N).rng(kind, SEED).scheduling(s);
                            if (chunk > 0) b.chunkSize(chunk);
                            JobSpec<Void, Double> spec = b.build();
                            String where = kind + " threads=" + threads + " chunk=" + chunk + " " + s;
                            JobResult<Double> sum = engine.run(spec, sumInOrder());
                            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(sum.valueOrThrow()), where);
                            assertEquals(expectedList, engine.run(spec).valueOrThrow(), where);
                        }
                    }
                }
            }
        }
    }

    @Test
    void asArrivedIntegerCountMatchesExactCount() {
        JobSpec<Void, Integer> spec = JobSpec.timesToRun(500, ctx -> ctx.taskIndex() % 7 == 0 ? 1 : 0).chunkSize(3).build();
        try (LocalEngine engine = new LocalEngine(4)) {
            long count = engine.run(spec, Combiner.<Integer, Long>asArrived(() -> 0L, (a, r) -> a + r)).valueOrThrow();
            assertEquals((500 + 6) / 7, count);
        }
    }

    @Test
    void indexedCombinerSeesTaskIndices() {
        JobSpec<String, Integer> spec = JobSpec.overElements(List.of("a", "bb", "ccc", "dddd"), (ctx, s) -> s.length())
                .chunkSize(1).build();
        try (LocalEngine engine = new LocalEngine(3)) {
            int[] slots = engine.run(spec, Combiner.<Integer, int[]>of(Combiner.Order.AS_ARRIVED, () -> new int[4],
                    (acc, r, i) -> { acc[i] = r * 10 + i; return acc; })).valueOrThrow();
            assertArrayEquals(new int[] {10, 21, 32, 43}, slots);
        }
    }

    @Test
    void failingTasksAreReportedAndOthersKeptWithContinueOnFailure() {
        JobSpec<Void, Integer> spec = JobSpec.timesToRun(50, ctx -> {
            if (ctx.taskIndex() % 10 == 3) throw new IllegalStateException("bad task " + ctx.taskIndex());
            return ctx.taskIndex() * 2;
        }).chunkSize(4).build();
        try (LocalEngine engine = new LocalEngine(3)) {
            JobResult<List<Integer>> r = engine.run(spec);
            assertEquals(JobStatus.COMPLETED_WITH_FAILURES, r.status());
            assertFalse(r.isComplete());
            assertTrue(r.failures().get(0).stackTrace().contains("LocalEngineTest"), "keeps the task's stack trace");
            assertEquals(List.of(3, 13, 23, 33, 43), r.failures().stream().map(TaskFailure::taskIndex).toList());
            for (TaskFailure f : r.failures()) {
                assertEquals(IllegalStateException.class.getName(), f.exceptionClass());
                assertEquals("bad task " + f.taskIndex(), f.message());
            }
            for (int i = 0; i < 50; i++) assertEquals(i % 10 == 3 ? null : i * 2, r.value().get(i));
            assertEquals(45, r.tasksSucceeded());
            JobFailedException e = assertThrows(JobFailedException.class, r::valueOrThrow);
            assertTrue(e.getMessage().contains("task 3 failed: java.lang.IllegalStateException: bad task 3"), e.getMessage());
            // combined value skips failed tasks
            int sum = engine.run(spec, Combiner.<Integer, Integer>inOrder(() -> 0, Integer::sum)).value();
            int expected = 0;
            for (int i = 0; i < 50; i++) if (i % 10 != 3) expected += 2 * i;
            assertEquals(expected, sum);
        }
    }

    @Test
    void firstFailureStopsJobWhenContinueOnFailureIsOff() {
        AtomicInteger calls = new AtomicInteger();
        JobSpec<Void, Integer> spec = JobSpec.timesToRun(1000, ctx -> {
            calls.incrementAndGet();
            if (ctx.taskIndex() == 5) throw new ArithmeticException("division by zero in task");
            return 1;
        }).chunkSize(1).continueOnFailure(false).build();
        try (LocalEngine engine = new LocalEngine(1)) {
            JobResult<List<Integer>> r = engine.run(spec);
            assertEquals(JobStatus.FAILED, r.status());
            assertEquals(List.of(new TaskFailure(5, ArithmeticException.class.getName(), "division by zero in task")), r.failures());
            assertEquals(6, calls.get(), "one worker: nothing after the failing task runs");
            JobFailedException e = assertThrows(JobFailedException.class, r::valueOrThrow);
            assertEquals("job stopped: task 5 failed: java.lang.ArithmeticException: division by zero in task", e.getMessage());
        }
        calls.set(0);
        try (LocalEngine engine = new LocalEngine(4)) {
            JobResult<List<Integer>> r = engine.run(spec.toBuilder().chunkSize(10).build());
            assertEquals(JobStatus.FAILED, r.status());
            assertEquals(5, r.failures().get(0).taskIndex());
            assertTrue(calls.get() < 1000, "outstanding chunks are skipped, ran " + calls.get());
        }
    }

    @Test
    void failFastInterruptsTasksStillRunning() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        JobSpec<Void, Integer> spec = JobSpec.<Integer>timesToRun(2, ctx -> {
            if (ctx.taskIndex() == 0) {
                sleeping.countDown();
                Thread.sleep(600_000);
            }
            sleeping.await();
            throw new IllegalStateException("task 1 is broken");
        }).chunkSize(1).continueOnFailure(false).build();
        try (LocalEngine engine = new LocalEngine(2)) {
            JobResult<List<Integer>> r = engine.submit(spec).await(Duration.ofSeconds(30)).orElseThrow();
            assertEquals(JobStatus.FAILED, r.status());
            assertEquals(List.of(new TaskFailure(1, IllegalStateException.class.getName(), "task 1 is broken")), r.failures());
        }
    }

    @Test
    void cancelStopsRunningAndQueuedWork() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        AtomicInteger calls = new AtomicInteger();
        JobSpec<Void, Integer> spec = JobSpec.timesToRun(10_000, ctx -> {
            calls.incrementAndGet();
            started.countDown();
            while (!ctx.isCancelled()) Thread.onSpinWait(); // a long task that polls cancellation
            return 0;
        }).chunkSize(10).build();
        try (LocalEngine engine = new LocalEngine(2)) {
            JobHandle<List<Integer>> h = engine.submit(spec);
            assertTrue(started.await(30, TimeUnit.SECONDS));
            assertEquals(JobStatus.RUNNING, h.status());
            assertTrue(h.cancel());
            Optional<JobResult<List<Integer>>> r = h.await(Duration.ofSeconds(30));
            assertTrue(r.isPresent(), "cancelled job must end");
            assertEquals(JobStatus.CANCELLED, r.get().status());
            assertTrue(r.get().isCancelled());
            assertTrue(calls.get() < 10_000);
            assertFalse(h.cancel(), "already finished");
            // the engine is still usable and no interrupt leaked into the next job
            JobResult<List<Integer>> next = engine.run(JobSpec.timesToRun(20, ctx -> {
                Thread.sleep(1);
                return ctx.taskIndex();
            }).build());
            assertTrue(next.isComplete(), next.describeProblem());
        }
    }

    @Test
    void cancelInterruptsBlockedTasks() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        JobSpec<Void, Integer> spec = JobSpec.timesToRun(4, ctx -> {
            started.countDown();
            Thread.sleep(600_000);
            return 0;
        }).build();
        try (LocalEngine engine = new LocalEngine(2)) {
            JobHandle<List<Integer>> h = engine.submit(spec);
            assertTrue(started.await(30, TimeUnit.SECONDS));
            h.cancel();
            JobResult<List<Integer>> r = h.await(Duration.ofSeconds(30)).orElseThrow();
            assertEquals(JobStatus.CANCELLED, r.status());
            assertTrue(r.failures().isEmpty(), "an interrupt caused by cancel is not a task failure: " + r.failures());
        }
    }

    @Test
    void emptyJobReturnsInitialValueOrEmptyList() {
        JobSpec<Void, Double> spec = drawJob(0).build();
        try (LocalEngine engine = new LocalEngine(3)) {
            JobResult<List<Double>> list = engine.run(spec);
            assertEquals(JobStatus.COMPLETED, list.status());
            assertEquals(List.of(), list.valueOrThrow());
            assertEquals(-1.5, engine.run(spec, Combiner.<Double, Double>inOrder(() -> -1.5, Double::sum)).valueOrThrow());
            assertEquals(List.of(), engine.run(JobSpec.overElements(List.<String>of(), (ctx, s) -> s).build()).valueOrThrow());
        }
    }

    @Test
    void oneTaskAndMoreWorkersThanTasks() {
        try (LocalEngine engine = new LocalEngine(8)) {
            assertEquals(List.of(referenceSum(1)), engine.run(drawJob(1).build()).valueOrThrow());
            JobSpec<Integer, Integer> three = JobSpec.overElements(List.of(4, 5, 6), (ctx, x) -> x * x).build();
            assertEquals(List.of(16, 25, 36), engine.run(three).valueOrThrow());
            assertEquals(Double.doubleToLongBits(referenceSum(3)),
                    Double.doubleToLongBits(engine.run(drawJob(3).chunkSize(1).build(), sumInOrder()).valueOrThrow()));
        }
    }

    @Test
    void taskPastItsTimeoutFailsWithTimeoutAndJobDoesNotHang() {
        JobSpec<Void, Integer> spec = JobSpec.timesToRun(6, ctx -> {
            if (ctx.taskIndex() == 1) Thread.sleep(600_000);              // interruptible
            if (ctx.taskIndex() == 4) {                                     // ignores interrupts
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                while (System.nanoTime() < end) Thread.onSpinWait();
            }
            return ctx.taskIndex() + 100;
        }).taskTimeout(Duration.ofMillis(300)).chunkSize(2).build();
        try (LocalEngine engine = new LocalEngine(2)) {
            JobResult<List<Integer>> r = engine.run(spec);
            assertEquals(JobStatus.COMPLETED_WITH_FAILURES, r.status());
            assertEquals(List.of(1, 4), r.failures().stream().map(TaskFailure::taskIndex).toList());
            for (TaskFailure f : r.failures()) {
                assertEquals("java.util.concurrent.TimeoutException", f.exceptionClass());
                assertTrue(f.message().contains("timeout"), f.message());
            }
            assertEquals(java.util.Arrays.asList(100, null, 102, 103, null, 105), r.value());
        }
    }

    @Test
    void timeoutModeGivesSameResultsAsHotPath() {
        try (LocalEngine engine = new LocalEngine(2)) {
            double timed = engine.run(drawJob(40).taskTimeout(Duration.ofMinutes(1)).chunkSize(3).build(), sumInOrder()).valueOrThrow();
            assertEquals(Double.doubleToLongBits(referenceSum(40)), Double.doubleToLongBits(timed));
        }
    }

    @Test
    void sharedObjectsAreVisibleAndMisuseIsReported() {
        JobSpec<Void, Object> spec = JobSpec.<Object>timesToRun(3, ctx -> switch (ctx.taskIndex()) {
            case 0 -> ctx.shared("weights", double[].class)[1];
            case 1 -> ctx.shared("nope", double[].class);
            default -> ctx.shared("weights", String.class);
        }).share("weights", new double[] {0.5, 2.5}).build();
        try (LocalEngine engine = new LocalEngine(1)) {
            JobResult<List<Object>> r = engine.run(spec);
            assertEquals(2.5, r.value().get(0));
            assertEquals("no shared object named 'nope' (available: weights)", r.failures().get(0).message());
            assertEquals("shared object 'weights' is a double[], not a java.lang.String", r.failures().get(1).message());
        }
    }

    @Test
    void largeSharedObjectIsNotCopiedPerTask() {
        byte[] big = new byte[300_000_000];
        for (int i = 0; i < 64; i++) big[i * 4_000_000] = (byte) (i + 1);
        JobSpec<Void, Integer> spec = JobSpec.timesToRun(64, ctx -> {
            byte[] b = ctx.shared("big", byte[].class);
            return b.length == 300_000_000 ? (int) b[ctx.taskIndex() * 4_000_000] : -1;
        }).share("big", big).chunkSize(5).build();
        try (LocalEngine engine = new LocalEngine(2)) {
            List<Integer> r = engine.run(spec).valueOrThrow();
            for (int i = 0; i < 64; i++) assertEquals(i + 1, r.get(i));
        }
    }

    @Test
    void progressListenerSeesEveryTask() {
        List<Progress> updates = new ArrayList<>();
        List<JobStatus> finished = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override public void onUpdate(Progress p) { updates.add(p); }
            @Override public void onFinish(Progress p, JobStatus s) { finished.add(s); updates.add(p); }
        };
        try (LocalEngine engine = new LocalEngine(3)) {
            engine.run(drawJob(50).chunkSize(5).progress(listener).build());
        }
        assertEquals(11, updates.size(), "10 chunks + finish");
        assertEquals(List.of(JobStatus.COMPLETED), finished);
        for (int i = 1; i < 10; i++) assertTrue(updates.get(i).tasksDone() > updates.get(i - 1).tasksDone());
        assertEquals(50, updates.get(10).tasksDone());
        assertEquals(1.0, updates.get(10).fraction());
    }

    @Test
    void throwingProgressListenerDoesNotBreakTheJob() {
        ProgressListener bad = p -> { throw new IllegalStateException("listener bug"); };
        try (LocalEngine engine = new LocalEngine(2)) {
            assertTrue(engine.run(drawJob(20).progress(bad).build()).isComplete());
        }
    }

    @Test
    void throwingCombinerFailsTheJob() {
        try (LocalEngine engine = new LocalEngine(2)) {
            JobResult<Double> r = engine.run(drawJob(20).chunkSize(2).build(), Combiner.<Double, Double>inOrder(() -> 0.0, (a, x) -> {
                if (a > 0) throw new IllegalArgumentException("combine bug");
                return a + x;
            }));
            assertEquals(JobStatus.FAILED, r.status());
            assertTrue(r.failures().isEmpty(), "an engine problem, not a failed task");
            assertTrue(r.problem().contains("combiner failed on the result of task 1") && r.problem().contains("combine bug"), r.problem());
        }
    }

    @Test
    void submitIsNonBlockingAndFutureCompletes() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (LocalEngine engine = new LocalEngine(2)) {
            JobHandle<List<Integer>> h = engine.submit(JobSpec.timesToRun(10, ctx -> {
                gate.await();
                return ctx.taskIndex();
            }).build());
            assertFalse(h.isDone());
            assertEquals(10, h.tasksTotal());
            assertTrue(h.await(Duration.ofMillis(50)).isEmpty());
            gate.countDown();
            assertEquals(10, h.future().get(30, TimeUnit.SECONDS).value().size());
            assertEquals(JobStatus.COMPLETED, h.status());
            assertEquals(10, h.tasksDone());
        }
    }

    @Test
    void closedEngineRefusesJobsAndCancelsRunningOnes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        LocalEngine engine = new LocalEngine(1);
        JobHandle<List<Integer>> h = engine.submit(JobSpec.timesToRun(3, ctx -> {
            started.countDown();
            Thread.sleep(600_000);
            return 0;
        }).build());
        JobHandle<List<Integer>> queued = engine.submit(JobSpec.timesToRun(3, ctx -> 1).build());
        assertTrue(started.await(30, TimeUnit.SECONDS));
        engine.close();
        assertEquals(JobStatus.CANCELLED, h.await(Duration.ofSeconds(30)).orElseThrow().status());
        assertEquals(JobStatus.CANCELLED, queued.await(Duration.ofSeconds(30)).orElseThrow().status());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> engine.submit(JobSpec.timesToRun(1, ctx -> 1).build()));
        assertEquals("engine local[1] is closed", e.getMessage());
    }
}
