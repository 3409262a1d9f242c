package io.rankexec.mpi;

import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobHandle;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.spi.ChunkQueue;
import io.rankexec.core.spi.ChunkRunner;
import io.rankexec.core.spi.CollectorJobHandle;
import io.rankexec.core.spi.ResultCollector;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import mpi.Intracomm;
import mpi.MPI;

/**
 * The job API over MPI (MPJ Express), coordinator-only like mpi4py's {@code MPICommExecutor}: the
 * user's program runs on rank 0 and submits jobs there; the other ranks run {@link #serve()},
 * which never returns to user code until rank 0 closes the engine. So nothing on a worker rank
 * can be mistaken for a result, and input files need only be readable on rank 0.
 *
 * <p>Per job, rank 0 plans the chunks (and opens the checkpoint), then broadcasts the job: the
 * task, the elements and the settings serialized once, followed by the shared objects (streamed
 * in pieces, so no size limit). Every rank, rank 0 included, computes chunks with core's
 * {@link ChunkRunner}; rank 0 serves workers' requests from a coordinator thread and feeds their
 * results to the {@link ResultCollector} (combine, progress, checkpoint journal). STATIC
 * scheduling pre-assigns chunks round robin over the computing ranks; DYNAMIC hands out the next
 * chunk to whichever rank asks (self-scheduling), both through core's {@link ChunkQueue}. Results
 * never depend on either: see {@link Combiner.Order}.
 *
 * <p>Each rank computes on {@link MpiSettings#threadsPerRank()} threads. The parts: rank 0's
 * {@link Coordinator} and the other ranks' {@link Worker} per job, the {@link Watchdog}, the job's
 * {@link JobPayload} and the {@link SharedBroadcast}.
 *
 * <p>Liveness: a worker busy with long chunks sends a heartbeat every {@code timeout/10}; rank 0
 * declares a rank silent for {@code timeout} dead, and a worker whose rank 0 does not answer for
 * {@code timeout} gives up. Both cases call the {@link FatalHandler} (the job cannot complete;
 * chunks already journaled survive for {@code --resume}); only the entry point decides how the
 * process ends.
 */
public final class MpiEngine implements Engine {

    /** Called when the job cannot go on (a rank died or MPI failed); must not return normally. */
    @FunctionalInterface
    public interface FatalHandler {
        void fatal(String message);
    }

    /** Commands rank 0 broadcasts to the serving ranks. */
    private static final int CMD_JOB = 1, CMD_SHUTDOWN = 2;

    private final Intracomm comm;
    private final int rank;
    private final int size;
    private final MpiSettings settings;
    private final FatalHandler fatal;
    private final ExecutorService jobThread;
    private CompletableFuture<?> lastJob = CompletableFuture.completedFuture(null);
    private volatile CollectorJobHandle<?> runningOnRoot;
    private volatile boolean closed;

    public MpiEngine(Intracomm comm, MpiSettings settings, FatalHandler fatal) {
        this.comm = Objects.requireNonNull(comm, "comm");
        this.rank = comm.Rank();
        this.size = comm.Size();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fatal = Objects.requireNonNull(fatal, "fatal");
        // Created by the rank's own thread (under MPJ multicore, thread group = rank).
        this.jobThread = Executors.newSingleThreadExecutor(r -> daemon(r, "rankexec-mpi-job"));
    }

    @Override public String name() { return "mpi[" + size + (settings.threadsPerRank() > 1 ? "x" + settings.threadsPerRank() : "") + "]"; }

    /** Ranks x threads per rank: what the default chunk size is planned for. */
    @Override public int workers() { return size * settings.threadsPerRank(); }

    public int rank() { return rank; }

    public int size() { return size; }

    /**
     * Rank 0 only. Plans the job, opens its checkpoint and sends it to the other ranks before it
     * returns; the chunks then run in the background. Jobs run one after another in submission order.
     *
     * @throws IllegalArgumentException if the checkpoint cannot be used or the job cannot be sent
     *                                  to the other ranks (a task or element that is not serializable)
     */
    @Override
    public synchronized <A, R, C> JobHandle<C> submit(JobSpec<A, R> spec, Combiner<? super R, C> combiner) {
        if (rank != 0) throw new IllegalStateException("jobs are submitted on rank 0; rank " + rank + " serves them");
        if (closed) throw new IllegalStateException("engine " + name() + " is closed");
        lastJob.join(); // MPI calls of consecutive jobs must not interleave
        // Everything that can refuse the job happens before the other ranks hear of it.
        byte[] job = JobPayload.serialize(spec, settings.threadsPerRank(), settings.requestsPerRank());
        ResultCollector<R, C> collector = ResultCollector.open(spec, combiner, workers());
        java.util.List<String> sharedArrays = new java.util.ArrayList<>();
        if (size > 1) {
            comm.Bcast(new int[] {CMD_JOB}, 0, 1, MPI.INT, 0);
            SharedBroadcast.broadcast(comm, JobPayload.withShared(job, spec.shared()), settings.shareArrays(), sharedArrays);
        }
        ChunkRunner<A, R> runner = new ChunkRunner<>(spec, spec.shared(), collector::stopRequested, true);
        Coordinator<C> run = new Coordinator<>(comm, settings, fatal, collector, runner, spec.scheduling());
        runningOnRoot = run.handle();
        lastJob = CompletableFuture.runAsync(run::run, jobThread)
                .whenComplete((ignored, error) -> SharedArrays.release(sharedArrays));
        return run.handle();
    }

    /**
     * Ranks 1..size-1: serves rank 0's jobs, one after another, until rank 0 closes its engine.
     * Never returns a result: results live on rank 0 only.
     */
    public void serve() {
        if (rank == 0) throw new IllegalStateException("rank 0 submits jobs; the other ranks serve them");
        int[] command = new int[1];
        Watchdog idle = new Watchdog(size, settings.timeout(), settings.beatInterval());
        idle.startServing(fatal);
        while (true) {
            idle.waiting(true);
            comm.Bcast(command, 0, 1, MPI.INT, 0);
            idle.waiting(false);
            if (command[0] != CMD_JOB) break;
            JobPayload.Received job = JobPayload.read(SharedBroadcast.broadcast(comm, Map.of(), settings.shareArrays(), new java.util.ArrayList<>()));
            AtomicBoolean stop = new AtomicBoolean();
            ChunkRunner<Object, Object> runner = new ChunkRunner<>(job.spec(), job.spec().shared(), stop::get, true);
            new Worker(comm, settings, fatal, runner, stop, job.threads(), job.requests()).run();
        }
        idle.stop();
        jobThread.shutdown();
    }

    /** Rank 0: waits for the last job (cancelling a running one) and releases the serving ranks. */
    @Override
    public void close() {
        CompletableFuture<?> last;
        synchronized (this) {
            if (closed) return;
            closed = true;
            last = lastJob;
        }
        CollectorJobHandle<?> h = runningOnRoot;
        if (h != null && !h.isDone()) h.cancel();
        try {
            last.join();
        } catch (RuntimeException ignored) {
            // the job reported its own failure
        }
        if (rank == 0 && size > 1) comm.Bcast(new int[] {CMD_SHUTDOWN}, 0, 1, MPI.INT, 0);
        jobThread.shutdown();
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
