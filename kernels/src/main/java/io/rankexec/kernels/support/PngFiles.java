package io.rankexec.kernels.support;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** PNG writing through the JDK's ImageIO (headless-safe). */
public final class PngFiles {

    private PngFiles() {
    }

    public static void write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) throw new IOException("no PNG writer available");
    }
}
