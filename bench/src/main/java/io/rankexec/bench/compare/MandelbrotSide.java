package io.rankexec.bench.compare;

import io.rankexec.kernels.mandelbrot.MandelbrotGrid;
import io.rankexec.kernels.mandelbrot.MandelbrotRows;

/**
 * rankexec's side of bench/compare/mandelbrot.sh: the Mandelbrot kernel on one thread, timed
 * like the C reference (best of REPEATS runs), after one untimed-for-the-ratio warm-up run whose
 * time is still printed as first_seconds (it includes JIT compilation).
 * Usage: MandelbrotSide WIDTH HEIGHT LIM REPEATS
 */
public final class MandelbrotSide {

    private MandelbrotSide() {
    }

    public static void main(String[] args) {
        Timing.requireArgs(args, 4, "MandelbrotSide WIDTH HEIGHT LIM REPEATS");
        MandelbrotGrid grid = MandelbrotGrid.standard(Timing.positiveInt(args, 0, "WIDTH"),
                Timing.positiveInt(args, 1, "HEIGHT"), Timing.positiveInt(args, 2, "LIM"));
        int repeats = Timing.positiveInt(args, 3, "REPEATS");

        Timing.Timed<int[]> first = Timing.time(() -> MandelbrotRows.computeAll(grid));
        double best = Double.POSITIVE_INFINITY;
        long checksum = sum(first.value());
        for (int k = 0; k < repeats; k++) {
            Timing.Timed<int[]> run = Timing.time(() -> MandelbrotRows.computeAll(grid));
            best = Math.min(best, run.seconds());
            checksum = sum(run.value());
        }
        Timing.print("kernel", "MandelbrotRows.computeAll");
        Timing.print("checksum", checksum);
        Timing.printSeconds("first_seconds", first.seconds());
        Timing.printSeconds("best_seconds", best);
        // every count is one loop iteration, so the checksum is the number of iterations
        System.out.printf("ns_per_iteration=%.4f%n", best * 1e9 / checksum);
    }

    private static long sum(int[] counts) {
        long s = 0;
        for (int c : counts) s += c;
        return s;
    }
}
