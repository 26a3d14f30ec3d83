package org.alignscope.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepConfigTest {

    private static String error(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> SweepConfig.parse(yaml, "test.yaml")).getMessage();
    }

    @Test
    void readsCommandSetGridAndParallel() {
        SweepConfig c = SweepConfig.parse("command: quad-run\nset: {steps: 100, dense: true}\ngrid:\n  eta: [0.001, 0.003]\n"
                + "  m: [5, '20']\nparallel: 3\n", "t");
        assertEquals("quad-run", c.command());
        assertEquals(List.of("eta", "m"), List.copyOf(c.grid().keySet()));
        assertEquals(List.of("0.001", "0.003"), c.grid().get("eta").stream().map(JsonNode::asText).toList());
        assertTrue(c.grid().get("m").get(1).isTextual());
        assertTrue(c.fixed().get("dense").booleanValue());
        assertEquals(3, c.parallel());
    }

    @Test
    void errorsNameTheKey() {
        assertTrue(error("command: quad-run\ngrid: {eta: [1]}\nfoo: 1\n").startsWith("foo: unknown key; allowed: command"));
        assertTrue(error("command: quad-walk\ngrid: {eta: [1]}\n").startsWith("command: 'quad-walk' is not allowed; allowed: quad-run, train, hessian"));
        assertTrue(error("command: quad-run\ngrid: {eta: 0.1}\n").startsWith("grid.eta: must be a non-empty list"));
        assertTrue(error("command: quad-run\ngrid: {eta: []}\n").startsWith("grid.eta: must be a non-empty list"));
        assertTrue(error("command: quad-run\ngrid: {eta: [[1, 2]]}\n").startsWith("grid.eta: must be a number, string or boolean"));
        assertTrue(error("command: quad-run\ngrid: {eta: [1, 1]}\n").startsWith("grid.eta: a value is listed twice"));
        assertTrue(error("command: quad-run\nset: {eta: 1}\ngrid: {eta: [1, 2]}\n").startsWith("grid.eta: also under set:"));
        assertTrue(error("command: train\ngrid: {optimizer.lr: [1]}\n").startsWith("base: required for command train"));
        assertTrue(error("command: quad-run\nbase: x.yaml\ngrid: {eta: [1]}\n").startsWith("base: not used by command quad-run"));
        assertTrue(error("command: quad-run\nset: {eta: [1, 2]}\ngrid: {m: [5]}\n").startsWith("set.eta: must be a number, string or boolean"));
        assertTrue(error("command: quad-run\ngrid: {eta: [1]}\nparallel: 0\n").startsWith("parallel: 0 is out of range; allowed: >= 1"));
        assertTrue(error("command: quad-run\n").startsWith("grid: required"));
    }

    @Test
    void theExampleSweepsParseAndPlan(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out) throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("..", "..", "configs", "sweeps"))) {
            List<java.nio.file.Path> yamls = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertTrue(!yamls.isEmpty());
            for (java.nio.file.Path f : yamls) {
                SweepConfig c = SweepConfig.read(f);
                assertTrue(Sweep.plan(c, out, DashedOptions.OPTIONS).size() > 1, f.toString());
            }
        }
    }
}
