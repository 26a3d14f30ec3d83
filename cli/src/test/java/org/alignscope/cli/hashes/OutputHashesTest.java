package org.alignscope.cli.hashes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputHashesTest {
    @Test
    void onlyResultFilesAreHashedInSha256sumsFormat(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("dom/seed_1"));
        Files.writeString(dir.resolve("dom/seed_1/metrics.csv"), "abc");
        Files.writeString(dir.resolve("summary.jsonl"), "");
        Files.writeString(dir.resolve("manifest.json"), "{}");
        Files.writeString(dir.resolve("report.html"), "<p>");
        SortedMap<String, String> hashes = OutputHashes.of(dir);
        String text = OutputHashes.format(hashes);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  dom/seed_1/metrics.csv\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  summary.jsonl\n", text);
        assertEquals(hashes, OutputHashes.parse(text));
        assertThrows(IllegalArgumentException.class, () -> OutputHashes.parse("abc  x.csv"));
    }

    @Test
    void everyDifferingFileIsNamed() {
        Map<String, String> expected = Map.of("a.csv", "1", "b.csv", "2", "c.csv", "3");
        Map<String, String> actual = Map.of("a.csv", "1", "b.csv", "9", "d.csv", "4");
        assertEquals(List.of("changed b.csv", "missing c.csv", "new d.csv"), OutputHashes.differences(expected, actual));
        assertEquals(List.of(), OutputHashes.differences(expected, expected));
    }
}
