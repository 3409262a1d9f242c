package io.rankexec.bench.kernels;

import io.rankexec.kernels.mandelbrot.MandelbrotGrid;
import io.rankexec.kernels.mandelbrot.MandelbrotRows;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Mandelbrot inner loop: one grid row (one task of the seed's rxElemArg(y.in) job) along the real
 * axis, which crosses the set, so many points run to the iteration limit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MandelbrotBenchmark {

    @Param({"1000"})
    public int width;

    @Param({"1000"})
    public int maxIter;

    private double[] xs;
    private int[] row;

    @Setup
    public void setUp() {
        xs = MandelbrotGrid.standard(width, 3, maxIter).xs();
        row = new int[width];
    }

    /** The row y = 0 (the real axis). */
    @Benchmark
    public int[] middleRow() {
        MandelbrotRows.computeRow(xs, 0.0, maxIter, row, 0);
        return row;
    }
}
