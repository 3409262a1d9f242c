package io.rankexec.mpi;

import io.rankexec.core.engine.Chunk;
import io.rankexec.core.engine.ChunkQueue;
import io.rankexec.core.engine.ChunkRunner;
import io.rankexec.core.engine.CollectorJobHandle;
import io.rankexec.core.engine.ResultCollector;
import io.rankexec.core.engine.SerializedChunk;
import io.rankexec.core.job.Combiner;
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
 * The job API over MPI (MPJ Express). SPMD: every rank creates the engine and submits the same
 * jobs in the same order; every rank, rank 0 included, computes chunks with core's
 * {@link ChunkRunner}. Rank 0 plans the chunks, serves workers' requests from a coordinator thread,
 * and feeds their results to the {@link ResultCollector} (combine, progress, checkpoint journal).
 *
 * <p>Per job: the ranks check they built the same job, rank 0 broadcasts its shared objects (they
 * replace the other ranks' own copies), then workers loop request -> chunk -> result. STATIC
 * scheduling pre-assigns chunks round robin over the computing ranks (rank r gets pending chunks
 * r, r+size, ...; ranks 1.. only when rank 0 does not compute); DYNAMIC hands out the next chunk
 * to whichever rank asks (self-scheduling), both through core's {@link ChunkQueue}. Results never
 * depend on either: see {@link Combiner.Order}.
 *
 * <p>Liveness: a worker busy with a long chunk sends a heartbeat every {@code timeout/10}; rank 0
 * declares a rank silent for {@code timeout} dead, and a worker whose rank 0 does not answer for
 * {@code timeout} gives up. Both cases call the {@link FatalHandler} (the job cannot complete;
 * chunks already journaled survive for {@code --resume}).
 *
 * <p>The result of a job is meaningful on rank 0 only; other ranks get the final status and
 * counts with the combiner's initial value.
 */
public final class MpiEngine implements Engine {

    /** Called when the job cannot go on (a rank died or MPI failed); must not return normally. */
    @FunctionalInterface
    public interface FatalHandler {
        void fatal(String message);
    }

    /** Default liveness timeout; override with -Drankexec.mpi.timeout=SECONDS. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Intracomm comm;
    private final int rank;
    private final int size;
    private final Duration timeout;
    private final FatalHandler fatal;
    private final ExecutorService jobThread;
    private CompletableFuture<?> lastJob = CompletableFuture.completedFuture(null);
    private volatile CollectorJobHandle<?> runningOnRoot;
    private volatile boolean closed;

    /** The engine on MPI.COMM_WORLD (MPI must be initialized) with the default timeout and handler. */
    public static MpiEngine world() {
        return new MpiEngine(MPI.COMM_WORLD, timeoutFromProperty(), MpiEngine::haltWithMessage);
    }

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

    @Override public boolean isCoordinator() { return rank == 0; }

    public int rank() { return rank; }

    public int size() { return size; }

    /**
     * Collective: every rank must call it with the same job. Checks that all ranks built the same
     * job and broadcasts the shared objects before it returns; the chunks then run in the
     * background. Jobs run one after another in submission order.
     *
     * @throws IllegalArgumentException on rank 0 if the checkpoint cannot be used or the ranks built
     *                                  different jobs; other ranks then get IllegalStateException
     */
    @Override
    public synchronized <A, R, C> JobHandle<C> submit(JobSpec<A, R> spec, Combiner<? super R, C> combiner) {
        if (closed) throw new IllegalStateException("engine " + name() + " is closed");
        lastJob.join(); // MPI calls of consecutive jobs must not interleave

        // Compare the ranks' jobs before rank 0 opens anything: a refused job must leave no journal
        // header or listener events behind.
        long[] mine = {jobHash(spec)};
        long[] all = new long[size]; // MPJ's tree Gather uses the buffer on inner ranks too
        comm.Gather(mine, 0, 1, MPI.LONG, all, 0, 1, MPI.LONG, 0);
        ResultCollector<R, C> collector = null;
        RuntimeException refusal = null;
        if (rank == 0) {
            for (int r = 1; r < size && refusal == null; r++) {
                if (all[r] != mine[0]) {
                    refusal = new IllegalArgumentException("rank " + r + " built a different job than rank 0 (every rank"
                            + " must run the same command with the same input files: " + spec.fingerprint() + ")");
                }
            }
            if (refusal == null) {
                try {
                    collector = ResultCollector.open(spec, combiner, size);
                } catch (RuntimeException e) {
                    refusal = e;
                }
            }
        }
        int[] verdict = {refusal == null ? 1 : 0};
        comm.Bcast(verdict, 0, 1, MPI.INT, 0);
        if (verdict[0] == 0) {
            if (rank != 0) throw new IllegalStateException("rank 0 refused the job");
            throw refusal;
        }

        Map<String, Serializable> shared = spec.shared().isEmpty()
                ? spec.shared() : SharedBroadcast.broadcast(comm, spec.shared());
        ChunkRunner<A, R> runner;
        if (rank == 0) {
            ResultCollector<R, C> col = collector;
            runner = new ChunkRunner<>(spec, shared, col::stopRequested, true);
            RootRun<C> run = new RootRun<>(col, runner, spec.scheduling());
            runningOnRoot = run.handle;
            lastJob = CompletableFuture.runAsync(run::run, jobThread);
            return run.handle;
        }
        AtomicBoolean stop = new AtomicBoolean();
        runner = new ChunkRunner<>(spec, shared, stop::get, true);
        WorkerRun<C> run = new WorkerRun<>(runner, stop, combiner, spec.taskCount());
        lastJob = CompletableFuture.runAsync(run::run, jobThread);
        return new DoneHandle<>(run.result, spec.taskCount());
    }

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
        jobThread.shutdown();
    }

    /** What every rank must agree on: the job's fingerprint and the settings that shape the run. */
    static long jobHash(JobSpec<?, ?> spec) {
        String s = spec.fingerprint() + "|chunk=" + spec.chunkSize() + "|" + spec.scheduling()
                + "|cof=" + spec.continueOnFailure() + "|shared=" + spec.shared().keySet();
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() ^ ((long) s.hashCode() << 32);
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
                fatal.fatal("MPI communication failed on rank 0: " + e);
            } finally {
                dog.stop();
            }
            JobResult<C> r = handle.complete();
            int[] summary = {r.status().ordinal(), r.tasksSucceeded(), r.tasksFromCheckpoint(), r.failures().size()};
            comm.Bcast(summary, 0, summary.length, MPI.INT, 0);
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
    private final class WorkerRun<C> {
        private final ChunkRunner<?, ?> runner;
        private final AtomicBoolean stop;
        private final Combiner<?, C> combiner;
        private final int taskCount;
        private final long startNanos = System.nanoTime();
        final CompletableFuture<JobResult<C>> result = new CompletableFuture<>();

        WorkerRun(ChunkRunner<?, ?> runner, AtomicBoolean stop, Combiner<?, C> combiner, int taskCount) {
            this.runner = runner;
            this.stop = stop;
            this.combiner = combiner;
            this.taskCount = taskCount;
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
                int[] summary = new int[4];
                comm.Bcast(summary, 0, summary.length, MPI.INT, 0);
                JobStatus status = JobStatus.values()[summary[0]];
                result.complete(new JobResult<>(status, combiner.initial(), List.of(), taskCount, summary[1], summary[2],
                        Duration.ofNanos(System.nanoTime() - startNanos)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.completeExceptionally(e);
            } catch (ExecutionException | RuntimeException e) {
                fatal.fatal("MPI worker rank " + rank + " failed: " + (e instanceof ExecutionException ? e.getCause() : e));
                result.completeExceptionally(e);
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

    private static void haltWithMessage(String message) {
        System.err.println("rankexec: " + message);
        System.err.flush();
        Runtime.getRuntime().halt(3);
    }

    /** A job handle that completes with the given future (non-coordinator ranks). */
    private static final class DoneHandle<C> implements JobHandle<C> {
        private final CompletableFuture<JobResult<C>> future;
        private final int total;

        DoneHandle(CompletableFuture<JobResult<C>> future, int total) {
            this.future = future;
            this.total = total;
        }

        @Override
        public JobStatus status() {
            return future.isDone() && !future.isCompletedExceptionally() ? future.join().status() : JobStatus.RUNNING;
        }

        @Override public int tasksDone() { return future.isDone() ? total : 0; }

        @Override public int tasksTotal() { return total; }

        /** Only rank 0 can cancel a job (it tells the workers). */
        @Override public boolean cancel() { return false; }

        @Override public CompletableFuture<JobResult<C>> future() { return future; }
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

        /** A closed peer channel ends niodev's receiving thread: this rank can never receive again. */
        private static final String PEER_LOST = "the connection to another rank closed (a rank, its node or the network"
                + " failed); the job cannot complete";

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
                    if (!done && NiodevReceiver.dead()) return PEER_LOST;
                }
                return null;
            }, fatal);
        }

        void startWorker(FatalHandler fatal) {
            start(() -> {
                long since = waitingSince;
                if (since != 0 && System.nanoTime() - since > timeoutNanos)
                    return "rank 0 stopped responding (no reply for over " + seconds() + " s); giving up";
                if (since != 0 && NiodevReceiver.dead()) return PEER_LOST; // only while a reply is due
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
