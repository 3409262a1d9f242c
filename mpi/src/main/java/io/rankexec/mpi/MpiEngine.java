package io.rankexec.mpi;

import io.rankexec.core.spi.Chunk;
import io.rankexec.core.spi.ChunkQueue;
import io.rankexec.core.spi.ChunkRunner;
import io.rankexec.core.spi.CollectorJobHandle;
import io.rankexec.core.spi.ResultCollector;
import io.rankexec.core.spi.SerializedChunk;
import io.rankexec.core.job.Combiner;
import io.rankexec.core.spi.MpjLaunch;
import io.rankexec.core.spi.ProgramRunner;
import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobHandle;
import io.rankexec.core.job.JobResult;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobStatus;
import io.rankexec.core.job.Scheduling;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.zip.CRC32;
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
 * <p>Liveness: a worker busy with a long chunk sends a heartbeat every {@code timeout/10}; rank 0
 * declares a rank silent for {@code timeout} dead, and a worker whose rank 0 does not answer for
 * {@code timeout} gives up. Both cases call the {@link FatalHandler} (the job cannot complete;
 * chunks already journaled survive for {@code --resume}).
 */
public final class MpiEngine implements Engine {

    /** Called when the job cannot go on (a rank died or MPI failed); must not return normally. */
    @FunctionalInterface
    public interface FatalHandler {
        void fatal(String message);
    }

    /** Default liveness timeout; override with -Drankexec.mpi.timeout=SECONDS. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Commands rank 0 broadcasts to the serving ranks. */
    private static final int CMD_JOB = 1, CMD_SHUTDOWN = 2;

    private final Intracomm comm;
    private final int rank;
    private final int size;
    private final Duration timeout;
    private final FatalHandler fatal;
    private final ExecutorService jobThread;
    private CompletableFuture<?> lastJob = CompletableFuture.completedFuture(null);
    private volatile CollectorJobHandle<?> runningOnRoot;
    private volatile boolean closed;

    public MpiEngine(Intracomm comm, Duration timeout, FatalHandler fatal) {
        this.comm = Objects.requireNonNull(comm, "comm");
        this.rank = comm.Rank();
        this.size = comm.Size();
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        this.timeout = timeout;
        this.fatal = Objects.requireNonNull(fatal, "fatal");
        // Created by the rank's own thread (under MPJ multicore, thread group = rank).
        this.jobThread = Executors.newSingleThreadExecutor(r -> daemon(r, "rankexec-mpi-job"));
    }

    /** -Drankexec.mpi.timeout=SECONDS, else {@link #DEFAULT_TIMEOUT}. */
    public static Duration timeoutFromProperty() {
        String s = System.getProperty("rankexec.mpi.timeout");
        if (s == null || s.isBlank()) return DEFAULT_TIMEOUT;
        try {
            double seconds = Double.parseDouble(s.trim());
            if (seconds > 0) return Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new IllegalArgumentException("rankexec.mpi.timeout must be a positive number of seconds, got '" + s + "'");
    }

    @Override public String name() { return "mpi[" + size + "]"; }

    @Override public int workers() { return size; }

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
        byte[] job = JobPayload.serialize(spec);
        ResultCollector<R, C> collector = ResultCollector.open(spec, combiner, size);
        if (size > 1) {
            comm.Bcast(new int[] {CMD_JOB}, 0, 1, MPI.INT, 0);
            SharedBroadcast.broadcast(comm, JobPayload.withShared(job, spec.shared()));
        }
        ChunkRunner<A, R> runner = new ChunkRunner<>(spec, spec.shared(), collector::stopRequested, true);
        RootRun<C> run = new RootRun<>(collector, runner, spec.scheduling());
        runningOnRoot = run.handle;
        lastJob = CompletableFuture.runAsync(run::run, jobThread);
        return run.handle;
    }

    /**
     * Ranks 1..size-1: serves rank 0's jobs, one after another, until rank 0 closes its engine.
     * Never returns a result: results live on rank 0 only.
     */
    public void serve() {
        if (rank == 0) throw new IllegalStateException("rank 0 submits jobs; the other ranks serve them");
        int[] command = new int[1];
        while (true) {
            comm.Bcast(command, 0, 1, MPI.INT, 0);
            if (command[0] != CMD_JOB) break;
            Map<String, Serializable> received = SharedBroadcast.broadcast(comm, Map.of());
            JobSpec<Object, Object> spec = JobPayload.read(received);
            AtomicBoolean stop = new AtomicBoolean();
            new WorkerRun(new ChunkRunner<>(spec, spec.shared(), stop::get, true), stop).run();
        }
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

    private Duration beatInterval() {
        long ms = Math.max(100, Math.min(2000, timeout.toMillis() / 10));
        return Duration.ofMillis(ms);
    }

    // ---- rank 0 --------------------------------------------------------------------------------

    /** Rank 0's side of one job: a local compute thread plus the coordinator loop serving workers. */
    private final class RootRun<C> {
        private final ResultCollector<?, C> collector;
        private final ChunkRunner<?, ?> runner;
        /** -Drankexec.mpi.rootComputes=false: rank 0 only coordinates (many ranks, heavy combine). */
        private final boolean rootComputes = size == 1 || !"false".equals(System.getProperty("rankexec.mpi.rootComputes"));
        /** Workers are the computing ranks: 0..size-1, or 1..size-1 as queue workers 0..size-2. */
        private final ChunkQueue queue;
        private final CollectorJobHandle<C> handle;
        private volatile Thread local;

        RootRun(ResultCollector<?, C> collector, ChunkRunner<?, ?> runner, Scheduling scheduling) {
            this.collector = collector;
            this.runner = runner;
            this.queue = new ChunkQueue(collector.pendingChunks(), scheduling, rootComputes ? size : size - 1,
                    collector::stopRequested);
            this.handle = new CollectorJobHandle<>(collector, () -> {
                Thread t = local;
                if (t != null) t.interrupt();
            });
        }

        /** The next chunk for {@code rank}, or null when it has no more work. */
        private Chunk nextFor(int rank) {
            return queue.next(rootComputes ? rank : rank - 1);
        }

        void run() {
            Thread t = daemon(rootComputes ? this::computeLocally : () -> { }, "rankexec-mpi-rank0-compute");
            local = t;
            t.start();
            Watchdog dog = new Watchdog(size, timeout, beatInterval());
            try {
                serveWorkers(dog);
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                fatal.fatal(ProgramRunner.describeFatal("MPI communication failed on rank 0", e));
            } finally {
                dog.stop();
            }
            handle.complete();
        }

        private void computeLocally() {
            Chunk c;
            while ((c = nextFor(0)) != null) {
                collector.markRunning();
                // Serialized here too, though nothing is sent: a result that cannot cross MPI fails
                // on every rank alike, and the bytes are the journal record.
                collector.accept(runner.runSerialized(c, 0));
            }
        }

        private void serveWorkers(Watchdog dog) {
            int active = size - 1;
            boolean[] ended = new boolean[size];
            dog.startRoot(ended, fatal);
            int[] reply = new int[4];
            byte[] inbox = new byte[Messages.INLINE_MAX];
            while (active > 0) {
                Messages.Incoming in = Messages.receiveUp(comm, inbox);
                int w = in.source();
                dog.heard(w);
                SerializedChunk done = in.result();
                boolean replyFirst = done != null && mayReplyBeforeAccepting(done);
                if (done != null && !replyFirst) collector.accept(done);
                reply[1] = reply[2] = reply[3] = 0;
                switch (in.kind()) {
                    case Messages.BEAT -> reply[0] = collector.stopRequested() ? Messages.STOP : Messages.GO_ON;
                    case Messages.RESULT, Messages.READY -> {
                        Chunk c = nextFor(w);
                        if (c == null) {
                            reply[0] = Messages.END;
                            synchronized (ended) {
                                ended[w] = true;
                            }
                            active--;
                        } else {
                            collector.markRunning();
                            reply[0] = Messages.ASSIGN;
                            reply[1] = c.index();
                            reply[2] = c.firstTask();
                            reply[3] = c.count();
                        }
                    }
                    default -> throw new IllegalStateException("unknown message kind " + in.kind() + " from rank " + w);
                }
                comm.Send(reply, 0, 4, MPI.INT, w, Messages.TAG_DOWN);
                // Before the next receive: an inline result's bytes live in the inbox.
                if (replyFirst) collector.accept(done);
            }
        }

        /**
         * Whether rank 0 may send the worker its next chunk before accepting (journaling with fsync,
         * combining) the one it just sent, so the worker computes while rank 0 journals. Safe for a
         * complete chunk without failures:
         * <ul>
         *   <li>the reply only assigns work; nothing reports this chunk done before accept, and
         *       accept still journals it before combining or counting it. If rank 0 dies before
         *       the fsync, the chunk is simply not journaled and a resume recomputes it;</li>
         *   <li>such a chunk cannot stop the job by its content. Accepting it stops the job only if
         *       the journal write or the combiner fails, and then this worker is where every other
         *       worker in the middle of a chunk is: its next heartbeat gets STOP, its next request
         *       END.</li>
         * </ul>
         * A chunk with failures (it may stop the job: the worker must get END) or an incomplete one
         * (the job is already stopping) is accepted first, so the reply reflects it.
         */
        private boolean mayReplyBeforeAccepting(SerializedChunk done) {
            return done.result().isComplete() && !done.result().hasFailures();
        }
    }

    // ---- ranks 1..size-1 -----------------------------------------------------------------------

    /** A worker rank's side of one job: request, compute (with heartbeats), send, until END. */
    private final class WorkerRun {
        private final ChunkRunner<?, ?> runner;
        private final AtomicBoolean stop;

        WorkerRun(ChunkRunner<?, ?> runner, AtomicBoolean stop) {
            this.runner = runner;
            this.stop = stop;
        }

        void run() {
            ExecutorService compute = Executors.newSingleThreadExecutor(r -> daemon(r, "rankexec-mpi-rank" + rank + "-compute"));
            Watchdog dog = new Watchdog(size, timeout, beatInterval());
            dog.startWorker(fatal);
            try {
                long beatNanos = beatInterval().toNanos();
                int[] reply = exchange(dog, new byte[] {Messages.READY});
                while (reply[0] == Messages.ASSIGN) {
                    Chunk c = new Chunk(reply[1], reply[2], reply[3]);
                    // Serialized once, on the compute thread: these bytes are sent and journaled as they are.
                    Future<SerializedChunk> f = compute.submit(() -> runner.runSerialized(c, Messages.RESULT_HEADROOM));
                    SerializedChunk r;
                    while (true) {
                        try {
                            r = f.get(beatNanos, TimeUnit.NANOSECONDS);
                            break;
                        } catch (TimeoutException e) {
                            if (exchange(dog, new byte[] {Messages.BEAT})[0] == Messages.STOP) stop.set(true);
                        }
                    }
                    reply = exchange(dog, Messages.result(r));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | RuntimeException e) {
                fatal.fatal(ProgramRunner.describeFatal("MPI worker rank " + rank + " failed",
                        e instanceof ExecutionException ? e.getCause() : e));
            } finally {
                dog.stop();
                compute.shutdownNow();
            }
        }

        /** Sends one message up and waits for rank 0's reply (watched for the timeout). */
        private int[] exchange(Watchdog dog, byte[] msg) {
            int[] reply = new int[4];
            dog.waiting(true);
            Messages.sendUp(comm, msg);
            comm.Recv(reply, 0, 4, MPI.INT, 0, Messages.TAG_DOWN);
            dog.waiting(false);
            return reply;
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Watches liveness from outside MPI (blocked MPI calls cannot time out): on rank 0 the time
     * since each active worker was last heard from; on a worker the time spent waiting for rank
     * 0's reply. Under the multicore device it also notices when mpjrun itself was killed.
     */
    private static final class Watchdog {
        private final long timeoutNanos;
        private final long periodMillis;
        private final AtomicLongArray lastHeard;
        private volatile long waitingSince; // worker: 0 when not waiting
        private volatile boolean stopped;
        private final ProcessHandle launcher = parentIfMulticore();

        Watchdog(int size, Duration timeout, Duration period) {
            this.timeoutNanos = timeout.toNanos();
            this.periodMillis = period.toMillis();
            this.lastHeard = new AtomicLongArray(size);
            long now = System.nanoTime();
            for (int i = 0; i < size; i++) lastHeard.set(i, now);
        }

        void heard(int r) { lastHeard.set(r, System.nanoTime()); }

        void waiting(boolean on) { waitingSince = on ? System.nanoTime() : 0; }

        void stop() { stopped = true; }

        void startRoot(boolean[] ended, FatalHandler fatal) {
            start(() -> {
                long now = System.nanoTime();
                for (int r = 1; r < lastHeard.length(); r++) {
                    boolean done;
                    synchronized (ended) {
                        done = ended[r];
                    }
                    if (!done && now - lastHeard.get(r) > timeoutNanos)
                        return "rank " + r + " stopped responding (silent for over " + seconds() + " s: it died or"
                                + " hangs); the job cannot complete";
                }
                return null;
            }, fatal);
        }

        void startWorker(FatalHandler fatal) {
            start(() -> {
                long since = waitingSince;
                if (since != 0 && System.nanoTime() - since > timeoutNanos)
                    return "rank 0 stopped responding (no reply for over " + seconds() + " s); giving up";
                return null;
            }, fatal);
        }

        private long seconds() { return Math.round(timeoutNanos / 1e9); }

        private void start(java.util.function.Supplier<String> check, FatalHandler fatal) {
            daemon(() -> {
                while (!stopped) {
                    try {
                        Thread.sleep(periodMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (stopped) return;
                    if (launcher != null && !launcher.isAlive()) {
                        fatal.fatal("mpjrun was killed; stopping this rank");
                        return;
                    }
                    String problem = check.get();
                    if (problem != null) {
                        fatal.fatal(problem);
                        return;
                    }
                }
            }, "rankexec-mpi-watchdog").start();
        }

        /** Under MPJ's multicore device all ranks are threads of one JVM whose parent is mpjrun. */
        private static ProcessHandle parentIfMulticore() {
            if (!MpjLaunch.isMulticoreThread()) return null;
            return ProcessHandle.current().parent().orElse(null);
        }
    }
}
