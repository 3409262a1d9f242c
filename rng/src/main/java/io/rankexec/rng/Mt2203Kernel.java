package io.rankexec.rng;

/**
 * The array passes of {@link Mt2203}: the recurrence over the word buffer, tempering into a
 * second buffer, and conversion into the caller's array. Two implementations with identical
 * results: plain Java loops ({@link Scalar}), and {@link Mt2203VectorKernel} on the incubating Vector API, used when
 * the JVM runs with {@code --add-modules jdk.incubator.vector} (C2 in JDK 17 vectorizes only the
 * plain tempering loop: not the recurrence, which reads its own array at three offsets, nor the
 * int-to-double conversion). Generators switch to the vector kernel only once {@link VectorWarmup}
 * has seen it run fast; {@code -Dio.rankexec.rng.vector=false} forces the scalar path.
 */
abstract class Mt2203Kernel {

    static final int N = 69;
    static final int M = 34;
    static final int LOWER_MASK = 0x1F;
    static final int UPPER_MASK = ~LOWER_MASK;
    static final double TWO_POW_M32 = 0x1.0p-32;

    static final Mt2203Kernel SCALAR = new Scalar();
    /** Opens once the vector kernel runs fast; null when the JVM lacks jdk.incubator.vector or it is disabled. */
    private static final Warmup WARMUP = vectorWanted() ? new Warmup() : null;

    /** Computes x[k + 69] for k in [0, count): count is a multiple of 32, x holds 69 + count words. */
    abstract void recur(int[] x, int count, int a);

    /** t[i] = temper(x[i]) for i in [from, from + count). */
    abstract void temper(int[] x, int[] t, int from, int count, int b, int c);

    /** out[off + i] = unsigned(t[from + i]) * 2^-32 for i in [0, n): MKL's uniform double. */
    abstract void unit(int[] t, int from, int n, double[] out, int off);

    /** out[off + i] = lo + width * u_i with u_i as in {@link #unit}, rounded after each operation (MKL). */
    abstract void range(int[] t, int from, int n, double[] out, int off, double lo, double width);

    /** A short name for benchmarks and diagnostics. */
    abstract String name();

    /** Whether {@link #recurUnit} is one pass (worth calling for every whole block of a long fill). */
    boolean fuses() {
        return false;
    }

    /**
     * Computes x[69 .. 69 + count) and writes the uniform doubles of their tempered values to
     * out[off .. off + count); t is scratch of x's length. Here the three passes; fusing kernels override.
     */
    void recurUnit(int[] x, int[] t, int count, int a, int b, int c, double[] out, int off) {
        recur(x, count, a);
        temper(x, t, N, count, b, c);
        unit(t, N, count, out, off);
    }

    /**
     * The kernel for generating {@code words} more words now: the vector one once warmed up, else
     * the scalar one (same values). Counts the words towards starting the warm-up.
     */
    static Mt2203Kernel current(int words) {
        Mt2203Kernel vector = WARMUP == null ? null : WARMUP.ifOpen(words);
        return vector != null ? vector : SCALAR;
    }

    /** The kernel {@link #current(int)} would return now, without counting (diagnostics). */
    static Mt2203Kernel current() {
        Mt2203Kernel vector = WARMUP == null ? null : WARMUP.ifOpen();
        return vector != null ? vector : SCALAR;
    }

    /** Warms the vector kernel up on this thread (tests); returns whether generators now use it. */
    static boolean warmUpNow() {
        return WARMUP != null && WARMUP.warmUp();
    }

    private static boolean vectorWanted() {
        return !"false".equalsIgnoreCase(System.getProperty("io.rankexec.rng.vector"))
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * The Vector API kernel for this CPU, or null when jdk.incubator.vector is not resolved or no
     * kernel fits: the three-pass {@link Mt2203VectorKernel} with 512-bit vectors (AVX-512), else
     * the one-pass {@link Mt2203FusedKernel} with 256-bit ones (AVX2).
     * {@code -Dio.rankexec.rng.mt2203.kernel=fused-256} picks the latter anyway (tests, benchmarks).
     * Measured and not taken (JDK 17, Zen 5): the one pass on 512-bit int vectors, 0.275 ns per
     * double against 0.29-0.30, but with the three passes' 256-bit int vectors in the same JVM (for
     * range and short fills) C2 boxes its vectors (see Mrg32k3aLanesKernel); 256-bit int vectors
     * converted to 512-bit doubles, 0.39 ns.
     */
    static Mt2203Kernel vectorOrNull() {
        if ("fused-256".equals(System.getProperty("io.rankexec.rng.mt2203.kernel"))) {
            return load("io.rankexec.rng.Mt2203FusedKernel");
        }
        Mt2203Kernel k = load("io.rankexec.rng.Mt2203VectorKernel");
        return k != null && k.name().equals("vector-512") ? k : load("io.rankexec.rng.Mt2203FusedKernel");
    }

    private static Mt2203Kernel load(String className) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return null;
        try {
            Mt2203Kernel k = (Mt2203Kernel) Class.forName(className).getDeclaredConstructor().newInstance();
            return k.name() != null ? k : null;
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return null;
        }
    }

    static int temper(int y, int b, int c) {
        y ^= y >>> 12;
        y ^= (y << 7) & b;
        y ^= (y << 15) & c;
        return y ^ (y >>> 18);
    }

    /** x * 2^-32 for the unsigned x, exactly, from the signed int (x - 2^31 fits; the sum is exact). */
    static double unit(int x) {
        return (x ^ 0x8000_0000) * TWO_POW_M32 + 0.5;
    }

    /**
     * Generator fills, one generator pinned to each kernel, at the lengths callers use (a long fill
     * of whole blocks, shorter ones through the buffer), so that the race is the one generators
     * would run: a kernel timed alone on scratch buffers can win there and lose inside a fill
     * (see Mt2203FusedKernel). The values are never read.
     */
    private static final class Warmup extends VectorWarmup<Mt2203Kernel> {
        /** 3 * 2^28 values: about 0.8 s of scalar fills (1.0 ns each), the warm-up's 0.7-0.9 CPU-seconds (see VectorWarmup). */
        static final long START_AFTER = 3L << 28;
        private final double[] out = new double[3 * 2048];
        private Mt2203 vectorGen;
        private final Mt2203 scalarGen = Mt2203.forTask(1, 0, SCALAR);

        Warmup() {
            super("mt2203", START_AFTER, Mt2203Kernel::vectorOrNull);
        }

        @Override
        void runVector(Mt2203Kernel vector, int call) {
            if (vectorGen == null) vectorGen = Mt2203.forTask(1, 0, vector);
            run(vectorGen, call);
        }

        @Override
        void runScalar(int call) {
            run(scalarGen, call);
        }

        private void run(Mt2203 g, int call) {
            int len = call == 7 ? 13 : call == 6 ? 300 : out.length - 5 * call;
            g.fill(out, 0, len);
            if (call == 5) g.fill(out, 0, len, -1.0, 3.0);
        }
    }

    /**
     * Plain loops. C2 vectorizes the tempering pass (same index on both int arrays); the recurrence
     * (one array read at three offsets) and the int-to-double conversion stay scalar in JDK 17.
     */
    static final class Scalar extends Mt2203Kernel {
        @Override
        void recur(int[] x, int count, int a) {
            for (int k = 0; k < count; k++) {
                int y = (x[k] & UPPER_MASK) | (x[k + 1] & LOWER_MASK);
                x[k + N] = x[k + M] ^ (y >>> 1) ^ (-(y & 1) & a);
            }
        }

        @Override
        void temper(int[] x, int[] t, int from, int count, int b, int c) {
            for (int i = from; i < from + count; i++) {
                int y = x[i];
                y ^= y >>> 12;
                y ^= (y << 7) & b;
                y ^= (y << 15) & c;
                t[i] = y ^ (y >>> 18);
            }
        }

        @Override
        void unit(int[] t, int from, int n, double[] out, int off) {
            for (int i = 0; i < n; i++) out[off + i] = unit(t[from + i]);
        }

        @Override
        void range(int[] t, int from, int n, double[] out, int off, double lo, double width) {
            for (int i = 0; i < n; i++) out[off + i] = lo + width * unit(t[from + i]);
        }

        @Override
        String name() {
            return "scalar";
        }
    }
}
