package io.rankexec.mpi;

import io.rankexec.core.spi.MpjLaunch;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Watches liveness from outside MPI (blocked MPI calls cannot time out): on rank 0 the time
 * since each active worker was last heard from; on a worker the time spent waiting for rank
 * 0's reply. Under the multicore device it also notices when mpjrun itself was killed.
 */
final class Watchdog {
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

    void startRoot(boolean[] ended, MpiEngine.FatalHandler fatal) {
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

    /**
     * A serving rank between jobs: rank 0 may think for as long as it likes before its next job,
     * so no timeout, but a closed channel while a command is due means rank 0 (or its node) is gone.
     */
    void startServing(MpiEngine.FatalHandler fatal) {
        start(() -> waitingSince != 0 && NiodevReceiver.dead() ? PEER_LOST : null, fatal);
    }

    void startWorker(MpiEngine.FatalHandler fatal) {
        start(() -> {
            long since = waitingSince;
            if (since != 0 && System.nanoTime() - since > timeoutNanos)
                return "rank 0 stopped responding (no reply for over " + seconds() + " s); giving up";
            if (since != 0 && NiodevReceiver.dead()) return PEER_LOST; // only while a reply is due
            return null;
        }, fatal);
    }

    private long seconds() { return Math.round(timeoutNanos / 1e9); }

    private void start(java.util.function.Supplier<String> check, MpiEngine.FatalHandler fatal) {
        MpiEngine.daemon(() -> {
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
