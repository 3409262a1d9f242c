package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel against the plain-Java kernel (whose values the golden tests tie to MKL),
 * pinned, switched mid-stream, and through the JVM-wide warm-up switch. Skipped when the JVM runs
 * without {@code --add-modules jdk.incubator.vector} (the rng build adds it).
 */
class Mt2203KernelTest {

    private static final int[] SIZES = {0, 1, 7, 8, 9, 69, 2047, 2048, 2049, 3, 16_385, 100_000};

    @Test
    void vectorKernelEqualsScalarKernel() {
        Mt2203Kernel vector = Mt2203Kernel.vectorOrNull();
        assumeTrue(vector != null, "jdk.incubator.vector not available");
        for (long task : new long[] {0, 6023, 6024 * 3L + 11}) {
            Mt2203 v = Mt2203.forTask(99, task, vector);
            Mt2203 s = Mt2203.forTask(99, task, Mt2203Kernel.SCALAR);
            for (int size : SIZES) {
                double[] dv = new double[size + 5];
                double[] ds = new double[size + 5];
                v.fill(dv, 5, size);
                s.fill(ds, 5, size);
                assertArrayEquals(ds, dv, "unit, block " + size);
                v.fill(dv, 1, size, -7.25, 1e-3);
                s.fill(ds, 1, size, -7.25, 1e-3);
                assertArrayEquals(ds, dv, "range, block " + size);
                int[] iv = new int[size];
                int[] is = new int[size];
                v.fillBits(iv, 0, size);
                s.fillBits(is, 0, size);
                assertArrayEquals(is, iv, "bits, block " + size);
                assertEquals(s.nextBits32(), v.nextBits32());
            }
        }
    }

    /**
     * The one-pass AVX2 kernel against the scalar one: long fills (whole blocks go through its fused
     * pass) of many lengths at odd offsets, mixed with bits and range fills, over substreams and
     * task keys; wherever the JVM has 256-bit int vectors, whatever kernel this CPU would choose.
     */
    @Test
    void fusedKernelEqualsScalarKernel() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "jdk.incubator.vector not available");
        for (Mt2203Kernel fused : fusedKernels()) fusedKernelEqualsScalarKernel(fused);
    }

    /**
     * The one-pass kernel, if this JVM chose it (under AVX2): surefire also runs this class with
     * {@code -Dio.rankexec.rng.mt2203.kernel=fused-256}, in a JVM of its own (two vector shapes in
     * one JVM slow JDK 17's vector code down, see Mrg32k3aLanesKernel).
     */
    private static java.util.List<Mt2203Kernel> fusedKernels() {
        Mt2203Kernel k = Mt2203Kernel.vectorOrNull();
        assumeTrue(k != null && k.fuses(), "no one-pass kernel on this JVM");
        return java.util.List.of(k);
    }

    private static void fusedKernelEqualsScalarKernel(Mt2203Kernel fused) {
        java.util.SplittableRandom lengths = new java.util.SplittableRandom(2203);
        for (long task : new long[] {0, 1, 777, 6023, 6024 * 5L + 4000, 0xFFFF_FFFFL}) {
            Mt2203 f = Mt2203.forTask(4242, task, fused);
            Mt2203 s = Mt2203.forTask(4242, task, Mt2203Kernel.SCALAR);
            for (int call = 0; call < 40; call++) {
                int len = call % 4 == 0 ? lengths.nextInt(20) : lengths.nextInt(3 * 2048 + 70);
                int off = lengths.nextInt(9);
                double[] df = new double[off + len];
                double[] ds = new double[off + len];
                f.fill(df, off, len);
                s.fill(ds, off, len);
                assertArrayEquals(ds, df, fused.name() + ": task " + task + ", call " + call + ", len " + len);
                if (call % 5 == 4) {
                    f.fill(df, off, len, -3.0, 0.25);
                    s.fill(ds, off, len, -3.0, 0.25);
                    assertArrayEquals(ds, df, "range, task " + task + ", call " + call);
                }
                assertEquals(s.nextBits32(), f.nextBits32());
            }
        }
        for (int substream : new int[] {0, 1, 3000, 6023}) {
            Mt2203 f = new Mt2203(7, substream).withKernel(fused);
            Mt2203 s = new Mt2203(7, substream).withKernel(Mt2203Kernel.SCALAR);
            double[] df = new double[50_000];
            double[] ds = new double[50_000];
            f.fill(df, 0, df.length);
            s.fill(ds, 0, ds.length);
            assertArrayEquals(ds, df, "substream " + substream);
            assertArrayEquals(s.snapshot().words(), f.snapshot().words(), "state after the fill");
        }
    }

    /** The fused pass against the three scalar passes on arbitrary states, edge words included. */
    @Test
    void fusedPassEqualsScalarPasses() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "jdk.incubator.vector not available");
        for (Mt2203Kernel fused : fusedKernels()) fusedPassEqualsScalarPasses(fused);
    }

    private static void fusedPassEqualsScalarPasses(Mt2203Kernel fused) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int round = 0; round < 50; round++) {
            int count = 32 * (1 + r.nextInt(80));
            int[] x = new int[Mt2203Kernel.N + count];
            for (int i = 0; i < Mt2203Kernel.N; i++) {
                x[i] = round < 3 ? new int[] {0, -1, Integer.MIN_VALUE}[round] : r.nextInt();
            }
            int[] xs = x.clone();
            int a = r.nextInt(), b = r.nextInt(), c = r.nextInt();
            int off = r.nextInt(5);
            double[] df = new double[off + count];
            double[] ds = new double[off + count];
            fused.recurUnit(x, new int[x.length], count, a, b, c, df, off);
            Mt2203Kernel.SCALAR.recurUnit(xs, new int[x.length], count, a, b, c, ds, off);
            assertArrayEquals(xs, x, "words, round " + round);
            assertArrayEquals(ds, df, fused.name() + ": doubles, round " + round);
        }
    }

    /** Any mix of kernels, changed between calls of every size (inside blocks, across growth), gives the scalar calls' sequence. */
    @Test
    void switchingKernelsMidStreamKeepsTheSequence() {
        Mt2203Kernel vector = Mt2203Kernel.vectorOrNull();
        assumeTrue(vector != null, "jdk.incubator.vector not available");
        Mt2203 mixed = Mt2203.forTask(5, 6024 * 2L + 100, Mt2203Kernel.SCALAR);
        Mt2203 calls = Mt2203.forTask(5, 6024 * 2L + 100, Mt2203Kernel.SCALAR);
        int[] sizes = {1, 62, 64, 65, 127, 300, 2047, 2048, 2049, 9000, 5};
        for (int round = 0; round < 3; round++) {
            for (int s = 0; s < sizes.length; s++) {
                mixed = mixed.withKernel((s + round) % 2 == 0 ? vector : Mt2203Kernel.SCALAR);
                int n = sizes[s];
                double[] d = new double[n];
                if (s % 3 == 2) {
                    mixed.fill(d, 0, n, 2.0, 3.5);
                    for (int i = 0; i < n; i++) assertEquals(2.0 + 1.5 * calls.nextDouble(), d[i], "range " + i + " of " + n);
                } else {
                    mixed.fill(d, 0, n);
                    for (int i = 0; i < n; i++) assertEquals(calls.nextDouble(), d[i], "unit " + i + " of " + n);
                }
                assertEquals(calls.nextBits32(), mixed.nextBits32());
            }
        }
    }

    /**
     * Generators start on the scalar kernel and move to the vector one when the warm-up opens the
     * switch (here run on the test thread, as the daemon thread would), mid-stream, same values.
     */
    @Test
    void warmUpMovesGeneratorsToTheVectorKernel() {
        assumeTrue(!"false".equalsIgnoreCase(System.getProperty("io.rankexec.rng.vector")), "vector disabled");
        Mt2203Kernel vector = Mt2203Kernel.vectorOrNull();
        assumeTrue(vector != null, "jdk.incubator.vector not available");
        Mt2203 auto = Mt2203.forTask(77, 12);
        Mt2203 reference = Mt2203.forTask(77, 12, Mt2203Kernel.SCALAR);
        double[] a = new double[10_000];
        double[] r = new double[10_000];
        auto.fill(a, 0, a.length);
        reference.fill(r, 0, r.length);
        assertArrayEquals(r, a, "before the switch");

        assertTrue(Mt2203Kernel.warmUpNow(), "the warmed-up vector kernel should beat the scalar one on this CPU");
        assertEquals(vector.name(), auto.kernelName());
        assertEquals(vector.name(), new Mt2203(1, 0).kernelName());
        auto.fill(a, 0, a.length);
        reference.fill(r, 0, r.length);
        assertArrayEquals(r, a, "after the switch");
    }
}
