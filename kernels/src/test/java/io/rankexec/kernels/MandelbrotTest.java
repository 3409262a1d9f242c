package io.rankexec.kernels;

import io.rankexec.kernels.examples.SeedFunctions;
import io.rankexec.kernels.mandelbrot.MandelbrotGrid;
import io.rankexec.kernels.mandelbrot.MandelbrotRows;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MandelbrotTest {

    @Test
    void rowsEqualThePlainScalarReference() {
        int[][] shapes = {{240, 240, 100}, {57, 31, 1000}, {2, 2, 1}, {300, 7, 5000}};
        for (int[] s : shapes) {
            MandelbrotGrid g = MandelbrotGrid.standard(s[0], s[1], s[2]);
            int[] counts = MandelbrotRows.computeAll(g);
            int[] ref = new int[s[0] * s[1]];
            for (int r = 0; r < s[1]; r++) {
                double y = -1.3 + r * (2.6 / (s[1] - 1));
                for (int c = 0; c < s[0]; c++) ref[r * s[0] + c] = SeedFunctions.mandelbrot(-2.0 + c * (2.6 / (s[0] - 1)), y, s[2]);
            }
            assertArrayEquals(ref, counts, "grid " + s[0] + "x" + s[1] + " limit " + s[2]);
        }
    }

    @Test
    void knownPoints() {
        assertEquals(100, MandelbrotRows.iterations(0, 0, 100));
        assertEquals(100, MandelbrotRows.iterations(-1, 0, 100)); // period-2 cycle
        assertEquals(1, MandelbrotRows.iterations(1, 1, 100));
        assertEquals(0, MandelbrotRows.iterations(2, 0, 100));
    }

    @Test
    void gridMatchesRSeq() {
        double[] xs = MandelbrotGrid.standard(240, 240, 100).xs();
        assertEquals(-2.0, xs[0]);
        assertEquals(0.6, xs[239], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> MandelbrotGrid.standard(1, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> MandelbrotGrid.standard(10, 10, 0));
    }
}
