package org.alignscope.cli.hashes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.alignscope.linalg.BlasChoice;

/** The training presets of {@code configs/}, as the hash tests run them: {@code alignscope train} in a child JVM. */
final class PresetRuns {
    /** The quick preset: three seeds of the Dom/Bulk experiment on 1,000 Fashion-MNIST images. */
    static final Path QUICK = Path.of("..", "configs", "quick-fmnist-mlp.yaml");

    /** The quick preset with the alignment monitor on all three arms, one seed. */
    static final Path MONITOR = Path.of("..", "configs", "quick-fmnist-mlp-monitor.yaml");

    private PresetRuns() {
    }

    /**
     * Trains {@code config} into {@code out} with the given BLAS and asserts that the run's manifest records that
     * BLAS (F2jBLAS when the pure-Java one is forced). {@code timeout} only guards against a hang.
     */
    static Path train(Path config, BlasChoice blas, Path out, Duration timeout) throws IOException, InterruptedException {
        ChildRun.alignscope(blas, out.resolveSibling(out.getFileName() + ".log"), timeout,
                "train", "--config", config.toString(), "--out", out.toString());
        String recorded = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("blas").asText();
        if (blas == BlasChoice.JAVA) {
            assertEquals("F2jBLAS", recorded, "the manifest records the forced pure-Java BLAS");
        }
        return out;
    }
}
