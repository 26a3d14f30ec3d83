package org.alignscope.cli.hashes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.alignscope.linalg.BlasChoice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The always-on guard of the training loop, with {@link ReducedMonitorPresetHashTest}: the reduced copy of the
 * quick preset ({@link ReducedPreset}) with the pure-Java BLAS forced writes the same CSV, JSON Lines and
 * {@code .npy} files, byte for byte, as the code before the change; and with the default BLAS (OpenBLAS where
 * installed) it writes CSV files that agree with the pure-Java ones to 1e-12 relative ({@link CsvAgreement}). The
 * full presets are checked by {@link PresetHashTest} when asked for.
 */
@Tag("behaviour")
class ReducedQuickPresetHashTest {
    private static final Duration HANG = Duration.ofMinutes(10);

    @TempDir
    static Path tmp;

    private static Path pureJavaQuick;

    /** The reduced quick preset with the pure-Java BLAS, run once for the two tests that read it. */
    private static synchronized Path pureJavaQuick() throws Exception {
        if (pureJavaQuick == null) {
            pureJavaQuick = PresetRuns.train(reducedQuick(), BlasChoice.JAVA, tmp.resolve("quick-java"), HANG);
        }
        return pureJavaQuick;
    }

    private static Path reducedQuick() throws Exception {
        return ReducedPreset.write(PresetRuns.QUICK, tmp.resolve("reduced-quick.yaml"));
    }

    @Test
    void reducedQuickPresetHasItsCommittedHashes() throws Exception {
        CommittedHashes.check("quick-fmnist-mlp-reduced", pureJavaQuick());
    }

    @Test
    void theDefaultBlasAgreesWithThePureJavaOneTo1e12() throws Exception {
        Path auto = PresetRuns.train(reducedQuick(), BlasChoice.AUTO, tmp.resolve("quick-auto"), HANG);
        Optional<String> difference = CsvAgreement.firstDifference(pureJavaQuick(), auto);
        assertEquals(Optional.empty(), difference, "the default BLAS's run (expected: pure Java, actual: default)");
    }
}
