package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel against the plain-Java kernel (whose values the golden tests tie to MKL).
 * Skipped when the JVM runs without {@code --add-modules jdk.incubator.vector} (the rng build adds it).
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

    @Test
    void defaultKernelIsTheVectorOneWhenTheModuleIsPresent() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), "module not added");
        assumeTrue(!"false".equalsIgnoreCase(System.getProperty("io.rankexec.rng.vector")));
        Mt2203Kernel vector = Mt2203Kernel.vectorOrNull();
        assumeTrue(vector != null, "vector kernel not worth it on this CPU");
        assertEquals(vector.name(), new Mt2203(1, 0).kernelName());
    }
}
