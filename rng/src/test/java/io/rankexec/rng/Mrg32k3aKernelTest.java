package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel against the scalar recurrence: directly, through generator fills that
 * switch path from call to call, and through the JVM-wide warm-up switch. Surefire runs with
 * {@code --add-modules jdk.incubator.vector}; on a machine without 512-bit vectors there is no
 * kernel and these tests have nothing to compare.
 */
class Mrg32k3aKernelTest {

    @Test
    void kernelIsActiveWhereItCanBe() {
        boolean moduleThere = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean disabled = "false".equalsIgnoreCase(System.getProperty("io.rankexec.rng.vector"));
        // the kernel declines (name() == null) only where 512-bit long vectors are missing
        if (moduleThere && !disabled && new Mrg32k3aVectorKernel().name() != null) {
            assertNotNull(Mrg32k3aKernel.vector(), "the vector kernel should have been chosen");
            assertEquals("vector-512", Mrg32k3aKernel.vector().name());
        }
    }

    /** Every length from the threshold over a few block sizes (all tail lengths), odd offsets, both scalings. */
    @Test
    void kernelFillsEqualScalarSteps() {
        Mrg32k3aKernel k = Mrg32k3aKernel.vectorOrNull();
        if (k == null) return; // nothing to compare on this JVM: the scalar loops are the only path
        for (int len = Mrg32k3aKernel.MIN_LENGTH; len < Mrg32k3aKernel.MIN_LENGTH + 40; len++) {
            check(k, len, 3, Mrg32k3a.INV_M1, 0.0);
        }
        check(k, 5000, 0, (7.25 + 2.5) * Mrg32k3a.INV_M1, -2.5);
        check(k, 65_536 + 5, 1, Mrg32k3a.INV_M1, 0.0);
    }

    /** Generator fills that alternate between the kernel and the scalar loops give the scalar steps' sequence. */
    @Test
    void fillsSwitchingPathBetweenCallsEqualScalarSteps() {
        Mrg32k3aKernel k = Mrg32k3aKernel.vectorOrNull();
        assumeTrue(k != null, "no vector kernel on this JVM");
        Mrg32k3a mixed = Mrg32k3a.forStream(3, 40);
        Mrg32k3a steps = Mrg32k3a.forStream(3, 40);
        int[] sizes = {255, 256, 257, 1023, 1024, 1025, 8192, 17, 5000, 300};
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

    private static void check(Mrg32k3aKernel k, int len, int off, double scale, double shift) {
        Mrg32k3a scalar = Mrg32k3a.forStream(99, len);
        long[] state = scalar.stateWords();
        double[] out = new double[off + len];
        int done = k.fill(state, out, off, len, scale, shift);
        assertTrue(done <= len && done > len - 16, "kernel output count " + done + " for " + len);
        double[] expected = new double[done];
        for (int i = 0; i < done; i++) expected[i] = (scalar.nextBits32() & 0xFFFF_FFFFL) * scale + shift;
        double[] got = new double[done];
        System.arraycopy(out, off, got, 0, done);
        assertArrayEquals(expected, got, 0.0, "len " + len);
        assertArrayEquals(scalar.stateWords(), state, "state after " + done);
    }
}
