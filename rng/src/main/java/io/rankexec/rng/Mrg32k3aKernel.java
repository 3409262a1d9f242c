package io.rankexec.rng;

/**
 * Long uniform fills of {@link Mrg32k3a} on the incubating Vector API (C2 in JDK 17 does not
 * vectorize the plain loops), used when the JVM runs with {@code --add-modules jdk.incubator.vector}
 * and has 256-bit vectors or wider, once {@link VectorWarmup} has seen the kernel run faster than the
 * scalar loops. The kernel is {@link Mrg32k3aLanesKernel} (double arithmetic on independent runs,
 * AVX2 and AVX-512); {@code -Dio.rankexec.rng.mrg32k3a.kernel=decimation} picks the older
 * {@link Mrg32k3aVectorKernel} (64-bit multiplies, AVX-512 only) for comparison. Otherwise
 * {@link #current(int)} is null and Mrg32k3a uses its scalar loops;
 * {@code -Dio.rankexec.rng.vector=false} forces that. Results are identical either way.
 */
abstract class Mrg32k3aKernel {

    /**
     * Fills shorter than this always stay scalar (and do not count towards the warm-up); each kernel
     * sets its own {@link #minLength()} above it. For the lanes kernel, below about 64 values with 8
     * lanes (AVX2) and 128-160 with 16 (AVX-512) the LANES - 1 lane jumps of a tile cost more than
     * they save (the scalar single chain runs ~3.4 ns per value).
     */
    static final int MIN_LENGTH = 128;

    /** The vector kernel, warmed up or not, or null (chosen once, on first use). */
    static Mrg32k3aKernel vector() {
        return Chosen.VECTOR;
    }

    /**
     * The kernel for a fill of {@code len} values now: the vector kernel once warmed up, else null
     * (the scalar loops, same values). Counts the fill towards starting the warm-up.
     */
    static Mrg32k3aKernel current(int len) {
        return Gate.WARMUP == null ? null : Gate.WARMUP.ifOpen(len);
    }

    /** The vector kernel if the switch is open, else null, without counting a request. */
    static Mrg32k3aKernel opened() {
        return Gate.WARMUP == null ? null : Gate.WARMUP.ifOpen();
    }

    /** Warms the vector kernel up on this thread (tests); returns whether fills now use it. */
    static boolean warmUpNow() {
        return Gate.WARMUP != null && Gate.WARMUP.warmUp();
    }

    /** A holder, so that initialising this base class (e.g. as the kernel's superclass) does not choose. */
    private static final class Chosen {
        static final Mrg32k3aKernel VECTOR = choose();
    }

    /** The switch, without loading the kernel (its warm-up thread does, through Chosen). */
    private static final class Gate {
        static final Warmup WARMUP = !"false".equalsIgnoreCase(System.getProperty("io.rankexec.rng.vector"))
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? new Warmup() : null;
    }

    /**
     * Generator fills on a scratch generator at the lengths callers use (long blocks, odd
     * lengths, the shortest vector fill), so that every loop exit is in C2's profile.
     */
    private static final class Warmup extends VectorWarmup<Mrg32k3aKernel> {
        /** 2^27 values: 0.3-0.45 s of scalar fills, about the warm-up's 0.35-0.45 CPU-seconds (see VectorWarmup). */
        static final long START_AFTER = 1L << 27;
        private final Mrg32k3a scratch = new Mrg32k3a(12345);
        private final double[] out = new double[8192];

        Warmup() {
            super("mrg32k3a", START_AFTER, Mrg32k3aKernel::vector);
        }

        @Override
        void runVector(Mrg32k3aKernel vector, int call) {
            run(vector, call);
        }

        @Override
        void runScalar(int call) {
            run(null, call);
        }

        private void run(Mrg32k3aKernel k, int call) {
            int len = call == 7 ? MIN_LENGTH : 300 + 97 * call;
            if (call % 2 == 0) scratch.fillWith(k, out, 0, len);
            else scratch.fillWith(k, out, 0, len, -1.0, 2.0);
        }
    }

    /**
     * out[off + i] = z[i] * scale + shift for i in [0, n), starting from the six-word state, which
     * is advanced by n steps; returns n, at most len and above len - 128 (the caller generates the
     * rest). Requires len >= MIN_LENGTH.
     */
    abstract int fill(long[] state, double[] out, int off, int len, double scale, double shift);

    /** Generator fills at least this long use the kernel (at least MIN_LENGTH). */
    int minLength() {
        return 256;
    }

    /** A short name for benchmarks and diagnostics, or null when not worth using on this machine. */
    abstract String name();

    private static Mrg32k3aKernel choose() {
        if ("false".equalsIgnoreCase(System.getProperty("io.rankexec.rng.vector"))) return null;
        return vectorOrNull();
    }

    static Mrg32k3aKernel vectorOrNull() {
        return load("decimation".equals(System.getProperty("io.rankexec.rng.mrg32k3a.kernel"))
                ? "io.rankexec.rng.Mrg32k3aVectorKernel" : "io.rankexec.rng.Mrg32k3aLanesKernel");
    }

    /** The named kernel if jdk.incubator.vector is resolved and the kernel fits this CPU, else null. */
    static Mrg32k3aKernel load(String className) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return null;
        try {
            Mrg32k3aKernel k = (Mrg32k3aKernel) Class.forName(className).getDeclaredConstructor().newInstance();
            return k.name() != null ? k : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
