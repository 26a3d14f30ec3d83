package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alignscope sweep} end to end: cells are real {@code alignscope} processes on the test class path. */
class SweepCommandTest {

    private static Path write(Path dir, String yaml) throws Exception {
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static AlignScopeTest.Outcome sweep(Path config, Path out, String parallel) {
        return AlignScopeTest.execute("sweep", "--config", config.toString(), "--out", out.toString(), "--parallel",
                parallel, "--quiet");
    }

    @Test
    void cellsRunAsProcessesInParallelWithTheSameFilesAsSerialAndADivergingCellDoesNotStopTheOthers(@TempDir Path dir)
            throws Exception {
        // eta = 0.05 diverges (eta * lambda_1 = 5 > 2)
        Path cfg = write(dir, "command: quad-run\nset: {d: 40, k: 4, steps: 400, no-run-plots: true}\n"
                + "grid:\n  eta: [0.003, 0.05]\n  seed: [1, 2]\n");
        AlignScopeTest.Outcome serial = sweep(cfg, dir.resolve("serial"), "1");
        assertEquals(0, serial.code(), serial.err());
        AlignScopeTest.Outcome parallel = sweep(cfg, dir.resolve("parallel"), "2");
        assertEquals(0, parallel.code(), parallel.err());
        List<String> summary = Files.readAllLines(dir.resolve("parallel/summary.csv"));
        assertEquals(5, summary.size());
        assertTrue(summary.get(1).startsWith("eta=0.003_seed=1,0.003,1,complete,"), summary.get(1));
        assertTrue(summary.get(3).startsWith("eta=0.05_seed=1,0.05,1,diverged,"), summary.get(3));
        for (String cell : List.of("eta=0.003_seed=1", "eta=0.003_seed=2", "eta=0.05_seed=2")) {
            Path seed = Path.of("cells", cell, "m_50", "seed_" + cell.charAt(cell.length() - 1));
            for (Path f : List.of(seed.resolve("trajectory.csv"), Path.of("cells", cell, "summary.csv"))) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("serial").resolve(f)),
                        Files.readAllBytes(dir.resolve("parallel").resolve(f)), f.toString());
            }
        }
        // the cell ran with one thread and wrote its own log
        String record = Files.readString(dir.resolve("parallel/cells/eta=0.003_seed=1/cell.json"));
        assertTrue(record.replace(" ", "").contains("\"--threads\",\"1\""), record);
        assertTrue(Files.readString(dir.resolve("parallel/cells/eta=0.003_seed=1/cell.log")).contains("wrote "));
        assertTrue(Files.exists(dir.resolve("parallel/plots/heatmap_final_theta.png")));
    }

    @Test
    void unknownKeysAndBadValuesAreRejectedBeforeAnyCellRuns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        AlignScopeTest.Outcome o = sweep(write(dir, "command: quad-run\ngrid: {etaa: [0.1]}\n"), out, "1");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("alignscope: error: grid.etaa: unknown option of quad run; allowed: d, k, eta,"), o.err());
        assertEquals(1, o.err().strip().lines().count());
        o = sweep(write(dir, "command: quad-run\nset: {threads: 2}\ngrid: {eta: [0.1]}\n"), out, "1");
        assertTrue(o.err().startsWith("alignscope: error: set.threads: unknown option of quad run"), o.err());
        o = sweep(write(dir, "command: quad-run\nset: {steps: 10}\ngrid: {eta: [0.1, -1]}\n"), out, "1");
        assertEquals(2, o.code());
        assertEquals("alignscope: error: cell eta=-1: --eta: must be > 0 (got -1.0)", o.err().strip());
        o = sweep(write(dir, "command: quad-run\ngrid: {eta: [abc]}\n"), out, "1");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("cell eta=abc: Invalid value for option '--eta'"), o.err());
        assertFalse(Files.exists(out.resolve("summary.csv")));
        assertFalse(Files.exists(out.resolve("cells")));
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, "name: t\noptimizer: {name: sgd, lr: 0.1}\n");
        o = sweep(write(dir, "command: train\nbase: " + base + "\ngrid: {optimizer.lrr: [0.1]}\n"), out, "1");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("alignscope: error: cell lrr=0.1: optimizer.lrr: unknown key; allowed:"), o.err());
        assertFalse(Files.exists(out.resolve("cells/lrr=0.1/cell.json")));
        o = AlignScopeTest.execute("sweep", "--config", dir.resolve("missing.yaml").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("alignscope: error: --config: cannot read"), o.err());
        o = sweep(write(dir, "command: quad-run\ngrid: {eta: [0.1]}\n"), out, "0");
        assertEquals("alignscope: error: --parallel: must be >= 1 (got 0)", o.err().strip());
    }
}
