package org.alignscope.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key given twice in a sweep file, or in the base config of a train sweep, is an error naming it and both lines
 * before any cell is planned.
 */
@Tag("reliability")
class SweepConfigDuplicateKeyTest {

    private static String error(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> SweepConfig.read(file)).getMessage();
    }

    @Test
    void aSecondGridOrSetSectionIsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, "command: quad-run\ngrid:\n  eta: [0.1]\nset: {steps: 10}\ngrid:\n  m: [5]\n");
        assertEquals(file + ": duplicate key 'grid' (lines 2 and 5)", error(file));
    }

    @Test
    void aGridKeyGivenTwiceIsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, "command: quad-run\ngrid:\n  eta: [0.1, 0.2]\n  m: [5]\n  eta: [0.3]\n");
        assertEquals(file + ": duplicate key 'eta' (lines 3 and 5)", error(file));
    }

    @Test
    void aDuplicateKeyInTheBaseConfigIsRejectedWhenTheCellsArePlanned(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, "name: t\noptimizer:\n  lr: 0.5\n  lr: 0.1\n");
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, "command: train\nbase: base.yaml\ngrid: {optimizer.name: [sgd]}\n");
        SweepConfig cfg = SweepConfig.read(file);
        String e = assertThrows(IllegalArgumentException.class, () -> Sweep.plan(cfg, dir.resolve("out"), DashedOptions.OPTIONS)).getMessage();
        assertEquals(base + ": duplicate key 'lr' (lines 3 and 4)", e);
    }
}
