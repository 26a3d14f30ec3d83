package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HessianCommandTest {

    static String[] tiny(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("hessian", "--model", "mlp:6-5-3:tanh", "--data", "synthetic",
                "--n", "30", "--k", "3", "--loss", "ce", "--out", out.toString()));
        for (int i = 0; i < extra.length; i++) {
            int at = a.indexOf(extra[i]);
            boolean valued = i + 1 < extra.length && !extra[i + 1].startsWith("--");
            if (at >= 0 && valued) {
                a.set(at + 1, extra[++i]); // replace the base value
            } else {
                a.add(extra[i]);
                if (valued) {
                    a.add(extra[++i]);
                }
            }
        }
        return a.toArray(String[]::new);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(new String[] {"--model", "mlp:6-5-3:tanhh"}, "--model"),
                Arguments.of(new String[] {"--model", "cnn:1x28x28:c16k3-relu-mx2-d10"}, "--model"),
                Arguments.of(new String[] {"--k", "0"}, "--k"),
                Arguments.of(new String[] {"--k", "ten"}, "--k"),
                Arguments.of(new String[] {"--n", "31"}, "--n"),
                Arguments.of(new String[] {"--negative", "-1"}, "--negative"),
                Arguments.of(new String[] {"--tol", "0"}, "--tol"),
                Arguments.of(new String[] {"--max-hvps", "3"}, "--max-hvps"),
                Arguments.of(new String[] {"--batch", "-2"}, "--batch"),
                Arguments.of(new String[] {"--operator", "fisher"}, "--operator"),
                Arguments.of(new String[] {"--precision", "f16"}, "--precision"),
                Arguments.of(new String[] {"--loss", "hinge"}, "--loss"),
                Arguments.of(new String[] {"--data", "mnist"}, "--data"),
                Arguments.of(new String[] {"--data", "csv:/nonexistent/data.csv"}, "--data"),
                Arguments.of(new String[] {"--data", "fashion-mnist", "--model", "mlp:784-10",
                    "--data-path", "/nonexistent/fmnist"}, "--data-path"),
                Arguments.of(new String[] {"--block", "1"}, "--block"),
                Arguments.of(new String[] {"--checkpoint", "/nonexistent/ckpt"}, "--checkpoint"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputsExit2WithOneLineNamingTheOption(String[] extra, String option, @TempDir Path dir) {
        Path out = dir.resolve("x");
        String[] args = tiny(out, extra);
        if (option.equals("--checkpoint")) {
            // --checkpoint replaces --model
            List<String> a = new ArrayList<>(Arrays.asList(args));
            int i = a.indexOf("--model");
            a.remove(i);
            a.remove(i);
            args = a.toArray(String[]::new);
        }
        AlignScopeTest.Outcome o = AlignScopeTest.execute(args);
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains(option), o.err());
        assertFalse(Files.exists(out), "no work may start before the input is checked");
    }

    @Test
    void modelOrCheckpointIsRequired(@TempDir Path dir) {
        AlignScopeTest.Outcome o = AlignScopeTest.execute("hessian", "--data", "synthetic", "--n", "30", "--out",
                dir.resolve("x").toString());
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("--model"), o.err());
    }

    @Test
    void unreadableCheckpointExits2(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("ckpt");
        Files.createDirectories(ckpt);
        Files.writeString(ckpt.resolve("index.json"), "{not json");
        AlignScopeTest.Outcome o = AlignScopeTest.execute("hessian", "--checkpoint", ckpt.toString(), "--data",
                "synthetic", "--n", "30", "--out", dir.resolve("x").toString());
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("--checkpoint"), o.err());
    }

    @Test
    void aTinyRunPrintsTheTableAndWritesTheFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        String stdout = captureStdout(() -> {
            AlignScopeTest.Outcome o = AlignScopeTest.execute(tiny(out, "--batch", "7", "--negative", "1"));
            assertEquals(0, o.code(), o.err());
        });
        assertTrue(stdout.contains("index\teigenvalue\tresidual\tconverged"), stdout);
        assertFalse(stdout.contains(" block "), stdout);
        assertEquals("index,eigenvalue,residual,converged,hvps", Files.readAllLines(out.resolve("eigen.csv")).get(0));
        assertEquals(4, Files.readAllLines(out.resolve("eigen.csv")).size());
        assertEquals(2, Files.readAllLines(out.resolve("eigen_negative.csv")).size());
        assertTrue(Files.exists(out.resolve("model").resolve("index.json")));
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"command\" : \"alignscope hessian --model"));
    }

    @Test
    void aBlockRunNamesItsTensorsInTheTableHeaderAndManifest(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("block");
        String stdout = captureStdout(() -> {
            AlignScopeTest.Outcome o = AlignScopeTest.execute(tiny(out, "--block", "2.bias,2.weight"));
            assertEquals(0, o.code(), o.err());
        });
        assertTrue(stdout.contains("top eigenvalues of the Hessian block 2.weight,2.bias (18 parameters)"), stdout);
        assertEquals(4, Files.readAllLines(out.resolve("eigen.csv")).size());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"parameters\" : 18"));
    }

    static String captureStdout(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
