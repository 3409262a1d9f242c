package io.rankexec.kernels.mandelbrot;

import io.rankexec.core.job.Combiner;
import io.rankexec.core.job.Engine;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.JobSettings;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The seed's {@code rxExec(vmandelbrot, x.in, y0=rxElemArg(y.in), m, taskChunkSize=48)}: one
 * task per grid row; rows are written into the count matrix by index, so arrival order does not
 * matter. No randomness.
 */
public final class MandelbrotKernel {

    private MandelbrotKernel() {
    }

    /** Iteration counts, row-major, row 0 = yMin. */
    public record Result(MandelbrotGrid grid, int[] counts) {
        /** Points that reached the iteration limit (taken to be in the set). */
        public long inSet() {
            long n = 0;
            for (int c : counts) if (c == grid.maxIter()) n++;
            return n;
        }

        public long totalIterations() {
            long s = 0;
            for (int c : counts) s += c;
            return s;
        }
    }

    public static JobSpec<Integer, int[]> job(MandelbrotGrid grid, JobSettings settings) {
        double[] xs = grid.xs();
        JobSpec.Builder<Integer, int[]> b = JobSpec.overElements(
                IntStream.range(0, grid.height()).boxed().collect(Collectors.toList()),
                (ctx, row) -> MandelbrotRows.computeRow(grid, xs, row));
        return settings.apply(b, "mandelbrot " + grid);
    }

    /** The count matrix. */
    public static Result run(Engine engine, MandelbrotGrid grid, JobSettings settings) {
        int w = grid.width();
        var res = engine.run(job(grid, settings), Combiner.<int[], int[]>of(Combiner.Order.AS_ARRIVED,
                () -> new int[w * grid.height()],
                (acc, row, i) -> {
                    System.arraycopy(row, 0, acc, i * w, w);
                    return acc;
                }));
        return new Result(grid, res.valueOrThrow());
    }
}
