package io.rankexec.rng;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

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
 * <p>The warm-up is not free either: measured on a JVM whose scalar paths were already hot
 * (AMD Zen 5, JDK 17, AVX2 or AVX-512), 0.35-0.45 CPU-seconds for MRG32k3a (0.15-0.25 s on the
 * warm-up thread, mostly boxed vector code before C2 has compiled it, the rest C1 and C2 compiling
 * the kernel) and 0.7-0.9 CPU-seconds for MT2203, whatever the fill lengths used, which a busy
 * machine (or a job using every core) takes from the job. So it starts only once the JVM's
 * generators have produced {@code startAfter} values through the gated path, chosen per kernel so
 * that the scalar work done by then costs about as much as the warm-up (rent-or-buy): a job that
 * ends right after the start loses at most the warm-up, less than the time it had already spent
 * generating; shorter jobs and tiny per-task generators never pay for it; longer ones recover it
 * (after 0.4 s / 1.3 ns = 3e8 more MRG32k3a values, 0.8 s / 0.65 ns = 1.2e9 MT2203 values under
 * AVX2) and then gain. MRG32k3a starts after 2^27 values (0.3-0.45 s of scalar fills), MT2203
 * after 3 * 2^28 (about 0.8 s); both were 2^30 before the MRG32k3a lanes kernel, when the warm-up
 * cost more than a second. {@code -Dio.rankexec.rng.NAME.startAfter=N} overrides it (NAME is
 * mrg32k3a or mt2203). If the vector kernel never wins (C2 disabled, a CPU where it is not faster,
 * vector code slowed by another vector shape in the JVM), the switch stays closed and the thread
 * ends after {@link #GIVE_UP_NANOS}.
 *
 * <p>{@code -Dio.rankexec.rng.vector=false} never uses the vector kernels;
 * {@code -Dio.rankexec.rng.vector=eager} opens the switch at once (steady-state benchmarks).
 */
abstract class VectorWarmup<K> {

    static final int WINS_NEEDED = 3;
    /** Calls of each kernel per timed round; the workloads vary their lengths with the call number. */
    static final int CALLS_PER_ROUND = 8;
    static final long GIVE_UP_NANOS = 30_000_000_000L;

    private final String name;
    /** Values generated through the gated path before the warm-up starts (see the class comment). */
    private final long startAfter;
    private final long giveUpNanos;
    private final Supplier<K> loader;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    /** The vector kernel once the switch is open, else null. */
    private volatile K open;

    /**
     * @param loader gives the vector kernel, or null when it is not worth using here; called on
     *               the warm-up thread, so that loading the Vector API classes (30-60 ms) never
     *               delays a job that does not get that far
     */
    VectorWarmup(String name, long startAfter, Supplier<K> loader) {
        this(name, startAfter, loader, GIVE_UP_NANOS);
    }

    /** With a shorter time limit (tests). */
    VectorWarmup(String name, long startAfter, Supplier<K> loader, long giveUpNanos) {
        this.name = name;
        this.startAfter = Long.getLong("io.rankexec.rng." + name + ".startAfter", startAfter);
        this.loader = loader;
        this.giveUpNanos = giveUpNanos;
        if ("eager".equalsIgnoreCase(System.getProperty("io.rankexec.rng.vector", ""))) {
            started.set(true);
            open = loader.get();
        }
    }

    /** One call of the vector kernel on scratch data; {@code call} in [0, CALLS_PER_ROUND) picks the lengths. */
    abstract void runVector(K kernel, int call);

    /** The same work as {@link #runVector} on the scalar kernel. */
    abstract void runScalar(int call);

    /**
     * The vector kernel if generators may use it now, else null. {@code values} is the size of
     * the request, counted towards starting the warm-up; called once per block, so its cost does
     * not matter.
     */
    final K ifOpen(int values) {
        K k = open;
        if (k != null) return k;
        if (!started.get() && demand.addAndGet(values) >= startAfter && started.compareAndSet(false, true)) {
            Thread t = new Thread(this::warmUp, "rankexec-" + name + "-vector-warmup");
            t.setDaemon(true);
            t.start();
        }
        return null;
    }

    /** The vector kernel if the switch is open, else null, without counting a request. */
    final K ifOpen() {
        return open;
    }

    /** Values generated through the gated path before the warm-up starts. */
    final long startAfter() {
        return startAfter;
    }

    /** Whether the warm-up has started (or the switch was opened eagerly). */
    final boolean started() {
        return started.get();
    }

    /**
     * Runs the warm-up on the calling thread until the vector kernel wins or time runs out;
     * returns whether the switch is open. The daemon thread runs this; tests call it directly.
     */
    final boolean warmUp() {
        started.set(true);
        if (open != null) return true;
        try {
            K vector = loader.get();
            if (vector == null) return false;
            // the scalar kernel first, so that it is compiled before it is the yardstick
            long end = System.nanoTime() + 200_000_000L;
            for (int i = 0; i < 2_000 && System.nanoTime() < end; i++) runScalar(i % CALLS_PER_ROUND);
            long deadline = System.nanoTime() + giveUpNanos;
            int wins = 0;
            while (open == null && wins < WINS_NEEDED && System.nanoTime() < deadline) {
                long vectorNanos = 0;
                long scalarNanos = 0;
                for (int call = 0; call < CALLS_PER_ROUND; call++) {
                    long t0 = System.nanoTime();
                    runVector(vector, call);
                    long t1 = System.nanoTime();
                    runScalar(call);
                    vectorNanos += t1 - t0;
                    scalarNanos += System.nanoTime() - t1;
                }
                wins = vectorNanos < scalarNanos ? wins + 1 : 0;
            }
            if (wins >= WINS_NEEDED) open = vector;
        } catch (RuntimeException | LinkageError e) {
            // a kernel that cannot run here: the scalar path stays, with the same values
        }
        return open != null;
    }
}
