package org.alignscope.cli.hashes;

import java.nio.file.Path;
import java.time.Duration;
import org.alignscope.linalg.BlasChoice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The always-on guard of the alignment monitor inside training: the reduced copy of the monitor preset
 * ({@link ReducedPreset}) with the pure-Java BLAS forced writes the same CSV, JSON Lines and {@code .npy} files,
 * byte for byte, as the code before the change. The full preset is checked by {@link PresetHashTest} when asked for.
 */
@Tag("behaviour")
class ReducedMonitorPresetHashTest {
    @Test
    void reducedMonitorPresetHasItsCommittedHashes(@TempDir Path tmp) throws Exception {
        Path config = ReducedPreset.write(PresetRuns.MONITOR, tmp.resolve("reduced-monitor.yaml"));
        Path out = PresetRuns.train(config, BlasChoice.JAVA, tmp.resolve("monitor-java"), Duration.ofMinutes(10));
        CommittedHashes.check("quick-fmnist-mlp-monitor-reduced", out);
    }
}
