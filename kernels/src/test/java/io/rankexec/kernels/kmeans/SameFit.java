package io.rankexec.kernels.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two k-means fits that must agree bit for bit (an accelerated algorithm against its plain reference). */
final class SameFit {

    private SameFit() {
    }

    static void assertSameFit(KMeansResult plain, KMeansResult fast, String what) {
        assertArrayEquals(plain.cluster(), fast.cluster(), what);
        assertEquals(plain.iterations(), fast.iterations(), what);
        assertEquals(plain.converged(), fast.converged(), what);
        assertArrayEquals(plain.centers(), fast.centers(), 0.0, what);
        assertEquals(plain.totalWithinSS(), fast.totalWithinSS(), 0.0, what);
    }
}
