package io.rankexec.mpi;

import io.rankexec.core.spi.Chunk;
import io.rankexec.core.spi.ChunkRunner;
import io.rankexec.core.spi.ProgramRunner;
import io.rankexec.core.spi.SerializedChunk;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mpi.Intracomm;
import mpi.MPI;

/**
 * A serving rank's side of one job: {@code threads} compute threads and this rank's open
 * requests to rank 0 (one per thread plus a prefetch, so a thread that finishes a chunk finds the
 * next one waiting). Only this thread talks MPI: request, send a result, heartbeat when nothing
 * finished for a while, until rank 0 has answered every request with END.
 */
final class Worker {
    private final Intracomm comm;
    private final int rank;
    private final MpiSettings settings;
    private final MpiEngine.FatalHandler fatal;
    private final ChunkRunner<?, ?> runner;
    private final AtomicBoolean stop;
    private final int threads;
    private final int requests;

    Worker(Intracomm comm, MpiSettings settings, MpiEngine.FatalHandler fatal, ChunkRunner<?, ?> runner,
           AtomicBoolean stop, int threads, int requests) {
        this.comm = comm;
        this.rank = comm.Rank();
        this.settings = settings;
        this.fatal = fatal;
        this.runner = runner;
        this.stop = stop;
        this.threads = threads;
        this.requests = requests;
    }

    void run() {
        ExecutorService compute = Executors.newFixedThreadPool(threads,
                r -> MpiEngine.daemon(r, "rankexec-mpi-rank" + rank + "-compute"));
        BlockingQueue<Object> finished = new LinkedBlockingQueue<>(); // SerializedChunk or Throwable
        Deque<Chunk> waiting = new ArrayDeque<>();
        Watchdog dog = new Watchdog(comm.Size(), settings.timeout(), settings.beatInterval());
        dog.startWorker(fatal);
        try {
            long beatNanos = settings.beatInterval().toNanos();
            int ends = 0, running = 0;
            for (int i = 0; i < requests; i++) ends += take(exchange(dog, new byte[] {Messages.READY}), waiting);
            while (true) {
                while (running < threads && !waiting.isEmpty()) {
                    Chunk c = waiting.poll();
                    running++;
                    // Serialized once, on the compute thread: these bytes are sent and journaled as they are.
                    compute.execute(() -> {
                        try {
                            finished.add(runner.runSerialized(c, Messages.RESULT_HEADROOM));
                        } catch (Throwable t) {
                            finished.add(t);
                        }
                    });
                }
                if (running == 0 && ends == requests) break;
                Object done = finished.poll(beatNanos, TimeUnit.NANOSECONDS);
                if (done == null) {
                    if (exchange(dog, new byte[] {Messages.BEAT})[0] == Messages.STOP) stop.set(true);
                    continue;
                }
                if (done instanceof Error err) throw err; // e.g. OutOfMemoryError: reported as such
                if (done instanceof Throwable t) throw new IllegalStateException("computing a chunk failed: " + t, t);
                running--;
                ends += take(exchange(dog, Messages.result((SerializedChunk) done)), waiting);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            fatal.fatal(ProgramRunner.describeFatal("MPI worker rank " + rank + " failed", e));
        } finally {
            dog.stop();
            compute.shutdownNow();
        }
    }

    /** Queues an assigned chunk; returns 1 for END (this request is finished), else 0. */
    private static int take(int[] reply, Deque<Chunk> waiting) {
        if (reply[0] == Messages.ASSIGN) {
            waiting.add(new Chunk(reply[1], reply[2], reply[3]));
            return 0;
        }
        return 1;
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
