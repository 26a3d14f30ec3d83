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
                + "grid:\n  eta: [0.003, 0.05]\n");
        AlignScopeTest.Outcome serial = sweep(cfg, dir.resolve("serial"), "1");
        assertEquals(0, serial.code(), serial.err());
        AlignScopeTest.Outcome parallel = sweep(cfg, dir.resolve("parallel"), "2");
        assertEquals(0, parallel.code(), parallel.err());
        List<String> summary = Files.readAllLines(dir.resolve("parallel/summary.csv"));
        assertEquals(3, summary.size());
        assertTrue(summary.get(1).startsWith("eta=0.003,0.003,complete,"), summary.get(1));
        assertTrue(summary.get(2).startsWith("eta=0.05,0.05,diverged,"), summary.get(2));
        for (String cell : List.of("eta=0.003", "eta=0.05")) {
            Path seed = Path.of("cells", cell, "m_50", "seed_42");
            for (Path f : List.of(seed.resolve("trajectory.csv"), Path.of("cells", cell, "summary.csv"))) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("serial").resolve(f)),
                        Files.readAllBytes(dir.resolve("parallel").resolve(f)), f.toString());
            }
        }
        // the cell ran with one thread and wrote its own log
        String record = Files.readString(dir.resolve("parallel/cells/eta=0.003.json"));
        assertTrue(record.replace(" ", "").contains("\"--threads\",\"1\""), record);
        assertTrue(Files.readString(dir.resolve("parallel/cells/eta=0.003.log")).contains("wrote "));
        assertTrue(Files.exists(dir.resolve("parallel/plots/heatmap_final_theta.png")));
    }

    @Test
    void unknownKeysAndBadValuesAreRejectedBeforeAnyCellRuns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        AlignScopeTest.Outcome o = sweep(write(dir, "command: quad-run\ngrid: {etaa: [0.1]}\n"), out, "1");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("alignscope: error: grid.etaa: unknown option of quad run; allowed: force, spectrum, d, k, eta,"), o.err());
        assertEquals(1, o.err().strip().lines().count());
        o = sweep(write(dir, "command: quad-run\nset: {threads: 2}\ngrid: {eta: [0.1]}\n"), out, "1");
        assertTrue(o.err().startsWith("alignscope: error: set.threads: unknown option of quad run"), o.err());
        o = sweep(write(dir, "command: quad-run\nset: {steps: 10}\ngrid: {eta: [0.1, -1]}\n"), out, "1");
        assertEquals(2, o.code());
        assertEquals("alignscope: error: cell eta=-1: --eta: -1 is out of range; allowed: > 0", o.err().strip());
        o = sweep(write(dir, "command: quad-run\ngrid: {eta: [abc]}\n"), out, "1");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("cell eta=abc: --eta: 'abc' is not a number"), o.err());
        assertFalse(Files.exists(out.resolve("summary.csv")));
        assertFalse(Files.exists(out.resolve("cells")));
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, "name: t\noptimizer: {name: sgd, lr: 0.1}\n");
        o = sweep(write(dir, "command: train\nbase: " + base + "\ngrid: {optimizer.lrr: [0.1]}\n"), out, "1");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("alignscope: error: cell lrr=0.1: optimizer.lrr: unknown key; allowed:"), o.err());
        assertFalse(Files.exists(out.resolve("cells/lrr=0.1.json")));
        o = AlignScopeTest.execute("sweep", "--config", dir.resolve("missing.yaml").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("alignscope: error: --config: cannot read"), o.err());
        o = sweep(write(dir, "command: quad-run\ngrid: {eta: [0.1]}\n"), out, "0");
        assertEquals("alignscope: error: --parallel: 0 is out of range; allowed: >= 1", o.err().strip());
    }

    @Test
    void trainCellsOverrideTheBaseConfigAndADivergingLearningRateIsMarked(@TempDir Path dir) throws Exception {
        // a tiny synthetic problem: 3 Gaussian clusters in R^6, an MLP 6-5-3, 20 steps
        Path base = dir.resolve("tiny.yaml");
        Files.writeString(base, String.join("\n", "name: tiny", "seeds: [1]",
                "data: {source: gaussian-mixture, train_samples: 30, test_samples: 30, dimension: 6, classes: 3,"
                        + " separation: 2, noise: 1, seed: 5}",
                "model: {spec: 'mlp:6-5-3:tanh', loss: mse}", "optimizer: {name: sgd, lr: 0.1}",
                "training: {steps: 20, batch_size: 10}", "subspace: {k: 2, chunk: 30, refresh_every: 5}",
                "switch: {check_every: 5, fallback_step: 10}", "logging: {eval_every: 5, checkpoint_every: 0, divergence_loss: 1.0e+6}",
                "arms: [{name: plain, projection: none}, {name: dom, projection: dom}]", ""));
        Path out = dir.resolve("out");
        AlignScopeTest.Outcome o = sweep(write(dir, "command: train\nbase: " + base + "\n"
                + "grid:\n  optimizer.lr: [0.1, 1.0e+5]\n"), out, "2");
        assertEquals(0, o.code(), o.err());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("cell,optimizer.lr,status,final_loss,final_theta,frac_low,frac_stable,frac_high,lambda_1,"
                + "wall_seconds,message", summary.get(0));
        String[] ok = summary.get(1).split(",", -1);
        assertEquals("lr=0.1", ok[0]);
        assertEquals("complete", ok[2]);
        List<String> metrics = Files.readAllLines(out.resolve("cells/lr=0.1/plain/seed_1/metrics.csv"));
        String[] end = metrics.get(metrics.size() - 1).split(",", -1);
        int refLoss = List.of(metrics.get(0).split(",", -1)).indexOf("ref_loss");
        assertEquals(Double.parseDouble(end[refLoss]), Double.parseDouble(ok[3]));
        assertTrue(summary.get(2).startsWith("lr=100000.0,100000.0,diverged,") && summary.get(2).contains("arm plain, seed 1 diverged"),
                summary.get(2));
        assertTrue(Files.readString(out.resolve("cells/lr=0.1.yaml")).contains("lr: 0.1"));
    }

    @Test
    void hessianCellsReportTheLossAndLambda1OfTheirOwnRunAndBadOptionsStopTheSweepFirst(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("out");
        AlignScopeTest.Outcome o = sweep(write(dir, "command: hessian\n"
                + "set: {model: 'mlp:6-5-3:tanh', data: synthetic, n: 30, k: 2, loss: ce}\n"
                + "grid:\n  init-scale: [0.5, 2]\n"), out, "2");
        assertEquals(0, o.code(), o.err());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        List<String> header = List.of(summary.get(0).split(",", -1));
        assertEquals(3, summary.size());
        for (String row : summary.subList(1, 3)) {
            String[] f = row.split(",", -1);
            assertEquals("complete", f[header.indexOf("status")], row);
            Path cell = out.resolve("cells").resolve(f[0]);
            List<String> eigen = Files.readAllLines(cell.resolve("eigen.csv"));
            assertEquals(Double.parseDouble(eigen.get(1).split(",")[1]), Double.parseDouble(f[header.indexOf("lambda_1")]));
            assertTrue(Double.parseDouble(f[header.indexOf("final_loss")]) > 0, row);
            assertEquals("", f[header.indexOf("final_theta")], row);
        }
        assertTrue(Files.exists(out.resolve("plots/heatmap_lambda_1.png")));
        // a bad value of a hessian option is reported before any cell runs
        Path bad = dir.resolve("bad");
        AlignScopeTest.Outcome b = sweep(write(dir, "command: hessian\nset: {model: 'mlp:6-5-3:tanh', data: synthetic}\n"
                + "grid:\n  k: [2, 0]\n"), bad, "1");
        assertEquals(2, b.code());
        assertTrue(b.err().contains("--k"), b.err());
        assertFalse(Files.exists(bad.resolve("cells/k=2/eigen.csv")));
    }

    @Test
    void theExampleSweepsPassTheChecksOfTheirCommands(@TempDir Path out) throws Exception {
        try (var files = Files.list(Path.of("..", "configs", "sweeps"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                org.alignscope.sweep.SweepConfig cfg = org.alignscope.sweep.SweepConfig.read(f);
                SweepCommand.checkKeys(cfg);
                List<org.alignscope.sweep.Sweep.Job> jobs = SweepCommand.plan(cfg, out.resolve(f.getFileName().toString()));
                assertTrue(jobs.size() >= 6, f.toString());
                jobs.forEach(SweepCommand::check);
            }
        }
    }
}
