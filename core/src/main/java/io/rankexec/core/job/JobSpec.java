package io.rankexec.core.job;

import io.rankexec.core.progress.ProgressListener;
import io.rankexec.rng.RngKind;
import io.rankexec.rng.StreamSpec;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable job definition: what to run ({@code timesToRun} or one task per element), how to
 * chunk it, shared read-only objects, the RNG, failure policy, timeout, scheduling, progress and
 * checkpointing. Build one with {@link #timesToRun} or {@link #overElements}.
 *
 * <p>Under MPI every rank builds the same spec from the same inputs (SPMD); rank 0's shared objects
 * are broadcast to the others, and only rank 0 uses the progress listener and the checkpoint.
 *
 * @param <A> element argument type ({@link Void} for timesToRun)
 * @param <R> task result type
 */
public final class JobSpec<A, R> {

    /** RNG used when none is set: MRG32k3a, task i = stream i. */
    public static final RngKind DEFAULT_RNG_KIND = RngKind.MRG32K3A;
    /** Seed used when none is set. Fixed (not time-based) so every rank agrees and runs repeat. */
    public static final long DEFAULT_SEED = 1L;

    private final int taskCount;
    private final List<A> elements;
    private final Task<A, R> task;
    private final int chunkSize;
    private final Map<String, Serializable> shared;
    private final RngKind rngKind;
    private final long seed;
    private final boolean continueOnFailure;
    private final Duration taskTimeout;
    private final Scheduling scheduling;
    private final String identity;
    private final ProgressListener progress;
    private final Path checkpointDir;
    private final boolean resume;

    private JobSpec(Builder<A, R> b) {
        this.taskCount = b.taskCount;
        this.elements = b.elements;
        this.task = b.task;
        this.chunkSize = b.chunkSize;
        this.shared = Collections.unmodifiableMap(new LinkedHashMap<>(b.shared));
        this.rngKind = b.rngKind;
        this.seed = b.seed;
        this.continueOnFailure = b.continueOnFailure;
        this.taskTimeout = b.taskTimeout;
        this.scheduling = b.scheduling;
        this.identity = b.identity;
        this.progress = b.progress;
        this.checkpointDir = b.checkpointDir;
        this.resume = b.resume;
    }

    /** A job that runs {@code task} {@code n} times (rxExec's {@code timesToRun}); n >= 0. */
    public static <R> Builder<Void, R> timesToRun(int n, Task<Void, R> task) {
        if (n < 0) throw new IllegalArgumentException("timesToRun must be >= 0, got " + n);
        return new Builder<>(n, null, Objects.requireNonNull(task, "task"));
    }

    /** Like {@link #timesToRun(int, Task)} for a task that takes only the context. */
    public static <R> Builder<Void, R> timesToRun(int n, ContextTask<R> task) {
        Objects.requireNonNull(task, "task");
        return timesToRun(n, (Task<Void, R>) (ctx, ignored) -> task.run(ctx));
    }

    /**
     * One task per element (rxExec's {@code rxElemArg}, foreach's iterator); task i gets element i.
     * The list is copied; elements must not be null.
     */
    public static <A, R> Builder<A, R> overElements(List<? extends A> elements, Task<A, R> task) {
        Objects.requireNonNull(elements, "elements");
        List<A> copy = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            A e = elements.get(i);
            if (e == null) throw new IllegalArgumentException("element " + i + " is null");
            copy.add(e);
        }
        return new Builder<>(copy.size(), Collections.unmodifiableList(copy), Objects.requireNonNull(task, "task"));
    }

    public int taskCount() { return taskCount; }

    public Task<A, R> task() { return task; }

    /** The element argument of task {@code i} (null for timesToRun jobs). */
    public A argument(int i) {
        Objects.checkIndex(i, taskCount);
        return elements == null ? null : elements.get(i);
    }

    /** Element list, or null for a timesToRun job. */
    public List<A> elements() { return elements; }

    /** Requested chunk size, or 0 if the engine should choose (see ChunkPlan.defaultChunkSize). */
    public int chunkSize() { return chunkSize; }

    public boolean hasChunkSize() { return chunkSize > 0; }

    /** Shared objects by name, in registration order (unmodifiable). */
    public Map<String, Serializable> shared() { return shared; }

    public RngKind rngKind() { return rngKind; }

    public long seed() { return seed; }

    public boolean continueOnFailure() { return continueOnFailure; }

    /** Per-task timeout, or null for none. */
    public Duration taskTimeout() { return taskTimeout; }

    public Scheduling scheduling() { return scheduling; }

    /** Job identity set by the caller (kernel name + parameters), or null. */
    public String identity() { return identity; }

    public ProgressListener progress() { return progress; }

    /** Directory of the checkpoint journal, or null when checkpointing is off. */
    public Path checkpointDir() { return checkpointDir; }

    /** Whether to resume from an existing journal in {@link #checkpointDir()}. */
    public boolean resume() { return resume; }

    /**
     * What a checkpoint journal must match to be resumed: identity, task count and RNG. The chunk
     * size is checked separately by the journal (a resumed job adopts the journal's chunk size
     * when none is set explicitly).
     */
    public String fingerprint() {
        return (identity == null ? "<no identity>" : identity)
                + "|tasks=" + taskCount + "|rng=" + rngKind + ":" + seed;
    }

    public Builder<A, R> toBuilder() {
        Builder<A, R> b = new Builder<>(taskCount, elements, task);
        b.chunkSize = chunkSize;
        b.shared.putAll(shared);
        b.rngKind = rngKind;
        b.seed = seed;
        b.continueOnFailure = continueOnFailure;
        b.taskTimeout = taskTimeout;
        b.scheduling = scheduling;
        b.identity = identity;
        b.progress = progress;
        b.checkpointDir = checkpointDir;
        b.resume = resume;
        return b;
    }

    @Override
    public String toString() {
        return "JobSpec[" + fingerprint() + ", chunkSize=" + (chunkSize > 0 ? chunkSize : "auto")
                + ", " + scheduling + ", continueOnFailure=" + continueOnFailure
                + (taskTimeout != null ? ", timeout=" + taskTimeout : "")
                + (shared.isEmpty() ? "" : ", shared=" + shared.keySet()) + "]";
    }

    /** Mutable builder; {@link #build()} validates and freezes. */
    public static final class Builder<A, R> {
        private final int taskCount;
        private final List<A> elements;
        private final Task<A, R> task;
        private int chunkSize;
        private final Map<String, Serializable> shared = new LinkedHashMap<>();
        private RngKind rngKind = DEFAULT_RNG_KIND;
        private long seed = DEFAULT_SEED;
        private boolean continueOnFailure = true;
        private Duration taskTimeout;
        private Scheduling scheduling = Scheduling.DYNAMIC;
        private String identity;
        private ProgressListener progress = ProgressListener.NONE;
        private Path checkpointDir;
        private boolean resume;

        private Builder(int taskCount, List<A> elements, Task<A, R> task) {
            this.taskCount = taskCount;
            this.elements = elements;
            this.task = task;
        }

        /** Tasks per chunk (rxExec's {@code taskChunkSize}); must be >= 1. Unset: engine default. */
        public Builder<A, R> chunkSize(int size) {
            if (size < 1) throw new IllegalArgumentException("chunk size must be >= 1, got " + size);
            this.chunkSize = size;
            return this;
        }

        /**
         * Registers a read-only object tasks read with {@link TaskContext#shared} (rxExec's
         * {@code execObjects}). Sent once per rank, never per task; tasks must not modify it.
         */
        public Builder<A, R> share(String name, Serializable value) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("shared object name must not be blank");
            if (value == null) throw new IllegalArgumentException("shared object '" + name + "' is null");
            if (shared.putIfAbsent(name, value) != null)
                throw new IllegalArgumentException("shared object '" + name + "' registered twice");
            return this;
        }

        /** RNG kind and seed; task i draws from the stream for (kind, seed, i). */
        public Builder<A, R> rng(RngKind kind, long seed) {
            if (kind == null) throw new IllegalArgumentException("RNG kind must not be null");
            this.rngKind = kind;
            this.seed = seed;
            return this;
        }

        public Builder<A, R> seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * On (default): a failed task is reported and the others still run. Off: the first
         * failure stops the job (outstanding work is cancelled), status FAILED.
         */
        public Builder<A, R> continueOnFailure(boolean on) {
            this.continueOnFailure = on;
            return this;
        }

        /**
         * Per-task wall-time limit. A task past it is interrupted, abandoned if it ignores the
         * interrupt, and reported as a failure with {@link java.util.concurrent.TimeoutException}.
         * Tasks then run on helper threads (a small per-task cost); null = no limit.
         */
        public Builder<A, R> taskTimeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero()))
                throw new IllegalArgumentException("task timeout must be positive, got " + timeout);
            this.taskTimeout = timeout;
            return this;
        }

        public Builder<A, R> scheduling(Scheduling scheduling) {
            if (scheduling == null) throw new IllegalArgumentException("scheduling must not be null");
            this.scheduling = scheduling;
            return this;
        }

        /** Job identity (kernel name + parameters) recorded in and checked against checkpoints. */
        public Builder<A, R> identity(String identity) {
            if (identity != null && identity.isBlank()) throw new IllegalArgumentException("job identity must not be blank");
            this.identity = identity;
            return this;
        }

        public Builder<A, R> progress(ProgressListener listener) {
            this.progress = listener == null ? ProgressListener.NONE : listener;
            return this;
        }

        /**
         * Journals completed chunks in {@code dir} (created if missing). With {@code resume} the
         * chunks already in the journal are not recomputed (a missing or empty journal starts from
         * scratch); without it an existing journal is an error, so finished work is never
         * overwritten silently. Requires an {@link #identity}.
         */
        public Builder<A, R> checkpoint(Path dir, boolean resume) {
            this.checkpointDir = Objects.requireNonNull(dir, "checkpoint dir");
            this.resume = resume;
            return this;
        }

        public JobSpec<A, R> build() {
            if (checkpointDir != null && identity == null)
                throw new IllegalArgumentException("checkpointing needs a job identity (set identity(...))");
            new StreamSpec(rngKind, seed, 0); // validates the seed range for this generator family
            return new JobSpec<>(this);
        }
    }
}
