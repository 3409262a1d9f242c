package io.rankexec.kernels.cli;

import io.rankexec.core.job.UsageException;

import io.rankexec.core.job.Engine;
import io.rankexec.kernels.mandelbrot.MandelbrotGrid;
import io.rankexec.kernels.mandelbrot.MandelbrotKernel;
import io.rankexec.kernels.mandelbrot.MandelbrotOutput;
import io.rankexec.core.job.JobSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32;

@Command(name = "mandelbrot", mixinStandardHelpOptions = true,
        description = {"Mandelbrot escape counts on x in [-2, 0.6], y in [-1.3, 1.3]; one task per row.",
                "With --output: mandelbrot.csv, mandelbrot.bin (int32 little-endian: height, width, counts) and mandelbrot.png."})
final class MandelbrotCommand extends KernelCommand {

    @Option(names = "--width", paramLabel = "N", description = "Grid columns (default: ${DEFAULT-VALUE}).")
    int width = 240;

    @Option(names = "--height", paramLabel = "N", description = "Grid rows (default: ${DEFAULT-VALUE}).")
    int height = 240;

    @Option(names = "--max-iter", paramLabel = "N", description = "Iteration limit (default: ${DEFAULT-VALUE}).")
    int maxIter = 100;

    private MandelbrotGrid grid;

    @Override
    void prepare() {
        atLeast("--width", width, 2);
        atLeast("--height", height, 2);
        atLeast("--max-iter", maxIter, 1);
        if ((long) width * height > 500_000_000L)
            throw new UsageException("--width x --height = " + (long) width * height + " points exceeds 500000000");
        grid = MandelbrotGrid.standard(width, height, maxIter);
    }

    @Override
    void execute(Engine engine, JobSettings settings) throws IOException {
        MandelbrotKernel.Result r = MandelbrotKernel.run(engine, grid, settings);
        CRC32 crc = new CRC32();
        ByteBuffer buf = ByteBuffer.allocate(4);
        for (int c : r.counts()) {
            buf.clear();
            crc.update(buf.putInt(c).array());
        }
        out().println(fmt("mandelbrot %dx%d max-iter=%d in-set=%d total-iterations=%d crc32=%08x", width, height, maxIter,
                r.inSet(), r.totalIterations(), crc.getValue()));
        Path csv = outputFile("mandelbrot.csv");
        if (csv != null) {
            MandelbrotOutput.writeCsv(csv, r.counts(), width, height);
            wrote(csv);
            Path bin = outputFile("mandelbrot.bin");
            MandelbrotOutput.writeBinary(bin, r.counts(), width, height);
            wrote(bin);
            Path png = outputFile("mandelbrot.png");
            MandelbrotOutput.writePng(png, r.counts(), width, height, maxIter);
            wrote(png);
        }
    }
}
