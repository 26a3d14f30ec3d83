package org.alignscope.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainKindTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void cellConfigsAreTheBaseWithTheSettingsAtTheirDottedKeys(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, "name: x\nseeds: [1]\noptimizer: {name: sgd, lr: 0.1}\n"
                + "arms:\n  - {name: plain, projection: none}\n  - {name: dom, projection: dom}\n");
        SweepConfig cfg = SweepConfig.parse("command: train\nbase: " + base + "\nset: {training.steps: 20, seeds: [3, 4]}\n"
                + "grid:\n  optimizer.lr: [0.01, 0.02]\n  arms.1.projection: [dom, bulk]\n", "t");
        List<Sweep.Job> jobs = Sweep.plan(cfg, dir.resolve("out"), DashedOptions.OPTIONS);
        assertEquals(4, jobs.size());
        Sweep.Job last = jobs.get(3);
        assertEquals(List.of("train", "--config", TrainKind.config(last.dir()).toString(), "--out",
                last.dir().toString()), last.arguments());
        JsonNode c = YAML.readTree(TrainKind.config(last.dir()).toFile());
        assertEquals(0.02, c.at("/optimizer/lr").doubleValue());
        assertEquals("sgd", c.at("/optimizer/name").asText());
        assertEquals(20, c.at("/training/steps").intValue());
        assertEquals("bulk", c.at("/arms/1/projection").asText());
        assertEquals("plain", c.at("/arms/0/name").asText());
        assertEquals(4, c.at("/seeds/1").intValue(), "set: may give a list");
    }

    @Test
    void aListIndexOutsideTheBaseIsNamed(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, "arms:\n  - {name: plain, projection: none}\n");
        SweepConfig cfg = SweepConfig.parse("command: train\nbase: " + base + "\ngrid: {arms.3.name: [a]}\n", "t");
        String msg = assertThrows(IllegalArgumentException.class, () -> Sweep.plan(cfg, dir.resolve("o"), DashedOptions.OPTIONS)).getMessage();
        assertTrue(msg.startsWith("grid.arms.3.name: index 3 is outside"), msg);
    }

    @Test
    void theOutcomeAveragesTheFirstArmOverSeedsAndSpotsADivergence(@TempDir Path dir) throws Exception {
        Files.writeString(TrainKind.config(dir), "seeds: [1, 2]\narms:\n  - {name: dom}\n  - {name: plain}\n");
        String header = "step,phase,event,lr,ref_loss,ref_theta\n";
        Files.createDirectories(dir.resolve("dom/seed_1"));
        Files.createDirectories(dir.resolve("dom/seed_2"));
        Files.writeString(dir.resolve("dom/seed_1/metrics.csv"), header + "0,base,,0.1,2.0,0.5\n1,arm,,0.1,,\n2,arm,end,,1.0,0.25\n");
        Files.writeString(dir.resolve("dom/seed_2/metrics.csv"), header + "0,base,,0.1,2.0,0.5\n1,arm,end,,3.0,0.75\n");
        Outcome o = new TrainKind().outcome(dir);
        assertEquals(Outcome.COMPLETE, o.status());
        assertEquals(2.0, o.finalLoss(), 1e-15);
        assertEquals(0.5, o.finalTheta(), 1e-15);
        assertTrue(Double.isNaN(o.fracLow()));
        Files.writeString(dir.resolve("dom/seed_2/metrics.csv"), header + "0,base,,0.1,2.0,0.5\n1,arm,diverged,0.1,,\n");
        o = new TrainKind().outcome(dir);
        assertEquals(Outcome.DIVERGED, o.status());
        assertEquals("arm dom, seed 2 diverged at step 1", o.message());
    }
}
