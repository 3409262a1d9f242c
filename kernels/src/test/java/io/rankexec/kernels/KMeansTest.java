package io.rankexec.kernels;

import io.rankexec.kernels.kmeans.KMeans;
import io.rankexec.kernels.kmeans.KMeansResult;
import io.rankexec.kernels.support.DataMatrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against R 4.x: the data are a formula both sides evaluate, the expected values printed by
 * {@code kmeans(x, centers = x[rows, ], iter.max, algorithm)} (script in the comments).
 */
class KMeansTest {

    /** R: x[i+1, j+1] <- sin(1.3*i + 0.7*j*j) + (i %% 3) * 2 + cos(0.37 * i * (j+1)). */
    static DataMatrix formulaData(int n, int p) {
        double[] v = new double[n * p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) v[i * p + j] = Math.sin(1.3 * i + 0.7 * j * j) + (i % 3) * 2 + Math.cos(0.37 * i * (j + 1));
        return new DataMatrix(n, p, v);
    }

    static double[] rows(DataMatrix x, int... rows) {
        double[] c = new double[rows.length * x.cols()];
        for (int l = 0; l < rows.length; l++) System.arraycopy(x.values(), rows[l] * x.cols(), c, l * x.cols(), x.cols());
        return c;
    }

    @Test
    void smallCaseMatchesR() {
        DataMatrix x = formulaData(60, 3);
        double[] init = rows(x, 0, 1, 2);
        KMeansResult hw = KMeans.hartiganWong(x, init, 3, 20);
        assertEquals(168.67266594564839, hw.totalWithinSS(), 1e-9);
        assertArrayEquals(new int[]{19, 18, 23}, hw.sizes());
        assertArrayEquals(new double[]{46.604443947577060, 51.912567128614839, 70.155654869456498}, hw.withinss(), 1e-9);
        assertArrayEquals(new double[]{-0.042379853933711228, -0.076198002555535438, 0.024500852550754463,
                1.711398903101085445, 1.790243418599815506, 1.946400029221161398,
                3.973918767102241567, 3.971457399589460202, 3.671595223412103426}, hw.centers(), 1e-12);
        assertEquals(2, hw.iterations());
        assertTrue(hw.converged());
        KMeansResult lloyd = KMeans.lloyd(x, init, 3, 20);
        assertEquals(168.67266594564839, lloyd.totalWithinSS(), 1e-9);
        assertArrayEquals(new int[]{19, 18, 23}, lloyd.sizes());
        assertEquals(11, lloyd.iterations());
    }

    @Test
    void largerCaseMatchesRForBothAlgorithms() {
        DataMatrix x = formulaData(500, 5);
        double[] init = rows(x, 0, 6, 49, 100, 221, 332);
        KMeansResult hw = KMeans.hartiganWong(x, init, 6, 30);
        assertEquals(1814.069893392337, hw.totalWithinSS(), 1e-8);
        assertArrayEquals(new int[]{46, 159, 60, 65, 81, 89}, hw.sizes());
        assertEquals(3, hw.iterations());
        int[] first20 = {1, 3, 5, 2, 4, 6, 2, 3, 6, 2, 1, 5, 2, 4, 6, 2, 3, 5, 2, 1};
        for (int i = 0; i < 20; i++) assertEquals(first20[i] - 1, hw.cluster()[i], "point " + i);
        KMeansResult lloyd = KMeans.lloyd(x, init, 6, 30);
        assertEquals(1820.5207546762717, lloyd.totalWithinSS(), 1e-8);
        assertArrayEquals(new int[]{42, 157, 68, 63, 81, 89}, lloyd.sizes());
        assertEquals(10, lloyd.iterations());
    }

    @Test
    void withinSSEqualsDirectSumOfSquaredDistancesToMeans() {
        DataMatrix x = formulaData(300, 4);
        KMeansResult r = KMeans.fit(KMeans.Algorithm.HARTIGAN_WONG, x, 5, 30, ScriptedRandom.stream(3, 1));
        double total = 0;
        for (int i = 0; i < x.rows(); i++) {
            int l = r.cluster()[i];
            for (int j = 0; j < x.cols(); j++) {
                double d = x.get(i, j) - r.centers()[l * x.cols() + j];
                total += d * d;
            }
        }
        assertEquals(total, r.totalWithinSS(), 1e-9 * total);
        assertEquals(300, java.util.Arrays.stream(r.sizes()).sum());
    }

    @Test
    void initialCentresAreDistinctDataRows() {
        DataMatrix x = formulaData(200, 3);
        for (double[] c : new double[][]{KMeans.randomCenters(ScriptedRandom.stream(4, 0), x, 7),
                KMeans.plusPlusCenters(ScriptedRandom.stream(4, 1), x, 7)}) {
            java.util.Set<Integer> rows = new java.util.HashSet<>();
            for (int l = 0; l < 7; l++) {
                int found = -1;
                for (int i = 0; i < x.rows(); i++) {
                    if (java.util.Arrays.equals(java.util.Arrays.copyOfRange(c, l * 3, l * 3 + 3),
                            java.util.Arrays.copyOfRange(x.values(), i * 3, i * 3 + 3))) found = i;
                }
                assertTrue(found >= 0, "centre " + l + " is a data row");
                rows.add(found);
            }
            assertEquals(7, rows.size(), "distinct rows");
        }
    }

    @Test
    void plusPlusSeedingSpreadsCentresOverSeparatedGroups() {
        // three far-apart groups: k-means++ almost surely puts one centre in each
        double[] v = new double[300];
        for (int i = 0; i < 150; i++) {
            v[2 * i] = (i % 3) * 1000 + Math.sin(i);
            v[2 * i + 1] = Math.cos(i);
        }
        DataMatrix x = new DataMatrix(150, 2, v);
        int hits = 0;
        for (int s = 0; s < 20; s++) {
            double[] c = KMeans.plusPlusCenters(ScriptedRandom.stream(8, s), x, 3);
            java.util.Set<Long> groups = new java.util.HashSet<>();
            for (int l = 0; l < 3; l++) groups.add(Math.round(c[2 * l] / 1000));
            if (groups.size() == 3) hits++;
        }
        assertTrue(hits >= 19, "k-means++ covered all three groups in " + hits + " of 20 draws");
    }

    @Test
    void rejectsBadK() {
        DataMatrix x = formulaData(5, 2);
        assertThrows(IllegalArgumentException.class, () -> KMeans.randomCenters(ScriptedRandom.stream(1, 1), x, 5));
        assertThrows(IllegalArgumentException.class, () -> KMeans.randomCenters(ScriptedRandom.stream(1, 1), x, 1));
    }

    @Test
    void betterPrefersSmallerWithinSSThenLowerRestart() {
        KMeansResult a = new KMeansResult(1, 1, new double[1], new int[]{1}, new double[]{2.0}, new int[1], 1, true, 3);
        KMeansResult b = new KMeansResult(1, 1, new double[1], new int[]{1}, new double[]{2.0}, new int[1], 1, true, 1);
        KMeansResult c = new KMeansResult(1, 1, new double[1], new int[]{1}, new double[]{1.0}, new int[1], 1, true, 9);
        assertEquals(1, KMeansResult.better(a, b).restart());
        assertEquals(1, KMeansResult.better(b, a).restart());
        assertEquals(9, KMeansResult.better(a, c).restart());
    }
}
