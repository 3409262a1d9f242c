package io.rankexec.core.job;

import io.rankexec.core.progress.ProgressListener;
import io.rankexec.rng.RngKind;
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
 * <p>Under MPI the program runs on rank 0 only: the task, the elements and the settings travel to
 * the other ranks serialized (so they must be serializable, see {@link Task}), shared objects are
 * broadcast once, and the progress listener and the checkpoint stay on rank 0.
 *
 * @param <A> element argument type ({@link Void} for timesToRun)
 * @param <R> task result type
 */
public final class JobSpec<A, R> {

    /** RNG used when none is set: MRG32k3a, task i = stream i. */
    public static final RngKind DEFAULT_RNG_KIND = JobSettings.DEFAULTS.rng();
    /** Seed used when none is set ({@link JobSettings#DEFAULT_SEED}). */
    public static final long DEFAULT_SEED = JobSettings.DEFAULT_SEED;

    // Bits of the settings a job sets itself; the others take the engine's (see withDefaults).
    private static final int RNG = 1, SEED = 2, CHUNK = 4, SCHEDULING = 8, FAILURE = 16, TIMEOUT = 32, ALL = 63;

    private final int taskCount;
    private final List<A> elements;
    private final Task<A, R> task;
    private final JobSettings settings;
    private final int explicit;
    private final Map<String, Serializable> shared;
    private final String identity;
    private final ProgressListener progress;
    private final Path checkpointDir;
    private final boolean resume;

    private JobSpec(Builder<A, R> b) {
        this.taskCount = b.taskCount;
        this.elements = b.elements;
        this.task = b.task;
        this.settings = b.settings;
        this.explicit = b.explicit;
        this.shared = Collections.unmodifiableMap(new LinkedHashMap<>(b.shared));
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
    public int chunkSize() { return settings.chunkSize(); }

    public boolean hasChunkSize() { return settings.chunkSize() > 0; }

    /** The run settings: those the job set itself, the rest as defaulted so far. */
    public JobSettings settings() { return settings; }

    /**
     * This job with {@code defaults} for every setting it did not set itself (an engine's settings,
     * e.g. the command line's {@code --seed}). Settings made on the builder win.
     */
    public JobSpec<A, R> withDefaults(JobSettings defaults) {
        JobSettings s = settings, d = defaults;
        JobSettings merged = new JobSettings(
                (explicit & RNG) != 0 ? s.rng() : d.rng(),
                (explicit & SEED) != 0 ? s.seed() : d.seed(),
                (explicit & CHUNK) != 0 ? s.chunkSize() : d.chunkSize(),
                (explicit & SCHEDULING) != 0 ? s.scheduling() : d.scheduling(),
                (explicit & FAILURE) != 0 ? s.continueOnFailure() : d.continueOnFailure(),
                (explicit & TIMEOUT) != 0 ? s.taskTimeout() : d.taskTimeout());
        if (merged.equals(settings)) return this;
        Builder<A, R> b = toBuilder();
        b.settings = merged;
        return b.build();
    }

    /** Shared objects by name, in registration order (unmodifiable). */
    public Map<String, Serializable> shared() { return shared; }

    public RngKind rngKind() { return settings.rng(); }

    public long seed() { return settings.seed(); }

    public boolean continueOnFailure() { return settings.continueOnFailure(); }

    /** Per-task timeout, or null for none. */
    public Duration taskTimeout() { return settings.taskTimeout(); }

    public Scheduling scheduling() { return settings.scheduling(); }

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
                + "|tasks=" + taskCount + "|rng=" + rngKind() + ":" + seed();
    }

    public Builder<A, R> toBuilder() {
        Builder<A, R> b = new Builder<>(taskCount, elements, task);
        b.settings = settings;
        b.explicit = explicit;
        b.shared.putAll(shared);
        b.identity = identity;
        b.progress = progress;
        b.checkpointDir = checkpointDir;
        b.resume = resume;
        return b;
    }

    @Override
    public String toString() {
        return "JobSpec[" + fingerprint() + ", chunkSize=" + (hasChunkSize() ? chunkSize() : "auto")
                + ", " + scheduling() + ", continueOnFailure=" + continueOnFailure()
                + (taskTimeout() != null ? ", timeout=" + taskTimeout() : "")
                + (shared.isEmpty() ? "" : ", shared=" + shared.keySet()) + "]";
    }

    /** Mutable builder; {@link #build()} validates and freezes. */
    public static final class Builder<A, R> {
        private final int taskCount;
        private final List<A> elements;
        private final Task<A, R> task;
        private JobSettings settings = JobSettings.DEFAULTS;
        private int explicit;
        private final Map<String, Serializable> shared = new LinkedHashMap<>();
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
            settings = settings.withChunkSize(size);
            explicit |= CHUNK;
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
            settings = settings.withRng(kind).withSeed(seed);
            explicit |= RNG | SEED;
            return this;
        }

        public Builder<A, R> seed(long seed) {
            settings = settings.withSeed(seed);
            explicit |= SEED;
            return this;
        }

        /** All run settings at once (the ones set before are replaced). */
        public Builder<A, R> settings(JobSettings all) {
            settings = Objects.requireNonNull(all, "settings");
            explicit = ALL;
            return this;
        }

        /**
         * On (default): a failed task is reported and the others still run. Off: the first
         * failure stops the job (outstanding work is cancelled), status FAILED.
         */
        public Builder<A, R> continueOnFailure(boolean on) {
            settings = settings.withContinueOnFailure(on);
            explicit |= FAILURE;
            return this;
        }

        /**
         * Per-task wall-time limit. A task past it is interrupted, abandoned if it ignores the
         * interrupt, and reported as a failure with {@link java.util.concurrent.TimeoutException}.
         * Tasks then run on helper threads (a small per-task cost); null = no limit.
         */
        public Builder<A, R> taskTimeout(Duration timeout) {
            settings = settings.withTaskTimeout(timeout);
            explicit |= TIMEOUT;
            return this;
        }

        public Builder<A, R> scheduling(Scheduling scheduling) {
            settings = settings.withScheduling(scheduling);
            explicit |= SCHEDULING;
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
            return new JobSpec<>(this);
        }
    }
}
