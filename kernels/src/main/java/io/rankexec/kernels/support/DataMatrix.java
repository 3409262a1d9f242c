package io.rankexec.kernels.support;

import java.io.Serializable;
import java.util.List;

/**
 * A dense numeric matrix stored row-major in one primitive array (row i occupies
 * {@code values[i*cols .. (i+1)*cols)}), the layout the kernels' inner loops want.
 *
 * @param names column names (empty when the source had no header)
 */
public record DataMatrix(int rows, int cols, double[] values, List<String> names) implements Serializable {

    public DataMatrix {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative matrix dimensions " + rows + "x" + cols);
        if (values.length != (long) rows * cols)
            throw new IllegalArgumentException("matrix " + rows + "x" + cols + " needs " + (long) rows * cols
                    + " values, got " + values.length);
        names = List.copyOf(names);
    }

    public DataMatrix(int rows, int cols, double[] values) {
        this(rows, cols, values, List.of());
    }

    public double get(int row, int col) {
        return values[row * cols + col];
    }

    /** Column {@code col} as a new array. */
    public double[] column(int col) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) out[i] = values[i * cols + col];
        return out;
    }

    /** A content hash (hex) that identifies the data in job identities, so a checkpoint of one data set is never resumed with another. */
    public String contentHash() {
        long h = 1125899906842597L;
        for (double v : values) h = 31 * h + Double.doubleToLongBits(v);
        return Long.toHexString(h) + "-" + rows + "x" + cols;
    }

    /** Number of distinct rows (k-means needs at least k). */
    public int distinctRows() {
        java.util.Set<Row> seen = new java.util.HashSet<>();
        for (int i = 0; i < rows; i++) seen.add(new Row(java.util.Arrays.copyOfRange(values, i * cols, (i + 1) * cols)));
        return seen.size();
    }

    private record Row(double[] v) {
        @Override public boolean equals(Object o) {
            return o instanceof Row r && java.util.Arrays.equals(v, r.v);
        }

        @Override public int hashCode() {
            return java.util.Arrays.hashCode(v);
        }
    }
}
