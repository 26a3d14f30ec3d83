package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ops32.java is generated from Ops64.java; this fails when someone edits one without regenerating the other. */
class GeneratedOps32Test {

    @Test
    void ops32IsExactlyWhatTheGeneratorMakesFromOps64(@TempDir Path tmp) throws Exception {
        Path pkg = Path.of("src/main/java/org/alignscope/nn");
        Path copyPkg = Files.createDirectories(tmp.resolve(pkg));
        Files.copy(pkg.resolve("Ops64.java"), copyPkg.resolve("Ops64.java"));
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        Files.copy(Path.of("tools/gen-ops32.sh"), tools.resolve("gen-ops32.sh"));
        Files.copy(Path.of("tools/ops32-specific.java.txt"), tools.resolve("ops32-specific.java.txt"));
        Process p = new ProcessBuilder("bash", "tools/gen-ops32.sh").directory(tmp.toFile()).inheritIO().start();
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "generator failed");
        assertEquals(Files.readString(pkg.resolve("Ops32.java")), Files.readString(copyPkg.resolve("Ops32.java")),
                "Ops32.java is out of date: run nn/tools/gen-ops32.sh");
    }
}
