package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel against the scalar recurrence. Surefire runs with
 * {@code --add-modules jdk.incubator.vector}, so on a machine with 512-bit vectors the kernel is
 * active and every fill test in this module goes through it as well.
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
