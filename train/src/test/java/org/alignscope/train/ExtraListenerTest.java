package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alignscope.linalg.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A listener registered through {@link TrainExperiment}: its column appears in metrics.csv, the rest is unchanged. */
class ExtraListenerTest {

    @Test
    void theGradientNormEvery10StepsGetsItsOwnColumn(@TempDir Path tmp) throws Exception {
        Path cfg = ProtocolTest.config(tmp, ProtocolTest.yaml("arms: [{name: plain, projection: none},"
                + " {name: dom, projection: dom}]", ""));
        Path plain = tmp.resolve("plain");
        Path with = tmp.resolve("with");
        TrainExperiment.run(cfg, plain, "t", null);
        TrainExperiment.run(cfg, with, "t", null, Progress.NONE, List.of(new GradientNormEvery10()));
        for (String arm : List.of("plain", "dom")) {
            List<String> before = Files.readAllLines(plain.resolve(arm).resolve("seed_11").resolve("metrics.csv"));
            List<String> after = Files.readAllLines(with.resolve(arm).resolve("seed_11").resolve("metrics.csv"));
            assertEquals(before.get(0) + "," + GradientNormEvery10.COLUMN, after.get(0));
            assertEquals(before.size(), after.size());
            List<String> header = List.of(before.get(0).split(","));
            int step = header.indexOf("step");
            int norm = header.indexOf("batch_grad_norm");
            int logged = 0;
            for (int i = 1; i < after.size(); i++) {
                String[] b = before.get(i).split(",", -1);
                String[] a = after.get(i).split(",", -1);
                assertEquals(before.get(i), after.get(i).substring(0, after.get(i).lastIndexOf(',')),
                        "the standard columns are unchanged");
                boolean due = !b[norm].isEmpty() && Long.parseLong(b[step]) % 10 == 0;
                assertEquals(due ? b[norm] : "", a[a.length - 1], arm + " row " + b[step]);
                logged += due ? 1 : 0;
            }
            assertTrue(logged >= 3, arm + ": logged on " + logged + " rows");
        }
    }

    @Test
    void aResumedRunKeepsItsExtraListener(@TempDir Path tmp) throws Exception {
        Path cfg = ProtocolTest.config(tmp, ProtocolTest.yaml("arms: [{name: plain, projection: none}]", ""));
        List<TrainingListener> extra = List.of(new GradientNormEvery10());
        Path full = tmp.resolve("full");
        TrainExperiment.run(cfg, full, "t", null, Progress.NONE, extra);
        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        Files.copy(cfg, cut.resolve("config.yaml"));
        Trainer tr = new Trainer(ConfigReader.read(cfg), cut, null, extra);
        tr.interruptSeedIndex = 0;
        tr.interruptStep = 25;
        org.junit.jupiter.api.Assertions.assertThrows(Trainer.Interrupted.class, tr::run);
        TrainExperiment.resume(cut, "t --resume", null, Progress.NONE, extra);
        for (long seed : List.of(11L, 12L)) {
            Path f = Path.of("plain", "seed_" + seed, "metrics.csv");
            assertEquals(Files.readString(full.resolve(f)), Files.readString(cut.resolve(f)), f.toString());
        }
    }
}
