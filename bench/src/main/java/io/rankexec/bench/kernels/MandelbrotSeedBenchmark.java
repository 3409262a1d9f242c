package io.rankexec.bench.kernels;

import io.rankexec.kernels.mandelbrot.MandelbrotGrid;
import io.rankexec.kernels.mandelbrot.MandelbrotRows;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The seed's whole Mandelbrot example on one thread: 240x240 points, iteration limit 100. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MandelbrotSeedBenchmark {

    private final MandelbrotGrid seedGrid = MandelbrotGrid.standard(240, 240, 100);

    @Benchmark
    public int[] seedPicture() {
        return MandelbrotRows.computeAll(seedGrid);
    }
}
