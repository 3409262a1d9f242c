package io.rankexec.mpi;

import io.rankexec.core.spi.Chunk;
import io.rankexec.core.spi.ChunkQueue;
import io.rankexec.core.spi.ChunkRunner;
import io.rankexec.core.spi.ProgramRunner;
import io.rankexec.core.spi.CollectorJobHandle;
import io.rankexec.core.spi.ResultCollector;
import io.rankexec.core.job.Scheduling;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mpi.Intracomm;
import mpi.MPI;

/**
 * Rank 0's side of one job: its own compute threads, and the serving loop that answers the
 * other ranks' requests. The serving thread only receives, hands out the next chunk and replies;
 * a clean result is deserialized, journaled (fsync) and combined afterwards on a separate
 * accepting thread, so one slow fsync never delays the next reply. A result with failed tasks
 * (it may stop the job) is accepted before the reply, so the reply reflects it.
 *
 * <p>Each rank keeps {@link MpiSettings#requestsPerRank()} requests open (one per thread plus a
 * prefetch), and each request ends with exactly one END: rank 0 counts them to know when every
 * rank is done.
 */
final class Coordinator<C> {
    private final Intracomm comm;
    private final int size;
    private final MpiSettings settings;
    private final MpiEngine.FatalHandler fatal;
    private final ResultCollector<?, C> collector;
    private final ChunkRunner<?, ?> runner;
    private final boolean rootComputes;
    /** Queue workers: rank 0 is worker 0 when it computes; rank r is worker r (or r - 1). */
    private final ChunkQueue queue;
    private final CollectorJobHandle<C> handle;
    private final List<Thread> local = new ArrayList<>();

    Coordinator(Intracomm comm, MpiSettings settings, MpiEngine.FatalHandler fatal, ResultCollector<?, C> collector,
                ChunkRunner<?, ?> runner, Scheduling scheduling) {
        this.comm = comm;
        this.size = comm.Size();
        this.settings = settings;
        this.fatal = fatal;
        this.collector = collector;
        this.runner = runner;
        this.rootComputes = size == 1 || settings.rootComputes();
        this.queue = new ChunkQueue(collector.pendingChunks(), scheduling, rootComputes ? size : size - 1,
                collector::stopRequested);
        this.handle = new CollectorJobHandle<>(collector, this::interruptLocal);
    }

    CollectorJobHandle<C> handle() {
        return handle;
    }

    /** Runs the job to its end (on the engine's job thread). */
    void run() {
        if (rootComputes) {
            synchronized (local) {
                for (int t = 0; t < settings.threadsPerRank(); t++) {
                    Thread th = MpiEngine.daemon(this::computeLocally, "rankexec-mpi-rank0-compute-" + t);
                    local.add(th);
                    th.start();
                }
            }
        }
        ExecutorService accepting = Executors.newSingleThreadExecutor(r -> MpiEngine.daemon(r, "rankexec-mpi-accept"));
        Watchdog dog = new Watchdog(size, settings.timeout(), settings.beatInterval());
        try {
            serveWorkers(dog, accepting);
            accepting.shutdown();
            if (!accepting.awaitTermination(1, TimeUnit.DAYS)) throw new IllegalStateException("results never accepted");
            for (Thread t : local) t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fatal.fatal(ProgramRunner.describeFatal("MPI communication failed on rank 0", e));
        } finally {
            dog.stop();
        }
        handle.complete();
    }

    private Chunk nextFor(int rank) {
        return queue.next(rootComputes ? rank : rank - 1);
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

    private void interruptLocal() {
        synchronized (local) {
            for (Thread t : local) t.interrupt();
        }
    }

    private void serveWorkers(Watchdog dog, ExecutorService accepting) {
        int requests = settings.requestsPerRank();
        int active = (size - 1) * requests;
        int[] endsLeft = new int[size];
        java.util.Arrays.fill(endsLeft, requests);
        boolean[] ended = new boolean[size];
        dog.startRoot(ended, fatal);
        int[] reply = new int[4];
        byte[] inbox = new byte[Messages.INLINE_MAX];
        while (active > 0) {
            Messages.Incoming in = Messages.receiveUp(comm, inbox);
            int w = in.source();
            dog.heard(w);
            if (in.kind() == Messages.RESULT_TROUBLED) collector.accept(in.result());
            reply[1] = reply[2] = reply[3] = 0;
            switch (in.kind()) {
                case Messages.BEAT -> reply[0] = collector.stopRequested() ? Messages.STOP : Messages.GO_ON;
                case Messages.RESULT, Messages.RESULT_TROUBLED, Messages.READY -> {
                    Chunk c = nextFor(w);
                    if (c == null) {
                        reply[0] = Messages.END;
                        active--;
                        if (--endsLeft[w] == 0) {
                            synchronized (ended) {
                                ended[w] = true;
                            }
                        }
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
            if (in.kind() == Messages.RESULT) {
                // Replied first: the worker computes while this result is journaled and combined.
                // Safe for a clean chunk: nothing counts it done before accept journals it, and it
                // cannot stop the job by its content.
                accepting.execute(() -> {
                    try {
                        collector.accept(in.result());
                    } catch (RuntimeException e) {
                        fatal.fatal("rank 0 could not accept a result from rank " + w + ": " + e);
                    }
                });
            }
        }
    }
}
