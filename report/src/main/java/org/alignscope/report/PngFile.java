package org.alignscope.report;

import java.awt.image.RenderedImage;
import java.io.BufferedOutputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.alignscope.io.AtomicFile;

/** A figure saved as PNG through the run folder's atomic writes: a reader never sees half an image. */
final class PngFile {
    private PngFile() {
    }

    static void write(RenderedImage image, Path file) {
        AtomicFile.write(file, out -> {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            ImageIO.write(image, "png", buffered);
            buffered.flush();
        });
    }
}
