package io.rankexec.kernels.kmeans;

import io.rankexec.kernels.support.DataMatrix;
import io.rankexec.rng.RngKind;
import io.rankexec.rng.StreamSpec;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static io.rankexec.kernels.kmeans.SameFit.assertSameFit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accelerated Hartigan-Wong (padded rows, batched distances, bounds that skip quick-transfer
 * tests) must take every decision of the plain kmns.f transcription: the same assignment, the
 * same iterations and convergence flag, the same centres bit for bit.
 */
class HartiganWongTest {

    private static int compare(DataMatrix x, int k, int starts, int iterMax, int maxQuickSteps) {
        int fits = 0;
        for (int s = 0; s < starts; s++) {
            double[] init = KMeans.randomCenters(StreamSpec.forTask(RngKind.MT2203, 11, s).create(), x, k);
            String what = x.rows() + "x" + x.cols() + " k=" + k + " start " + s + " iterMax " + iterMax + " cap " + maxQuickSteps;
            KMeansResult plain;
            try {
                plain = new As136Reference(x, init, k, maxQuickSteps).run(iterMax);
            } catch (IllegalStateException emptyCluster) { // duplicate rows drawn as centres: both refuse
                assertThrows(IllegalStateException.class, () -> new HartiganWong(x, init, k, maxQuickSteps).run(iterMax), what);
                continue;
            }
            assertSameFit(plain, new HartiganWong(x, init, k, maxQuickSteps).run(iterMax), what);
            fits++;
        }
        return fits;
    }

    private static DataMatrix blobs(int n, int p, int groups, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) v[i * p + j] = (j % groups == i % groups ? 6.0 : 0.0) + r.nextGaussian();
        }
        return new DataMatrix(n, p, v);
    }

    /** Small integers: many points equidistant from two centres, many equal distances. */
    private static DataMatrix grid(int n, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * p];
        for (int i = 0; i < v.length; i++) v[i] = r.nextInt(3);
        return new DataMatrix(n, p, v);
    }

    @Test
    void sameDecisionsAsKmnsOnTheSeedsKindOfData() {
        // 50 coordinates (padded to 52) as in the seed case, and 48 (no padding)
        DataMatrix seedLike = KMeansKernel.generateNormal(1500, 50, RngKind.MT2203, 5);
        assertEquals(6, compare(seedLike, 10, 6, 35, 50 * 1500));
        assertEquals(3, compare(KMeansKernel.generateNormal(800, 48, RngKind.MRG32K3A, 6), 7, 3, 35, 50 * 800));
    }

    @Test
    void sameDecisionsOnClusteredTiedAndSmallData() {
        int fits = 0;
        for (int k : new int[]{2, 3, 6}) {
            fits += compare(blobs(700, 5, 4, 1), k, 4, 30, 50 * 700);
            fits += compare(grid(300, 3, 2), k, 4, 30, 50 * 300);
        }
        fits += compare(blobs(40, 2, 3, 3), 12, 5, 20, 50 * 40); // clusters shrink to one point
        fits += compare(KMeansKernel.generateNormal(500, 5, RngKind.MT2203, 4), 6, 3, 1, 50 * 500); // stopped by iter.max
        assertTrue(fits >= 28, fits + " of 32 fits ran (the rest drew a duplicate row as a centre)");
    }

    @Test
    void sameStopWhenTheQuickTransferStepCapBites() {
        DataMatrix x = KMeansKernel.generateNormal(600, 20, RngKind.MT2203, 8);
        int capped = 0;
        for (int cap : new int[]{600 + 7, 2 * 600, 3 * 600 + 1}) {
            compare(x, 8, 3, 35, cap);
            double[] init = KMeans.randomCenters(StreamSpec.forTask(RngKind.MT2203, 11, 0).create(), x, 8);
            if (!new HartiganWong(x, init, 8, cap).run(35).converged()) capped++;
        }
        assertTrue(capped > 0, "a cap this small stops at least one fit early");
    }

    @Test
    void reportsAnEmptyStartingClusterAsKmnsDoes() {
        DataMatrix x = new DataMatrix(4, 1, new double[]{0, 1, 2, 3});
        double[] init = {0, 0.5, 10}; // the third centre is nobody's nearest
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new HartiganWong(x, init, 3).run(10));
        assertTrue(e.getMessage().contains("empty cluster"), e.getMessage());
    }
}
