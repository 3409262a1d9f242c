package io.rankexec.mpi;

import java.time.Duration;

/**
 * Bounds {@code MPI.Init}. Under niodev a rank that cannot connect to a peer (e.g. it was handed
 * a loopback address: Debian's "127.0.1.1 HOSTNAME" line on the launch host) retries forever
 * inside MPJ Express's NIODevice.init, so MPI.Init never returns and the engine's liveness
 * watchdog never starts. This one does: if Init has not returned after the liveness timeout the
 * rank ends through its {@link MpiEngine.FatalHandler} (one line, exit code 3).
 */
final class InitWatchdog {
    private final Thread thread;
    private volatile boolean done;

    private InitWatchdog(Duration timeout, MpiEngine.FatalHandler fatal) {
        thread = MpiEngine.daemon(() -> {
            long end = System.nanoTime() + timeout.toNanos();
            try {
                while (!done && System.nanoTime() < end) Thread.sleep(Math.min(200, timeout.toMillis()));
            } catch (InterruptedException e) {
                return;
            }
            if (done) return;
            fatal.fatal("MPI.Init did not complete within " + Math.round(timeout.toMillis() / 1000.0) + " s (a rank"
                    + " cannot reach another: does every host name resolve, on every node, to an address the other nodes reach?)");
        }, "rankexec-mpi-init-watchdog");
    }

    /** Starts watching MPI.Init for at most {@code timeout}. */
    static InitWatchdog start(Duration timeout, MpiEngine.FatalHandler fatal) {
        InitWatchdog w = new InitWatchdog(timeout, fatal);
        w.thread.start();
        return w;
    }

    /** MPI.Init returned. */
    void done() {
        done = true;
        thread.interrupt();
    }
}
