package org.alignscope.report;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.alignscope.io.AtomicFile;

/**
 * A figure saved as SVG (VectorGraphics2D, XChart's vector back end) through the run folder's atomic writes. XChart
 * draws its text as outlines, so the file looks like the PNG whatever fonts the reader has. (The same library's PDF
 * processor is not used: it took 2.4–4.6 s for one chart panel, against about 0.1 s for SVG.)
 */
final class VectorFile {
    private VectorFile() {
    }

    /** Writes what {@code painter} draws on a {@code width} × {@code height} page as the SVG file {@code file}. */
    static void writeSvg(int width, int height, Consumer<Graphics2D> painter, Path file) {
        VectorGraphics2D g = new VectorGraphics2D();
        painter.accept(g);
        g.dispose();
        AtomicFile.write(file, out -> Processors.get("svg").getDocument(g.getCommands(), new PageSize(width, height))
                .writeTo(out));
    }

    /** {@code fig.png} → {@code fig.svg}. */
    static Path svgBeside(Path png) {
        String name = png.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return png.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".svg");
    }
}
