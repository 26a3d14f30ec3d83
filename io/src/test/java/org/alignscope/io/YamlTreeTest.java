package org.alignscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("reliability")
class YamlTreeTest {

    private static String error(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> YamlTree.parse(yaml, "config.yaml")).getMessage();
    }

    @Test
    void aTopLevelKeyGivenTwiceNamesTheKeyAndBothLines() {
        assertEquals("config.yaml: duplicate key 'optimizer' (lines 2 and 5)",
                error("name: t\noptimizer:\n  lr: 0.5\ntraining: {steps: 10}\noptimizer:\n  momentum: 0.9\n"));
    }

    @Test
    void aNestedKeyGivenTwiceIsFoundAtAnyDepthAlsoInsideLists() {
        assertEquals("config.yaml: duplicate key 'lr' (lines 3 and 5)",
                error("optimizer:\n  name: sgd\n  lr: 0.5\n  schedule: {kind: step}\n  lr: 0.1\n"));
        assertEquals("config.yaml: duplicate key 'projection' (lines 4 and 5)",
                error("arms:\n  - name: plain\n    projection: none\n  - projection: dom\n    projection: bulk\n"));
        assertEquals("config.yaml: duplicate key 'lr' (line 1, twice)", error("optimizer: {lr: 1, lr: 2}\n"));
    }

    @Test
    void theSameKeyInDifferentMappingsAndARecursiveAliasAreFine() {
        JsonNode root = YamlTree.parse("a: {steps: 1}\nb: {steps: 2}\nc: &x [1, *x]\n", "config.yaml");
        assertEquals(1, root.get("a").get("steps").asInt());
        assertEquals(2, root.get("b").get("steps").asInt());
    }

    @Test
    void otherErrorsStayOneLineAndAMissingFileNamesTheOption(@TempDir Path dir) throws Exception {
        assertEquals("config.yaml: not valid YAML: expected ',' or ']', but got <stream end> (line 2, column 1)",
                error("a: [1, 2\n"));
        Path missing = dir.resolve("missing.yaml");
        String e = assertThrows(IllegalArgumentException.class, () -> YamlTree.read(missing, "--config")).getMessage();
        assertTrue(e.startsWith("--config: cannot read " + missing), e);
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, "grid:\n  eta: [1]\ngrid:\n  m: [5]\n");
        e = assertThrows(IllegalArgumentException.class, () -> YamlTree.read(file, "--config")).getMessage();
        assertEquals(file + ": duplicate key 'grid' (lines 1 and 3)", e);
    }
}
