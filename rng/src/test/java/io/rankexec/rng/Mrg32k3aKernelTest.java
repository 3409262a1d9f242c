package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels against the scalar recurrence: directly, through generator fills that
 * switch path from call to call, and through the JVM-wide warm-up switch. Surefire runs with
 * {@code --add-modules jdk.incubator.vector}, once with the JVM's preferred vector width and once
 * with {@code -Dio.rankexec.rng.mrg32k3a.bits=256} (the AVX2 lanes kernel); the decimation kernel
 * exists only with 512-bit vectors.
 */
class Mrg32k3aKernelTest {

    @Test
    void kernelIsActiveWhereItCanBe() {
        boolean moduleThere = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean disabled = "false".equalsIgnoreCase(System.getProperty("io.rankexec.rng.vector"));
        boolean decimation = "decimation".equals(System.getProperty("io.rankexec.rng.mrg32k3a.kernel"));
        // the lanes kernel declines (name() == null) only where 256-bit vectors are missing
        if (moduleThere && !disabled && !decimation && new Mrg32k3aLanesKernel().name() != null) {
            assertNotNull(Mrg32k3aKernel.vector(), "the vector kernel should have been chosen");
            String bits = System.getProperty("io.rankexec.rng.mrg32k3a.bits", "");
            assertEquals(bits.isEmpty() ? new Mrg32k3aLanesKernel().name() : "lanes-" + bits, Mrg32k3aKernel.vector().name());
        }
        if (moduleThere && !disabled && decimation && new Mrg32k3aVectorKernel().name() != null) {
            assertEquals("vector-512", Mrg32k3aKernel.vector().name());
        }
    }

    /**
     * Every length from the threshold to past two tiles of the smallest runs (all tail lengths and
     * run lengths 5..16), lengths around the multiple-of-16 and the 1024-value runs, odd offsets,
     * both scalings; for each kernel this JVM has.
     */
    @Test
    void kernelFillsEqualScalarSteps() {
        for (Mrg32k3aKernel k : kernels()) {
            for (int len = Mrg32k3aKernel.MIN_LENGTH; len < 600; len++) {
                check(k, Mrg32k3a.forStream(99, len), len, 3, Mrg32k3a.INV_M1, 0.0);
            }
            int[] longer = {1023, 1024, 1025, 4095, 4096, 4097, 5000, 16 * 1024 - 1, 16 * 1024 + 80, 65_536 + 5, 300_001};
            for (int len : longer) {
                check(k, Mrg32k3a.forStream(7, len), len, 1, Mrg32k3a.INV_M1, 0.0);
                check(k, Mrg32k3a.forStream(8, len), len, 0, (7.25 + 2.5) * Mrg32k3a.INV_M1, -2.5);
            }
        }
    }

    /**
     * Seeds, streams, substreams, positions after skips, and extreme states (words at 0 and at
     * m - 1, where the double arithmetic's products and reductions are largest) give the scalar
     * steps' values and final state.
     */
    @Test
    void kernelFillsEqualScalarStepsFromManyStates() {
        long m1 = Mrg32k3a.M1;
        long m2 = Mrg32k3a.M2;
        java.util.List<Mrg32k3a> starts = new java.util.ArrayList<>();
        for (long seed : new long[] {0, 1, 777, 12345, 0xFFFF_FFFFL}) starts.add(new Mrg32k3a(seed));
        for (long stream : new long[] {1, 2, 1000, 999_999_999L}) starts.add(Mrg32k3a.forStream(42, stream));
        Mrg32k3a sub = new Mrg32k3a(5);
        sub.nextSubstream();
        starts.add(sub);
        for (long skip : new long[] {1, 17, 1L << 20, 123_456_789_012L}) {
            Mrg32k3a g = new Mrg32k3a(31);
            g.skip(skip);
            starts.add(g);
        }
        starts.add(Mrg32k3a.fromState(new long[] {m1 - 1, m1 - 1, m1 - 1, m2 - 1, m2 - 1, m2 - 1}));
        starts.add(Mrg32k3a.fromState(new long[] {m1 - 1, 0, m1 - 1, 0, m2 - 1, 0}));
        starts.add(Mrg32k3a.fromState(new long[] {0, m1 - 1, 0, m2 - 1, 0, m2 - 1}));
        starts.add(Mrg32k3a.fromState(new long[] {0, 0, 1, 0, 0, 1}));
        starts.add(Mrg32k3a.fromRSeed(2024));
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        for (int i = 0; i < 10; i++) {
            starts.add(Mrg32k3a.fromState(new long[] {rnd.nextLong(m1), rnd.nextLong(m1), rnd.nextLong(1, m1),
                rnd.nextLong(m2), rnd.nextLong(m2), rnd.nextLong(1, m2)}));
        }
        for (Mrg32k3aKernel k : kernels()) {
            for (int i = 0; i < starts.size(); i++) {
                int len = 2000 + 37 * i;
                check(k, starts.get(i).copy(), len, i % 3, Mrg32k3a.INV_M1, 0.0);
                check(k, starts.get(i).copy(), len, 0, 6.0 * Mrg32k3a.INV_M1, -1.0);
            }
        }
    }

    /**
     * The kernel this JVM chose (surefire runs this class with the lanes kernel at the preferred
     * width, at 256 bits, and with the decimation kernel, each in its own JVM: two DoubleVector
     * shapes in one JVM slow the lanes kernel down, see Mrg32k3aLanesKernel).
     */
    private static java.util.List<Mrg32k3aKernel> kernels() {
        Mrg32k3aKernel chosen = Mrg32k3aKernel.vectorOrNull();
        return chosen == null ? java.util.List.of() : java.util.List.of(chosen);
    }

    /** Generator fills that alternate between the kernel and the scalar loops give the scalar steps' sequence. */
    @Test
    void fillsSwitchingPathBetweenCallsEqualScalarSteps() {
        Mrg32k3aKernel k = Mrg32k3aKernel.vectorOrNull();
        assumeTrue(k != null, "no vector kernel on this JVM");
        int[] sizes = {127, 128, 129, 255, 256, 257, 1023, 1024, 1025, 8192, 17, 5000, 300, 16_400};
        Mrg32k3a mixed = Mrg32k3a.forStream(3, 40);
        Mrg32k3a steps = Mrg32k3a.forStream(3, 40);
        for (int round = 0; round < 2; round++) {
            for (int s = 0; s < sizes.length; s++) {
                Mrg32k3aKernel path = (s + round) % 2 == 0 ? k : null;
                int n = sizes[s];
                double[] d = new double[n + 1];
                if (s % 3 == 1) {
                    mixed.fillWith(path, d, 1, n, -3.0, 0.5);
                    for (int i = 0; i < n; i++) {
                        assertEquals((steps.nextBits32() & 0xFFFF_FFFFL) * (3.5 * Mrg32k3a.INV_M1) + -3.0, d[1 + i],
                                "range " + i + " of " + n);
                    }
                } else {
                    mixed.fillWith(path, d, 1, n);
                    for (int i = 0; i < n; i++) {
                        assertEquals((steps.nextBits32() & 0xFFFF_FFFFL) * Mrg32k3a.INV_M1, d[1 + i], "unit " + i + " of " + n);
                    }
                }
                assertArrayEquals(steps.stateWords(), mixed.stateWords());
            }
        }
    }

    /**
     * Fills run on the scalar loops until the warm-up (here on the test thread, as the daemon
     * thread would) opens the switch, then on the kernel, with the same values across the switch.
     */
    @Test
    void warmUpMovesFillsToTheVectorKernel() {
        assumeTrue(Mrg32k3aKernel.vector() != null, "no vector kernel on this JVM");
        Mrg32k3a auto = Mrg32k3a.forStream(8, 2);
        Mrg32k3a steps = Mrg32k3a.forStream(8, 2);
        double[] d = new double[8192];
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                assertTrue(Mrg32k3aKernel.warmUpNow(), "the warmed-up vector kernel should beat the scalar loops");
                assertSame(Mrg32k3aKernel.vector(), Mrg32k3aKernel.current(d.length));
            }
            auto.fill(d, 0, d.length);
            for (int i = 0; i < d.length; i++) assertEquals(steps.nextDouble(), d[i], "round " + round + ", " + i);
        }
    }

    private static void check(Mrg32k3aKernel k, Mrg32k3a scalar, int len, int off, double scale, double shift) {
        long[] state = scalar.stateWords();
        double[] out = new double[off + len];
        int done = k.fill(state, out, off, len, scale, shift);
        assertTrue(done <= len && done > len - 128, k.name() + ": kernel output count " + done + " for " + len);
        double[] expected = new double[done];
        for (int i = 0; i < done; i++) expected[i] = (scalar.nextBits32() & 0xFFFF_FFFFL) * scale + shift;
        double[] got = new double[done];
        System.arraycopy(out, off, got, 0, done);
        assertArrayEquals(expected, got, 0.0, k.name() + ", len " + len);
        assertArrayEquals(scalar.stateWords(), state, k.name() + ": state after " + done);
    }
}
