package io.rankexec.core.spi;

import io.rankexec.core.checkpoint.CheckpointJournal;
import io.rankexec.core.checkpoint.CheckpointMismatchException;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobStatus;
import io.rankexec.core.job.TaskFailure;
import io.rankexec.core.progress.Progress;
import io.rankexec.core.progress.ProgressListener;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The coordinating side of a job, shared by all engines: decides the chunk plan, restores
 * journaled chunks from a checkpoint, accepts {@link ChunkResult}s in any order from any worker,
 * journals completed chunks (outside its lock: threads accepting at once do not queue behind
 * each other's fsync), feeds them to the {@link ChunkFold}, reports progress and produces the
 * {@link JobResult}.
 *
 * <p>Engine protocol: {@link #open} → compute {@link #pendingChunks()} (skipping work once
 * {@link #stopRequested()}), {@link #accept} each result → {@link #finish()} exactly once when no
 * worker is busy any more. All methods are thread-safe.
 */
public final class ResultCollector<R, C> {

    private final JobSpec<?, ? extends R> spec;
    private final Combiner<? super R, C> combiner;
    private final ChunkPlan plan;
    private final CheckpointJournal journal;
    private final ProgressListener listener;
    private final long startNanos = System.nanoTime();
    private final boolean[] chunkDone;
    private final List<Chunk> pending;
    private final ChunkFold<R, C> fold;
    private final List<TaskFailure> failures = new ArrayList<>();
    private String problem; // what stopped the engine (not a task), or null

    private int chunksDone;
    private int tasksFromCheckpoint;
    private volatile int tasksDone;
    private volatile boolean stop;
    private volatile boolean cancelled;
    private volatile boolean stoppedByFailure;
    private volatile JobStatus status = JobStatus.PENDING;
    private JobResult<C> result;

    private ResultCollector(JobSpec<?, ? extends R> spec, Combiner<? super R, C> combiner, ChunkPlan plan,
                            CheckpointJournal journal) {
        this.spec = spec;
        this.combiner = combiner;
        this.plan = plan;
        this.journal = journal;
        this.listener = spec.progress();
        this.chunkDone = new boolean[plan.chunkCount()];
        this.fold = new ChunkFold<>(combiner);
        if (journal != null) restore(journal.recovered());
        List<Chunk> todo = new ArrayList<>();
        for (int i = 0; i < plan.chunkCount(); i++) if (!chunkDone[i]) todo.add(plan.chunk(i));
        this.pending = Collections.unmodifiableList(todo);
        String damage = journal == null ? null : journal.damageReport();
        if (damage != null) {
            String warning = damage + "; " + (plan.taskCount() - tasksFromCheckpoint) + " of " + plan.taskCount()
                    + " tasks will be computed";
            notifyListener(() -> listener.onWarning(warning));
        }
        notifyListener(() -> listener.onStart(progress()));
    }

    /**
     * Plans the job for {@code workers} workers and opens its checkpoint (if any).
     *
     * @throws IllegalArgumentException    bad checkpoint use (journal exists without resume, in use)
     * @throws CheckpointMismatchException if the journal belongs to another job
     * @throws IllegalArgumentException    also if the checkpoint cannot be read or written
     */
    public static <R, C> ResultCollector<R, C> open(JobSpec<?, ? extends R> spec, Combiner<? super R, C> combiner,
                                                    int workers) {
        int defaultSize = ChunkPlan.defaultChunkSize(spec.taskCount(), workers);
        if (spec.checkpointDir() == null) {
            int size = spec.hasChunkSize() ? spec.chunkSize() : defaultSize;
            return new ResultCollector<>(spec, combiner, ChunkPlan.of(spec.taskCount(), size), null);
        }
        CheckpointJournal journal;
        try {
            journal = CheckpointJournal.open(spec.checkpointDir(), spec.fingerprint(), spec.chunkSize(),
                    defaultSize, spec.resume());
        } catch (IOException e) { // read-only, full, not permitted: the user's to fix (exit 2), nothing was computed
            throw new IllegalArgumentException("cannot open the checkpoint journal in " + spec.checkpointDir() + ": "
                    + e.getMessage(), e);
        }
        try {
            return new ResultCollector<>(spec, combiner, ChunkPlan.of(spec.taskCount(), journal.chunkSize()), journal);
        } catch (RuntimeException e) {
            closeQuietly(journal);
            throw e;
        }
    }

    private void restore(List<ChunkResult> records) {
        for (ChunkResult r : records) {
            if (r.chunkIndex() >= plan.chunkCount() || !plan.chunk(r.chunkIndex()).equals(r.chunk()) || !r.isComplete())
                throw new CheckpointMismatchException("checkpoint record " + r + " does not fit this job's " + plan);
            if (chunkDone[r.chunkIndex()]) continue;
            tasksFromCheckpoint += r.count();
            absorb(r);
        }
    }

    public ChunkPlan plan() { return plan; }

    /** Chunks still to compute, in chunk order (all of them unless resuming). */
    public List<Chunk> pendingChunks() { return pending; }

    /** True once the job is cancelled or stopped by a failure: start no more chunks. Cheap. */
    public boolean stopRequested() { return stop; }

    public JobStatus status() { return status; }

    public int tasksDone() { return tasksDone; }

    public int tasksTotal() { return plan.taskCount(); }

    /** Engines call this when the first worker starts (PENDING -> RUNNING). */
    public void markRunning() {
        if (status == JobStatus.PENDING) {
            synchronized (this) {
                if (status == JobStatus.PENDING) status = JobStatus.RUNNING;
            }
        }
    }

    /** Requests cancellation; false if the job already finished. Engines also interrupt workers. */
    public synchronized boolean cancel() {
        if (result != null) return false;
        cancelled = true;
        stop = true;
        return true;
    }

    /** Accepts one chunk's result (any order, from any thread); duplicates are ignored. */
    public void accept(ChunkResult r) {
        accept(r, null);
    }

    /**
     * Accepts one chunk's result with its serialization, which becomes the journal record as it
     * is (no second serialization). The bytes are not used after this returns.
     */
    public void accept(SerializedChunk chunk) {
        accept(chunk.result(), chunk);
    }

    private void accept(ChunkResult r, SerializedChunk serialized) {
        int idx = r.chunkIndex();
        if (idx < 0 || idx >= plan.chunkCount() || !plan.chunk(idx).equals(r.chunk()))
            throw new IllegalArgumentException("result " + r + " does not match " + plan);
        // Journaled (fsync) before it counts, and outside this collector's lock: the journal
        // serializes its own appends.
        String journalProblem = null;
        if (r.isComplete() && !r.hasFailures() && journal != null && !stop) {
            try {
                if (serialized != null) journal.append(serialized);
                else journal.append(r);
            } catch (IOException | RuntimeException e) {
                journalProblem = "cannot write the checkpoint journal in " + spec.checkpointDir() + " (chunk " + idx + "): " + e;
            }
        }
        synchronized (this) {
            if (result != null || chunkDone[idx]) return;
            if (journalProblem != null) stopByProblem(journalProblem);
            if (r.hasFailures() && !spec.continueOnFailure()) stopByFailure();
            absorb(r);
        }
        notifyListener(() -> listener.onUpdate(progress()));
    }

    private void absorb(ChunkResult r) {
        tasksDone += r.attempted();
        failures.addAll(r.failures());
        if (!r.isComplete()) return; // a stopped chunk's partial results are not combined
        chunkDone[r.chunkIndex()] = true;
        chunksDone++;
        if (!fold.add(r, stop)) stopByProblem(fold.problem());
    }

    private void stopByFailure() {
        stoppedByFailure = true;
        stop = true;
    }

    private void stopByProblem(String what) {
        if (problem == null) problem = what;
        stopByFailure();
    }

    /** Ends the job: decides the status, closes the checkpoint, returns the result (idempotent). */
    public synchronized JobResult<C> finish() {
        if (result != null) return result;
        JobStatus s;
        if (cancelled) s = JobStatus.CANCELLED;
        else if (stoppedByFailure) s = JobStatus.FAILED;
        else if (chunksDone == plan.chunkCount()) s = failures.isEmpty() ? JobStatus.COMPLETED : JobStatus.COMPLETED_WITH_FAILURES;
        else {
            int missing = 0;
            while (chunkDone[missing]) missing++;
            Chunk c = plan.chunk(missing);
            problem = "chunk " + missing + " (tasks " + c.firstTask() + ".." + (c.endTask() - 1) + ") never completed";
            s = JobStatus.FAILED;
        }
        if (journal != null) closeQuietly(journal);
        failures.sort(Comparator.comparingInt(TaskFailure::taskIndex));
        status = s;
        result = new JobResult<>(s, fold.value(), failures, problem, plan.taskCount(), fold.tasksFolded(), tasksFromCheckpoint,
                Duration.ofNanos(System.nanoTime() - startNanos));
        JobStatus finalStatus = s;
        notifyListener(() -> listener.onFinish(progress(), finalStatus));
        return result;
    }

    private Progress progress() {
        return new Progress(tasksDone, plan.taskCount(), tasksFromCheckpoint, failures.size(), System.nanoTime() - startNanos);
    }

    /** A misbehaving progress listener must never break the job. */
    private static void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // progress is best effort
        }
    }

    private static void closeQuietly(CheckpointJournal journal) {
        try {
            journal.close();
        } catch (IOException ignored) {
            // nothing left to save
        }
    }
}
