package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key given twice in a training config is an error naming it and both lines, not a silent override. */
@Tag("reliability")
class ConfigReaderDuplicateKeyTest {

    private static String error(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> ConfigReader.read(file)).getMessage();
    }

    @Test
    void aSecondOptimizerSectionIsRejectedInsteadOfDroppingTheFirstOnesLearningRate(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "name: t\noptimizer:\n  name: sgd\n  lr: 0.5\ntraining: {steps: 10}\noptimizer:\n"
                + "  momentum: 0.5\n");
        assertEquals(file + ": duplicate key 'optimizer' (lines 2 and 6)", error(file));
    }

    @Test
    void aKeyGivenTwiceInsideASectionOrAnArmIsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "name: t\noptimizer:\n  name: sgd\n  lr: 0.5\n  schedule: {kind: step}\n  lr: 0.1\n");
        assertEquals(file + ": duplicate key 'lr' (lines 4 and 6)", error(file));
        Files.writeString(file, "arms:\n  - name: plain\n    projection: none\n  - name: dom\n    projection: dom\n"
                + "    name: bulk\n");
        assertEquals(file + ": duplicate key 'name' (lines 4 and 6)", error(file));
    }
}
