package io.rankexec.kernels.kmeans;

import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.rng.RngKind;
import io.rankexec.rng.StreamSpec;
import org.junit.jupiter.api.Test;

import static io.rankexec.kernels.kmeans.SameFit.assertSameFit;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hamerly's bounds only skip work: every fit must equal plain Lloyd's, bit for bit. */
class HamerlyLloydTest {

    /** Well-separated Gaussian blobs (bounds prune a lot) plus a structureless normal cloud (they rarely do). */
    private static DataMatrix blobs(int n, int p, int groups, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] v = new double[n * p];
        for (int i = 0; i < n; i++) {
            int g = i % groups;
            for (int j = 0; j < p; j++) v[i * p + j] = (j % groups == g ? 8.0 : 0.0) + gaussian(r);
        }
        return new DataMatrix(n, p, v);
    }

    private static double gaussian(java.util.SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void sameAssignmentsAsPlainLloydOnClusteredAndUnstructuredData() {
        DataMatrix[] sets = {blobs(900, 6, 5, 1), KMeansKernel.generateNormal(700, 20, RngKind.MRG32K3A, 3)};
        int fits = 0;
        for (DataMatrix x : sets) {
            for (int k : new int[]{2, 5, 9}) {
                for (int s = 0; s < 6; s++) {
                    double[] init = KMeans.randomCenters(StreamSpec.forTask(RngKind.MRG32K3A, 7, s).create(), x, k);
                    for (int iterMax : new int[]{1, 3, 50}) {
                        assertSameFit(KMeans.lloyd(x, init, k, iterMax), KMeans.hamerly(x, init, k, iterMax),
                                x.rows() + "x" + x.cols() + " k=" + k + " start " + s + " iterMax " + iterMax);
                        fits++;
                    }
                }
            }
        }
        assertEquals(108, fits);
    }

    @Test
    void tiesGoToTheLowestCentreIndexAsInPlainLloyd() {
        // points exactly half way between two centres, and duplicated centres
        double[] v = {0, 0, 2, 0, 1, 0, 1, 1, 1, -1, 5, 5, 5, 5, 6, 5};
        DataMatrix x = new DataMatrix(8, 2, v);
        double[] init = {0, 0, 2, 0, 5, 5, 5, 5};
        for (int iterMax : new int[]{1, 2, 10})
            assertSameFit(KMeans.lloyd(x, init, 4, iterMax), KMeans.hamerly(x, init, 4, iterMax), "iterMax " + iterMax);
    }

    @Test
    void kernelLloydIsHamerly() {
        DataMatrix x = blobs(400, 4, 3, 9);
        KMeansResult viaFit = KMeans.fit(KMeans.Algorithm.LLOYD, x, 3, 30, StreamSpec.forTask(RngKind.MRG32K3A, 5, 2).create());
        double[] init = KMeans.randomCenters(StreamSpec.forTask(RngKind.MRG32K3A, 5, 2).create(), x, 3);
        assertSameFit(KMeans.lloyd(x, init, 3, 30), viaFit, "fit(LLOYD)");
    }
}
