package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The warm-up switch's decisions, on stand-in kernels that take a known time. */
class VectorWarmupTest {

    /** A stand-in whose "vector kernel" takes vectorMicros and whose scalar kernel takes scalarMicros per call. */
    private static VectorWarmup<String> fake(double vectorMicros, double scalarMicros, long giveUpNanos) {
        return new VectorWarmup<>("test", 1L << 30, () -> "vector", giveUpNanos) {
            @Override
            void runVector(String kernel, int call) {
                spin(vectorMicros);
            }

            @Override
            void runScalar(int call) {
                spin(scalarMicros);
            }
        };
    }

    private static void spin(double micros) {
        long end = System.nanoTime() + (long) (micros * 1000);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void opensWhenTheVectorKernelIsFaster() {
        VectorWarmup<String> w = fake(5, 50, 10_000_000_000L);
        assertNull(w.ifOpen());
        assertTrue(w.warmUp());
        assertEquals("vector", w.ifOpen(1));
    }

    @Test
    void staysClosedWhenTheVectorKernelNeverWins() {
        VectorWarmup<String> w = fake(50, 5, 300_000_000L);
        long t0 = System.nanoTime();
        assertFalse(w.warmUp());
        assertNull(w.ifOpen(1_000_000));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "gives up after its time limit");
    }

    @Test
    void warmUpStartsOnItsOwnThreadOnlyAfterEnoughDemand() throws InterruptedException {
        VectorWarmup<String> w = fake(5, 50, 10_000_000_000L);
        assertNull(w.ifOpen((int) (w.startAfter() / 2)));
        assertNull(w.ifOpen((int) (w.startAfter() / 2) - 1));
        assertFalse(w.started(), "below the threshold nothing starts");
        assertNull(w.ifOpen(1), "the request that reaches the threshold starts the warm-up, still on the scalar path");
        assertTrue(w.started());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (w.ifOpen(1) == null && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals("vector", w.ifOpen(1), "the background warm-up should open the switch");
    }

    @Test
    void staysClosedWhenThereIsNoVectorKernel() {
        VectorWarmup<String> w = new VectorWarmup<>("test", 1L << 30, () -> null, 10_000_000_000L) {
            @Override
            void runVector(String kernel, int call) {
                throw new AssertionError("no kernel to run");
            }

            @Override
            void runScalar(int call) {
            }
        };
        assertFalse(w.warmUp());
        assertNull(w.ifOpen(1));
    }

    @Test
    void startThresholdCanBeSetPerKernel() {
        System.setProperty("io.rankexec.rng.test.startAfter", "1000");
        try {
            VectorWarmup<String> w = fake(5, 50, 10_000_000_000L);
            assertEquals(1000, w.startAfter());
            assertNull(w.ifOpen(999));
            assertFalse(w.started());
            assertNull(w.ifOpen(1));
            assertTrue(w.started(), "1000 values reach the threshold");
        } finally {
            System.clearProperty("io.rankexec.rng.test.startAfter");
        }
    }

    @Test
    void eagerModeOpensAtOnce() {
        String before = System.getProperty("io.rankexec.rng.vector");
        System.setProperty("io.rankexec.rng.vector", "eager");
        try {
            VectorWarmup<String> w = fake(50, 5, 1);
            assertEquals("vector", w.ifOpen(1));
        } finally {
            if (before == null) System.clearProperty("io.rankexec.rng.vector");
            else System.setProperty("io.rankexec.rng.vector", before);
        }
    }
}
