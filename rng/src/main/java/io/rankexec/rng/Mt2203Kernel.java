package io.rankexec.rng;

/**
 * The array passes of {@link Mt2203}: the recurrence over the word buffer, and tempering with
 * conversion into the caller's array. Two implementations with identical results: plain Java
 * loops ({@link Scalar}), and {@link Mt2203VectorKernel} on the incubating Vector API, used when
 * the JVM runs with {@code --add-modules jdk.incubator.vector} (C2 in JDK 17 cannot vectorize the
 * plain loops: the recurrence reads the same array at three offsets, and int-to-double
 * conversion is not auto-vectorized). {@code -Dio.rankexec.rng.vector=false} forces the scalar path.
 */
abstract class Mt2203Kernel {

    static final int N = 69;
    static final int M = 34;
    static final int LOWER_MASK = 0x1F;
    static final int UPPER_MASK = ~LOWER_MASK;
    static final double TWO_POW_M32 = 0x1.0p-32;

    /** The fastest kernel this JVM can run, chosen once. */
    static final Mt2203Kernel BEST = choose();
    static final Mt2203Kernel SCALAR = new Scalar();

    /** Computes x[k + 69] for k in [0, count): count is a multiple of 8, x holds 69 + count words. */
    abstract void recur(int[] x, int count, int a);

    /** out[off + i] = temper(x[from + i]) for i in [0, n). */
    abstract void bits(int[] x, int from, int n, int b, int c, int[] out, int off);

    /** out[off + i] = unsigned(temper(x[from + i])) * 2^-32 for i in [0, n). */
    abstract void unit(int[] x, int from, int n, int b, int c, double[] out, int off);

    /** out[off + i] = lo + width * u_i with u_i as in {@link #unit}, rounded after each operation (MKL). */
    abstract void range(int[] x, int from, int n, int b, int c, double[] out, int off, double lo, double width);

    /** A short name for benchmarks and diagnostics. */
    abstract String name();

    private static Mt2203Kernel choose() {
        if ("false".equalsIgnoreCase(System.getProperty("io.rankexec.rng.vector"))) return new Scalar();
        Mt2203Kernel vector = vectorOrNull();
        return vector != null ? vector : new Scalar();
    }

    /** The Vector API kernel, or null when jdk.incubator.vector is not resolved or not worth it here. */
    static Mt2203Kernel vectorOrNull() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return null;
        try {
            Mt2203Kernel k = (Mt2203Kernel) Class.forName("io.rankexec.rng.Mt2203VectorKernel")
                    .getDeclaredConstructor().newInstance();
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

    /** Plain loops; the tempering loop is simple, but C2 17 keeps all of them scalar. */
    static final class Scalar extends Mt2203Kernel {
        @Override
        void recur(int[] x, int count, int a) {
            for (int k = 0; k < count; k++) {
                int y = (x[k] & UPPER_MASK) | (x[k + 1] & LOWER_MASK);
                x[k + N] = x[k + M] ^ (y >>> 1) ^ (-(y & 1) & a);
            }
        }

        @Override
        void bits(int[] x, int from, int n, int b, int c, int[] out, int off) {
            for (int i = 0; i < n; i++) out[off + i] = temper(x[from + i], b, c);
        }

        @Override
        void unit(int[] x, int from, int n, int b, int c, double[] out, int off) {
            for (int i = 0; i < n; i++) out[off + i] = unit(temper(x[from + i], b, c));
        }

        @Override
        void range(int[] x, int from, int n, int b, int c, double[] out, int off, double lo, double width) {
            for (int i = 0; i < n; i++) out[off + i] = lo + width * unit(temper(x[from + i], b, c));
        }

        @Override
        String name() {
            return "scalar";
        }
    }
}
