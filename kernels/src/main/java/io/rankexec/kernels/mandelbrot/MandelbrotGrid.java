package io.rankexec.kernels.mandelbrot;

/**
 * The sampling grid of the seed's example: {@code seq(xMin, xMax, length.out=width)} by
 * {@code seq(yMin, yMax, length.out=height)}, point i at {@code min + i * (max - min) / (n - 1)}.
 */
public record MandelbrotGrid(double xMin, double xMax, double yMin, double yMax, int width, int height, int maxIter)
        implements java.io.Serializable {

    public static final double X_MIN = -2.0;
    public static final double X_MAX = 0.6;
    public static final double Y_MIN = -1.3;
    public static final double Y_MAX = 1.3;

    public MandelbrotGrid {
        if (width < 2) throw new IllegalArgumentException("width must be >= 2, got " + width);
        if (height < 2) throw new IllegalArgumentException("height must be >= 2, got " + height);
        if (maxIter < 1) throw new IllegalArgumentException("max-iter must be >= 1, got " + maxIter);
        if ((long) width * height > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("grid " + width + "x" + height + " has more than 2^31 points");
        if (!(xMin < xMax) || !(yMin < yMax) || !Double.isFinite(xMin + xMax + yMin + yMax))
            throw new IllegalArgumentException("grid bounds must be finite with min < max");
    }

    /** The seed's region x in [-2, 0.6], y in [-1.3, 1.3]. */
    public static MandelbrotGrid standard(int width, int height, int maxIter) {
        return new MandelbrotGrid(X_MIN, X_MAX, Y_MIN, Y_MAX, width, height, maxIter);
    }

    /** x coordinates of the columns. */
    public double[] xs() {
        return seq(xMin, xMax, width);
    }

    /** y coordinate of row {@code row} (row 0 is yMin). */
    public double y(int row) {
        return yMin + row * ((yMax - yMin) / (height - 1));
    }

    static double[] seq(double from, double to, int n) {
        double by = (to - from) / (n - 1);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = from + i * by;
        return v;
    }
}
