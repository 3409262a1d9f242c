package io.rankexec.kernels.mandelbrot;

import io.rankexec.kernels.support.PngFiles;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an iteration-count matrix as CSV, raw binary and a PNG picture. */
public final class MandelbrotOutput {

    private MandelbrotOutput() {
    }

    /** One CSV line per grid row (row 0 = yMin first), comma-separated counts. */
    public static void writeCsv(Path file, int[] counts, int width, int height) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < height; r++) {
                line.setLength(0);
                for (int c = 0; c < width; c++) {
                    if (c > 0) line.append(',');
                    line.append(counts[r * width + c]);
                }
                w.write(line.toString());
                w.newLine();
            }
        }
    }

    /**
     * Little-endian binary: int32 height, int32 width, then height*width int32 counts row by row
     * (readable with numpy {@code fromfile(dtype='<i4')} or R {@code readBin(size=4, endian="little")}).
     */
    public static void writeBinary(Path file, int[] counts, int width, int height) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(8 + 4 * counts.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(height).putInt(width);
        for (int v : counts) buf.putInt(v);
        try (OutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(buf.array());
        }
    }

    /**
     * A picture like the seed's {@code image(x, y, z, col=c(rainbow(m), '#000000'))}: counts below
     * the limit on a rainbow, points in the set black, y increasing upwards.
     */
    public static BufferedImage toImage(int[] counts, int width, int height, int maxIter) {
        int[] palette = new int[maxIter + 1];
        for (int i = 0; i < maxIter; i++) {
            float hue = (float) i / maxIter * (maxIter > 1 ? 1f : 0f); // rainbow(m): hues 0 .. (m-1)/m
            palette[i] = Color.HSBtoRGB(hue, 1f, 1f);
        }
        palette[maxIter] = 0x000000;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) img.setRGB(c, height - 1 - r, palette[counts[r * width + c]]);
        }
        return img;
    }

    public static void writePng(Path file, int[] counts, int width, int height, int maxIter) throws IOException {
        PngFiles.write(toImage(counts, width, height, maxIter), file);
    }
}
