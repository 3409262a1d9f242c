package io.rankexec.rng;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JVM-wide switch from a scalar kernel to its Vector API twin that opens only once the vector
 * code runs fast. Both kernels give identical values: the switch changes speed, never results.
 *
 * <p>Why: until C2 has compiled a Vector API loop, every vector is a heap object and the code is
 * 10-100 times slower than the plain loops. Run on the job's own thread, that warm-up made the
 * vector path a net loss for all but long jobs (pi with 10M samples: 1.8 s against 0.34 s scalar).
 * So generators use the scalar kernel while one daemon thread runs the vector kernel on scratch
 * data, timing it against the scalar kernel on the same work; once the vector kernel has been
 * faster in {@value #WINS_NEEDED} consecutive rounds (which boxed, not-yet-compiled vector code
 * never is) the switch opens for every generator of the JVM.
 *
 * <p>The warm-up is not free either: it took about 1 s and 1.5 CPU-seconds, mostly C1 and C2
 * compiling the large kernel methods, which a loaded machine takes from the job. Hence it starts
 * only once the JVM's generators have produced {@link #START_AFTER} values through the gated path
 * (about 0.3-0.5 s of scalar generation): shorter jobs and tiny per-task generators never pay for
 * it, longer ones recover it (the vector kernels save 1.5-2 ns of the 1.7-3.5 ns per value). If
 * the vector kernel never wins (C2 disabled, a CPU where it is not faster), the switch stays
 * closed and the thread ends after {@link #GIVE_UP_NANOS}.
 *
 * <p>{@code -Dio.rankexec.rng.vector=false} never uses the vector kernels;
 * {@code -Dio.rankexec.rng.vector=eager} opens the switch at once (steady-state benchmarks).
 */
abstract class VectorWarmup {

    /** Values generated through the gated path before the warm-up starts (see the class comment). */
    static final long START_AFTER = 1L << 27;
    static final int WINS_NEEDED = 3;
    /** Calls of each kernel per timed round; the workloads vary their lengths with the call number. */
    static final int CALLS_PER_ROUND = 8;
    static final long GIVE_UP_NANOS = 30_000_000_000L;

    private final String name;
    private final long giveUpNanos;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean open;

    VectorWarmup(String name) {
        this(name, GIVE_UP_NANOS);
    }

    /** With a shorter time limit (tests). */
    VectorWarmup(String name, long giveUpNanos) {
        this.name = name;
        this.giveUpNanos = giveUpNanos;
        String mode = System.getProperty("io.rankexec.rng.vector", "");
        if ("eager".equalsIgnoreCase(mode)) {
            open = true;
            started.set(true);
        }
    }

    /** One call of the vector kernel on scratch data; {@code call} in [0, CALLS_PER_ROUND) picks the lengths. */
    abstract void runVector(int call);

    /** The same work as {@link #runVector} on the scalar kernel. */
    abstract void runScalar(int call);

    /**
     * Whether generators may use the vector kernel now. {@code values} is the size of the request,
     * counted towards starting the warm-up; called once per block, so its cost does not matter.
     */
    final boolean isOpen(int values) {
        if (open) return true;
        if (!started.get() && demand.addAndGet(values) >= START_AFTER && started.compareAndSet(false, true)) {
            Thread t = new Thread(this::warmUp, "rankexec-" + name + "-vector-warmup");
            t.setDaemon(true);
            t.start();
        }
        return false;
    }

    /** Whether the warm-up has started (or the switch was opened eagerly). */
    final boolean started() {
        return started.get();
    }

    /** Whether the switch is open, without counting a request. */
    final boolean isOpen() {
        return open;
    }

    /**
     * Runs the warm-up on the calling thread until the vector kernel wins or time runs out;
     * returns whether the switch is open. The daemon thread runs this; tests call it directly.
     */
    final boolean warmUp() {
        started.set(true);
        try {
            // the scalar kernel first, so that it is compiled before it is the yardstick
            long end = System.nanoTime() + 200_000_000L;
            for (int i = 0; i < 2_000 && System.nanoTime() < end; i++) runScalar(i % CALLS_PER_ROUND);
            long deadline = System.nanoTime() + giveUpNanos;
            int wins = 0;
            while (!open && wins < WINS_NEEDED && System.nanoTime() < deadline) {
                long vector = 0;
                long scalar = 0;
                for (int call = 0; call < CALLS_PER_ROUND; call++) {
                    long t0 = System.nanoTime();
                    runVector(call);
                    long t1 = System.nanoTime();
                    runScalar(call);
                    vector += t1 - t0;
                    scalar += System.nanoTime() - t1;
                }
                wins = vector < scalar ? wins + 1 : 0;
            }
            if (wins >= WINS_NEEDED) open = true;
        } catch (RuntimeException | LinkageError e) {
            // a kernel that cannot run here: the scalar path stays, with the same values
        }
        return open;
    }
}
