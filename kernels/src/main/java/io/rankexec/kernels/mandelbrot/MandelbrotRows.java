package io.rankexec.kernels.mandelbrot;

/**
 * Escape-time counts of one grid row (the seed's {@code vmandelbrot}). The arithmetic is that of
 * the seed's scalar {@code mandelbrot} in the same order, so counts equal a plain scalar
 * implementation exactly; squares are kept from the escape test to the update (same values).
 */
public final class MandelbrotRows {

    private MandelbrotRows() {
    }

    /** Iterations before |z| reaches 2 (or {@code maxIter}) for z0 = x0 + i y0. */
    public static int iterations(double x0, double y0, int maxIter) {
        double x = x0;
        double y = y0;
        double x2 = x * x;
        double y2 = y * y;
        int iter = 0;
        while (x2 + y2 < 4.0 && iter < maxIter) {
            double xt = x2 - y2 + x0;
            y = 2 * x * y + y0;
            x = xt;
            x2 = x * x;
            y2 = y * y;
            iter++;
        }
        return iter;
    }

    /** Writes the counts of the points (xs[j], y0) into out[off + j]. */
    public static void computeRow(double[] xs, double y0, int maxIter, int[] out, int off) {
        for (int j = 0; j < xs.length; j++) out[off + j] = iterations(xs[j], y0, maxIter);
    }

    /** Counts of row {@code row} of {@code grid}. */
    public static int[] computeRow(MandelbrotGrid grid, double[] xs, int row) {
        int[] out = new int[grid.width()];
        computeRow(xs, grid.y(row), grid.maxIter(), out, 0);
        return out;
    }

    /** The whole grid row by row (row-major, row 0 = yMin), single-threaded. */
    public static int[] computeAll(MandelbrotGrid grid) {
        double[] xs = grid.xs();
        int[] out = new int[grid.width() * grid.height()];
        for (int r = 0; r < grid.height(); r++) computeRow(xs, grid.y(r), grid.maxIter(), out, r * grid.width());
        return out;
    }
}
