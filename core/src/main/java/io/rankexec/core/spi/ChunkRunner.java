package io.rankexec.core.spi;

import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.Task;
import io.rankexec.core.job.TaskFailure;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs the tasks of one chunk on the current JVM and captures results and failures into a
 * {@link ChunkResult}. Engine-neutral: the local engine calls it from its worker threads, the MPI
 * engine on every rank. One runner may be used by several threads at once.
 *
 * <p>Hot path (no timeout): tasks run on the calling thread with one reused context; nothing is
 * allocated per task except what the task itself allocates. With a timeout each task runs on a
 * helper thread so it can be interrupted and, if it ignores the interrupt, abandoned.
 */
public final class ChunkRunner<A, R> {

    /** Helper threads for tasks with a timeout: daemon, so an abandoned task never blocks exit. */
    private static final ExecutorService TIMEOUT_THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rankexec-timed-task");
        t.setDaemon(true);
        return t;
    });

    private static final long STOP_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final JobSpec<A, R> spec;
    private final Task<A, R> task;
    private final Map<String, ?> shared;
    private final BooleanSupplier stopRequested;
    private final boolean requireSerializable;
    private final Duration timeout;

    /**
     * @param spec                 the job
     * @param shared               the shared objects to expose (rank 0's copies on every rank)
     * @param stopRequested        polled between tasks (and by {@code ctx.isCancelled()}); when it
     *                             turns true the chunk stops and is returned incomplete
     * @param requireSerializable  if true, {@link #run} checks the chunk's results by serializing
     *                             it once (see {@link #runSerialized}); engines that ship results
     *                             between processes call {@code runSerialized} and keep the bytes
     */
    public ChunkRunner(JobSpec<A, R> spec, Map<String, ?> shared, BooleanSupplier stopRequested,
                       boolean requireSerializable) {
        this.spec = spec;
        this.task = spec.task();
        this.shared = Map.copyOf(shared);
        this.stopRequested = stopRequested;
        this.requireSerializable = requireSerializable;
        this.timeout = spec.taskTimeout();
    }

    /** In-process runner: the spec's own shared objects, never stopped, no serializability check. */
    public ChunkRunner(JobSpec<A, R> spec) {
        this(spec, spec.shared(), () -> false, false);
    }

    /**
     * Runs the chunk. With {@code requireSerializable} a result that cannot be serialized is a
     * failure of its task, as with {@link #runSerialized}.
     */
    public ChunkResult run(Chunk chunk) {
        return requireSerializable ? runSerialized(chunk, 0).result() : compute(chunk);
    }

    /**
     * Runs the chunk and serializes its result once, after {@code headroom} spare bytes (for the
     * caller's message header). A task result that cannot be serialized becomes a failure of its
     * task ({@link NotSerializableException}), as if the task had thrown it: with continueOnFailure
     * off the chunk then ends at that task.
     *
     * @throws UncheckedIOException if even the results that serialize one by one do not together
     */
    public SerializedChunk runSerialized(Chunk chunk, int headroom) {
        ChunkResult r = compute(chunk);
        try {
            return SerializedChunk.of(r, headroom); // the common case: the only serialization
        } catch (Exception | StackOverflowError e) {
            // Rare (a user mistake): find the culprits one by one, then serialize what is left.
            ChunkResult checked = withUnserializableResultsAsFailures(r);
            try {
                return SerializedChunk.of(checked, headroom);
            } catch (IOException again) {
                throw new UncheckedIOException("cannot serialize the result of chunk " + chunk.index() + ": "
                        + again.getMessage(), again);
            }
        }
    }

    private ChunkResult compute(Chunk chunk) {
        long t0 = System.nanoTime();
        Object[] results = new Object[chunk.count()];
        List<TaskFailure> failures = null;
        RunContext reused = timeout == null ? newContext() : null;
        int attempted = 0;
        for (int k = 0; k < chunk.count(); k++) {
            if (stopRequested.getAsBoolean()) break;
            int index = chunk.firstTask() + k;
            try {
                Object r = timeout == null
                        ? task.run(reused.moveTo(index), spec.argument(index))
                        : runWithTimeout(index);
                results[k] = r;
            } catch (Throwable e) {
                if (stopRequested.getAsBoolean()) break; // interrupted by a stop: not a task failure
                if (e instanceof InterruptedException) Thread.interrupted();
                results[k] = null;
                if (failures == null) failures = new ArrayList<>(2);
                failures.add(TaskFailure.of(index, e));
                if (!spec.continueOnFailure()) {
                    attempted = k + 1;
                    break;
                }
            } finally {
                // An interrupt aimed at this task (cancel, timeout) must not leak into the next one.
                if (timeout == null && Thread.currentThread().isInterrupted() && !stopRequested.getAsBoolean())
                    Thread.interrupted();
            }
            attempted = k + 1;
        }
        TaskFailure[] fails = failures == null ? new TaskFailure[0] : failures.toArray(new TaskFailure[0]);
        return new ChunkResult(chunk, attempted, results, fails, System.nanoTime() - t0);
    }

    private RunContext newContext() {
        return new RunContext(spec.rngKind(), spec.seed(), spec.taskCount(), shared, stopRequested);
    }

    private Object runWithTimeout(int index) throws Exception {
        RunContext ctx = newContext().moveTo(index);
        A arg = spec.argument(index);
        Future<R> f = TIMEOUT_THREADS.submit(() -> task.run(ctx, arg));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                // Wake up now and then: an engine may request a stop without interrupting us.
                long wait = Math.min(deadline - System.nanoTime(), STOP_POLL_NANOS);
                try {
                    return f.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (System.nanoTime() - deadline >= 0) {
                        f.cancel(true);
                        throw new TimeoutException("task " + index + " exceeded its timeout of " + timeout);
                    }
                    if (stopRequested.getAsBoolean()) {
                        f.cancel(true);
                        throw new java.util.concurrent.CancellationException("job stopped");
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) throw ex;
            if (cause instanceof Error err) throw err;
            throw e;
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        }
    }

    /**
     * {@code r} with each successful result that cannot be serialized replaced by a failure of its
     * task; with continueOnFailure off the chunk ends at the first such task (later results and
     * failures are dropped, as if those tasks had not run).
     */
    private ChunkResult withUnserializableResultsAsFailures(ChunkResult r) {
        Object[] results = new Object[r.count()];
        List<TaskFailure> thrown = r.failures(); // sorted by task index
        List<TaskFailure> failures = new ArrayList<>(thrown.size() + 1);
        int attempted = r.attempted(), nextThrown = 0;
        for (int k = 0; k < attempted; k++) {
            int index = r.firstTask() + k;
            if (nextThrown < thrown.size() && thrown.get(nextThrown).taskIndex() == index) {
                failures.add(thrown.get(nextThrown++));
                continue;
            }
            try {
                checkSerializable(r.result(k));
                results[k] = r.result(k);
            } catch (Exception | StackOverflowError e) {
                failures.add(TaskFailure.of(index, e));
                if (!spec.continueOnFailure()) attempted = k + 1;
            }
        }
        return new ChunkResult(r.chunk(), attempted, results, failures.toArray(new TaskFailure[0]), r.computeNanos());
    }

    /**
     * Throws {@link NotSerializableException} if {@code r} cannot be written with Java
     * serialization. Common leaf types are accepted without serializing.
     */
    static void checkSerializable(Object r) throws IOException {
        if (r == null || r instanceof Number || r instanceof String || r instanceof Boolean
                || r instanceof Character || r instanceof Enum<?>) return;
        Class<?> c = r.getClass();
        if (c.isArray() && c.getComponentType().isPrimitive()) return;
        if (!(r instanceof Serializable)) throw new NotSerializableException(c.getName());
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(r);
        }
    }
}
