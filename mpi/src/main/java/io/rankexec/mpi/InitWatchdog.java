package io.rankexec.mpi;

import io.rankexec.core.job.Rankexec;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Bounds {@code MPI.Init}. Under niodev a rank that cannot connect to a peer (e.g. it was handed
 * a loopback address: Debian's "127.0.1.1 HOSTNAME" line on the launch host) retries forever
 * inside MPJ Express's NIODevice.init, so MPI.Init never returns and the engine's liveness
 * watchdog never starts. This one does: if Init has not returned after the liveness timeout
 * ({@code -Drankexec.mpi.timeout}, default 60 s) the rank prints one line and halts with
 * {@link MpiMain#MPI_FAILURE}; rank 0 also reports the exit code to bin/rankexec.
 */
final class InitWatchdog {
    private final Thread thread;
    private volatile boolean done;

    private InitWatchdog(String rank, Duration timeout, PrintStream console) {
        boolean tag = "0".equals(rank) && TaggedOutput.requested();
        thread = new Thread(() -> {
            long end = System.nanoTime() + timeout.toNanos();
            try {
                while (!done && System.nanoTime() < end) Thread.sleep(Math.min(200, timeout.toMillis()));
            } catch (InterruptedException e) {
                return;
            }
            if (done) return;
            String msg = "rankexec: error: rank " + rank + ": MPI.Init did not complete within "
                    + Math.round(timeout.toMillis() / 1000.0) + " s (a rank cannot reach another: does every host name"
                    + " resolve, on every node, to an address the other nodes reach?)";
            if (tag) {
                TaggedOutput.tagged(console, TaggedOutput.ERR).println(msg);
                TaggedOutput.exit(console, Rankexec.MPI_FAILURE);
            } else {
                System.err.println(msg);
                System.err.flush();
            }
            Runtime.getRuntime().halt(Rankexec.MPI_FAILURE);
        }, "rankexec-mpi-init-watchdog");
        thread.setDaemon(true);
    }

    /** Starts watching; {@code rawArgs[0]} is the rank (the starter's prefix, see {@link io.rankexec.core.spi.MpjLaunch}). */
    static InitWatchdog start(String[] rawArgs, PrintStream console) {
        Duration timeout;
        try {
            timeout = MpiSettings.fromSystemProperties(1).timeout();
        } catch (IllegalArgumentException e) {
            timeout = MpiSettings.DEFAULT_TIMEOUT; // the engine reports the bad value later
        }
        InitWatchdog w = new InitWatchdog(rawArgs.length > 0 ? rawArgs[0] : "?", timeout, console);
        w.thread.start();
        return w;
    }

    /** MPI.Init returned. */
    void done() {
        done = true;
        thread.interrupt();
    }
}
