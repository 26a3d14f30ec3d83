package org.alignscope.cli.hashes;

import java.nio.file.Path;
import java.time.Duration;
import org.alignscope.linalg.BlasChoice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full quick and monitor presets, with the pure-Java BLAS forced, write the same CSV, JSON Lines and
 * {@code .npy} files, byte for byte, as the code before the change. They take too long for the default suite on
 * CI's two cores (README, Tests, has the measured times), so they run only with
 * {@code -Dalignscope.presetHashes=true}; {@link ReducedQuickPresetHashTest} and
 * {@link ReducedMonitorPresetHashTest} are the always-on guard.
 */
@Tag("behaviour")
@EnabledIfSystemProperty(named = "alignscope.presetHashes", matches = "true")
class PresetHashTest {
    private static final Duration HANG = Duration.ofMinutes(60);

    @Test
    void quickPresetHasItsCommittedHashes(@TempDir Path tmp) throws Exception {
        CommittedHashes.check("quick-fmnist-mlp",
                PresetRuns.train(PresetRuns.QUICK, BlasChoice.JAVA, tmp.resolve("quick"), HANG));
    }

    @Test
    void monitorPresetHasItsCommittedHashes(@TempDir Path tmp) throws Exception {
        CommittedHashes.check("quick-fmnist-mlp-monitor",
                PresetRuns.train(PresetRuns.MONITOR, BlasChoice.JAVA, tmp.resolve("monitor"), HANG));
    }
}
