package io.rankexec.rng;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The warm-up switch's decisions, on stand-in kernels that take a known time. */
class VectorWarmupTest {

    /** A stand-in whose "vector kernel" takes vectorMicros and whose scalar kernel takes scalarMicros per call. */
    private static VectorWarmup fake(double vectorMicros, double scalarMicros, long giveUpNanos) {
        return new VectorWarmup("test", giveUpNanos) {
            @Override
            void runVector(int call) {
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
        VectorWarmup w = fake(5, 50, 10_000_000_000L);
        assertFalse(w.isOpen());
        assertTrue(w.warmUp());
        assertTrue(w.isOpen(1));
    }

    @Test
    void staysClosedWhenTheVectorKernelNeverWins() {
        VectorWarmup w = fake(50, 5, 300_000_000L);
        long t0 = System.nanoTime();
        assertFalse(w.warmUp());
        assertFalse(w.isOpen(1_000_000));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "gives up after its time limit");
    }

    @Test
    void warmUpStartsOnItsOwnThreadOnlyAfterEnoughDemand() throws InterruptedException {
        VectorWarmup w = fake(5, 50, 10_000_000_000L);
        assertFalse(w.isOpen((int) (VectorWarmup.START_AFTER / 2)));
        assertFalse(w.isOpen((int) (VectorWarmup.START_AFTER / 2) - 1));
        assertFalse(w.started(), "below the threshold nothing starts");
        w.isOpen(1); // reaches the threshold: the daemon thread starts; this call still says closed or open
        assertTrue(w.started());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!w.isOpen(1) && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(w.isOpen(1), "the background warm-up should open the switch");
    }

    @Test
    void eagerModeOpensAtOnce() {
        String before = System.getProperty("io.rankexec.rng.vector");
        System.setProperty("io.rankexec.rng.vector", "eager");
        try {
            VectorWarmup w = fake(50, 5, 1);
            assertTrue(w.isOpen(1));
        } finally {
            if (before == null) System.clearProperty("io.rankexec.rng.vector");
            else System.setProperty("io.rankexec.rng.vector", before);
        }
    }
}
