package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.alignscope.verify.Generator;
import org.alignscope.verify.Instance;
import org.alignscope.verify.VerifySuite;
import org.alignscope.verify.claims.Thm13;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QuadVerifyCommandTest {

    record Outcome(int code, String out, String err) {
    }

    static Outcome execute(String... args) {
        CommandLine cl = AlignScope.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = cl.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void replayPrintsOneLineAndExitsWithTheVerdict(@TempDir Path dir) throws Exception {
        // lambda = (10, 2, 1), k = 2, kappa^2 = 1, c = (1, 1, 1): below the printed Theorem 13 lower bound, above the corrected one
        Instance inst = Generator.instance("thm13-lower", "spiked", new double[] {10, 2, 1}, 2, new double[] {1, 1, 1},
                new double[] {1, 1, 1}, new LinkedHashMap<>());
        Path bad = dir.resolve("bad.json");
        Thm13 printed = new Thm13(Thm13.Bound.LOWER);
        VerifySuite.writeInstance(bad, printed, inst, printed.evaluate(inst));
        Outcome o = execute("quad", "verify", "--replay", bad.toString());
        assertEquals(1, o.code(), o.err());
        assertEquals(1, o.out().strip().lines().count(), o.out());
        assertTrue(o.out().startsWith("thm13-lower left=") && o.out().strip().endsWith("violated"), o.out());

        Path good = dir.resolve("good.json");
        Thm13 fixed = new Thm13(Thm13.Bound.LOWER_CORRECTED);
        Instance fixedInst = inst.forClaim("thm13-lower-corrected");
        VerifySuite.writeInstance(good, fixed, fixedInst, fixed.evaluate(fixedInst));
        Outcome g = execute("quad", "verify", "--replay", good.toString());
        assertEquals(0, g.code(), g.err());
        assertTrue(g.out().strip().endsWith("holds"), g.out());
    }

    @Test
    void badInputsExitWithCode2(@TempDir Path dir) {
        assertEquals(2, execute("quad", "verify", "--replay", dir.resolve("missing.json").toString()).code());
        Outcome o = execute("quad", "verify", "--instances", "0", "--out", dir.resolve("x").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--instances"), o.err());
    }
}
