package io.rankexec.core.spi;

import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.Engine;
import io.rankexec.core.job.GlobalOptions;
import io.rankexec.core.job.JobHandle;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobSettings;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobStatus;
import io.rankexec.core.job.TaskFailure;
import io.rankexec.core.progress.ConsoleProgress;
import io.rankexec.core.progress.Progress;
import io.rankexec.core.progress.ProgressListener;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine a {@link io.rankexec.core.job.Program} gets: it applies the global options to every
 * job (settings the job leaves unset, a progress bar unless {@code --quiet}, a checkpoint journal
 * per job under {@code --checkpoint DIR}) and remembers whether any job did not complete, for the
 * exit code. Failed tasks are reported on stderr as each job ends: the first ones with the head
 * of their stack trace (all of it stays in the result).
 *
 * <p>Checkpoint identity is derived, never hand-written: the program's main class, its arguments,
 * the job's ordinal in the program and the job's own identity if it sets one; the journal adds
 * task count, generator, seed and chunk size. A changed argument therefore never resumes a
 * foreign journal.
 */
public final class ProgramEngine implements Engine {

    /** Failed tasks whose stack-trace head goes to stderr, and how many lines of each. */
    private static final int REPORTED_FAILURES = 3, TRACE_LINES = 8;

    private final Engine delegate;
    private final GlobalOptions options;
    private final String programIdentity;
    private final PrintStream err;
    private final AtomicInteger jobs = new AtomicInteger();
    private volatile boolean incomplete;

    public ProgramEngine(Engine delegate, GlobalOptions options, String programIdentity, PrintStream err) {
        this.delegate = delegate;
        this.options = options;
        this.programIdentity = programIdentity;
        this.err = err;
    }

    @Override public String name() { return delegate.name(); }

    @Override public int workers() { return delegate.workers(); }

    @Override public JobSettings settings() { return options.settings(); }

    /** True if a job of this program ended other than COMPLETED. */
    public boolean hadIncompleteJob() { return incomplete; }

    @Override
    public <A, R, C> JobHandle<C> submit(JobSpec<A, R> spec, Combiner<? super R, C> combiner) {
        int ordinal = jobs.incrementAndGet();
        // Locally nothing needs the bytes, but the same program on a cluster would: fail here alike.
        if (delegate instanceof io.rankexec.core.job.LocalEngine) JobSerialization.check(spec);
        JobSpec.Builder<A, R> b = spec.withDefaults(options.settings()).toBuilder();
        ProgressListener progress = spec.progress();
        if (progress == ProgressListener.NONE && !options.quiet())
            progress = new ConsoleProgress(err, err == System.err && System.console() != null, 5.0);
        b.progress(warningsTo(progress, err));
        if (options.checkpoint() != null && spec.checkpointDir() == null) {
            b.checkpoint(options.checkpoint().resolve("job-" + ordinal), options.resume());
            b.identity(programIdentity + " | job " + ordinal + (spec.identity() == null ? "" : " | " + spec.identity()));
        }
        JobHandle<C> handle = delegate.submit(b.build(), combiner);
        // The program sees the job end only after its failures are reported (stderr in order).
        CompletableFuture<JobResult<C>> reported = handle.future().thenApply(r -> {
            report(ordinal, r);
            return r;
        });
        return new JobHandle<>() {
            @Override public JobStatus status() { return handle.status(); }
            @Override public int tasksDone() { return handle.tasksDone(); }
            @Override public int tasksTotal() { return handle.tasksTotal(); }
            @Override public boolean cancel() { return handle.cancel(); }
            @Override public CompletableFuture<JobResult<C>> future() { return reported; }
        };
    }

    /** {@code listener} with its warnings on {@code err} (even under --quiet). */
    private static ProgressListener warningsTo(ProgressListener listener, PrintStream err) {
        return new ProgressListener() {
            @Override public void onStart(Progress p) { listener.onStart(p); }
            @Override public void onUpdate(Progress p) { listener.onUpdate(p); }
            @Override public void onFinish(Progress p, JobStatus s) { listener.onFinish(p, s); }
            @Override public void onWarning(String message) {
                synchronized (err) {
                    err.println("rankexec: warning: " + message);
                    err.flush();
                }
            }
        };
    }

    private void report(int ordinal, JobResult<?> r) {
        if (r.status() == JobStatus.COMPLETED) return;
        incomplete = true;
        List<TaskFailure> failures = r.failures();
        if (failures.isEmpty()) return; // cancelled or an engine problem: the program's exception says it
        StringBuilder sb = new StringBuilder();
        sb.append("rankexec: job ").append(ordinal).append(": ").append(failures.size()).append(" of ")
          .append(r.tasksTotal()).append(" tasks failed").append(System.lineSeparator());
        for (TaskFailure f : failures.subList(0, Math.min(REPORTED_FAILURES, failures.size())))
            sb.append("task ").append(f.taskIndex()).append(": ").append(f.stackTraceHead(TRACE_LINES));
        if (failures.size() > REPORTED_FAILURES)
            sb.append("(").append(failures.size() - REPORTED_FAILURES).append(" more failed tasks in the job's result)")
              .append(System.lineSeparator());
        synchronized (err) {
            err.print(sb);
            err.flush();
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
