package io.rankexec.core.job;

import io.rankexec.core.spi.ChunkRunner;
import io.rankexec.core.spi.ChunkQueue;
import io.rankexec.core.spi.ResultCollector;
import io.rankexec.core.spi.CollectorJobHandle;
import io.rankexec.core.spi.Chunk;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs on a fixed pool of threads in this JVM (the embedded default; no MPI needed). Each
 * worker thread runs whole chunks with a {@link ChunkRunner} and hands results to the job's
 * {@link ResultCollector}. Jobs submitted together share the pool in submission order.
 */
public final class LocalEngine implements Engine {

    private final int threads;
    private final ExecutorService pool;
    private final Set<LocalRun<?, ?, ?>> active = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** One thread per available processor. */
    public LocalEngine() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public LocalEngine(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rankexec-local-" + n.incrementAndGet());
            t.setDaemon(true); // a forgotten close() must not keep the JVM alive
            return t;
        });
    }

    @Override public String name() { return "local[" + threads + "]"; }

    @Override public int workers() { return threads; }

    @Override
    public <A, R, C> JobHandle<C> submit(JobSpec<A, R> spec, Combiner<? super R, C> combiner) {
        if (closed) throw new IllegalStateException("engine " + name() + " is closed");
        ResultCollector<R, C> collector = ResultCollector.open(spec, combiner, threads);
        LocalRun<A, R, C> run = new LocalRun<>(spec, collector);
        active.add(run);
        run.start();
        return run.handle;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        // Stop every job before interrupting any: otherwise a queued job could start and finish
        // on a thread freed by the first interrupt.
        for (LocalRun<?, ?, ?> run : active) run.collector.cancel();
        for (LocalRun<?, ?, ?> run : active) run.interruptWorkers();
        pool.shutdown(); // queued worker loops still run: they see the stop and complete their job
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One submitted job: its worker loops, their threads (to interrupt on cancel) and handle. */
    private final class LocalRun<A, R, C> {
        private final ResultCollector<R, C> collector;
        private final ChunkRunner<A, R> runner;
        private final Scheduling scheduling;
        private final Set<Thread> busy = new HashSet<>();
        private final CollectorJobHandle<C> handle;
        private AtomicInteger loopsLeft;

        LocalRun(JobSpec<A, R> spec, ResultCollector<R, C> collector) {
            this.collector = collector;
            this.runner = new ChunkRunner<>(spec, spec.shared(), collector::stopRequested, false);
            this.scheduling = spec.scheduling();
            this.handle = new CollectorJobHandle<>(collector, this::interruptWorkers);
        }

        void start() {
            int loops = Math.min(threads, collector.pendingChunks().size());
            if (loops == 0) { // empty job or everything restored from a checkpoint
                finish();
                return;
            }
            ChunkQueue queue = new ChunkQueue(collector.pendingChunks(), scheduling, loops, collector::stopRequested);
            loopsLeft = new AtomicInteger(loops);
            for (int w = 0; w < loops; w++) {
                int worker = w;
                try {
                    pool.execute(() -> workerLoop(queue, worker));
                } catch (RejectedExecutionException e) { // engine closed meanwhile
                    collector.cancel();
                    if (loopsLeft.addAndGet(-(loops - w)) == 0) finish();
                    return;
                }
            }
        }

        private void workerLoop(ChunkQueue queue, int worker) {
            synchronized (busy) {
                busy.add(Thread.currentThread());
            }
            try {
                collector.markRunning();
                Chunk chunk;
                while ((chunk = queue.next(worker)) != null) runChunk(chunk);
            } finally {
                synchronized (busy) {
                    busy.remove(Thread.currentThread());
                }
                Thread.interrupted(); // a cancel interrupt must not leak into the next job's loop
                if (loopsLeft.decrementAndGet() == 0) finish();
            }
        }

        private void runChunk(Chunk chunk) {
            collector.accept(runner.run(chunk));
            // A failure with continueOnFailure off stops the job: interrupt tasks still running.
            if (collector.stopRequested()) interruptWorkers();
        }

        private void finish() {
            try {
                handle.complete();
            } finally {
                active.remove(this);
            }
        }

        private void interruptWorkers() {
            synchronized (busy) {
                for (Thread t : busy) if (t != Thread.currentThread()) t.interrupt();
            }
        }
    }
}
