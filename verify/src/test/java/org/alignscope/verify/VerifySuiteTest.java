package org.alignscope.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alignscope.verify.claims.Thm7;
import org.alignscope.verify.claims.Thm8;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifySuiteTest {

    @Test
    void csvHasTheHeaderTheTwentyIdsAndReplayableCounterexamples(@TempDir Path out) throws Exception {
        VerifySuite.run(VerifySettings.of(Map.of(VerifySettings.OUT, out, VerifySettings.INSTANCES, 60,
                VerifySettings.SEED, 7L, VerifySettings.THREADS, 2)), "test");
        List<String> lines = Files.readAllLines(out.resolve("verify.csv"));
        assertEquals("claim,status,instances,worst_margin,counterexample", lines.get(0));
        assertEquals(21, lines.size());
        for (int i = 0; i < 20; i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            assertEquals(ClaimRegistry.IDS.get(i), f[0]);
            assertTrue(Set.of("holds", "violated", "inconclusive").contains(f[1]), lines.get(i + 1));
            assertTrue(Integer.parseInt(f[2]) > 0, lines.get(i + 1));
            if (f[1].equals("violated")) {
                assertTrue(Double.parseDouble(f[3]) < 0, lines.get(i + 1));
                Path file = out.resolve(f[4]);
                assertTrue(Files.exists(file), f[4]);
                assertEquals(1, VerifySuite.replay(file).exitCode(), "the counterexample replays as violated: " + f[4]);
            } else {
                assertEquals("", f[4]);
            }
        }
        assertTrue(Files.readString(out.resolve("report.md")).contains("## thm13-lower"));
        assertTrue(Files.exists(out.resolve("manifest.json")));
    }

    /** claims.json says of each claim what verify.csv and report.md say: verdict, counterexample, corrected statement. */
    @Test
    @Tag("reliability")
    void claimsJsonHoldsEachClaimsStatementVerdictCounterexampleAndCorrection(@TempDir Path out) throws Exception {
        VerifySuite.run(VerifySettings.of(Map.of(VerifySettings.OUT, out, VerifySettings.INSTANCES, 20,
                VerifySettings.SEED, 7L, VerifySettings.THREADS, 2)), "test");
        JsonNode claims = VerifySuite.JSON.readTree(out.resolve("claims.json").toFile()).get("claims");
        List<String> csv = Files.readAllLines(out.resolve("verify.csv"));
        assertEquals(20, claims.size());
        for (int i = 0; i < 20; i++) {
            JsonNode c = claims.get(i);
            String[] row = csv.get(i + 1).split(",", -1);
            ClaimChecker checker = ClaimRegistry.byId(row[0]);
            assertEquals(row[0], c.get("id").asText());
            assertEquals(checker.statement(), c.get("statement").asText());
            assertEquals(row[1], c.get("status").asText());
            assertEquals(Integer.parseInt(row[2]), c.get("instances").asInt());
            assertEquals(Double.parseDouble(row[3]), c.get("worst_margin").asDouble(), 0.0, row[0]);
            assertEquals(row[1].equals("violated"), c.get("counterexample").isObject(), row[0]);
            if (c.get("counterexample").isObject()) {
                assertEquals(row[4], c.get("counterexample").get("file").asText());
                assertTrue(c.get("counterexample").get("replay").asText().startsWith("alignscope quad verify "));
            }
            assertEquals(checker.corrected().isPresent(), c.get("corrected").isObject(), row[0]);
            checker.corrected().ifPresent(f -> {
                assertEquals(f.id(), c.get("corrected").get("id").asText());
                assertEquals(f.statement(), c.get("corrected").get("statement").asText());
                assertTrue(Set.of("holds", "violated", "inconclusive").contains(c.get("corrected").get("status").asText()));
            });
        }
        JsonNode thm8 = claims.get(ClaimRegistry.IDS.indexOf("thm8-main"));
        assertEquals("violated", thm8.get("status").asText(), "the main-text Theorem 8 fails");
        assertTrue(thm8.get("counterexample").get("smallest").asText().startsWith("d = "));
    }

    @Test
    void replayRoundTrip(@TempDir Path dir) throws Exception {
        // violated: the two-dimensional counterexample to the main-text Theorem 8
        Instance bad = Generator.instance("thm8-main", "two_level", new double[] {2, 1}, 1, new double[] {1, 1},
                new double[] {Math.sqrt(0.5), 0.5}, new LinkedHashMap<>());
        Thm8 thm8 = new Thm8(Thm8.Form.MAIN);
        Path badFile = dir.resolve("bad.json");
        VerifySuite.writeInstance(badFile, thm8, bad, thm8.evaluate(bad));
        VerifySuite.Replay r = VerifySuite.replay(badFile);
        assertEquals(1, r.exitCode());
        assertTrue(r.line().startsWith("thm8-main left=2.0000") && r.line().endsWith(" violated"), r.line());

        // holds: Theorem 7 on the same state
        Instance good = new Instance("thm7", bad.shape(), bad.lambda(), bad.k(), bad.kappaSq(), bad.sMin(), bad.sMax(), null,
                bad.c(), bad.params(), null);
        Thm7 thm7 = new Thm7();
        Path goodFile = dir.resolve("good.json");
        VerifySuite.writeInstance(goodFile, thm7, good, thm7.evaluate(good));
        VerifySuite.Replay g = VerifySuite.replay(goodFile);
        assertEquals(0, g.exitCode());
        assertTrue(g.line().startsWith("thm7 ") && g.line().endsWith(" holds"), g.line());
    }

    @Test
    void monteCarloInstancesReplayBitForBit(@TempDir Path dir) throws Exception {
        ClaimChecker c = ClaimRegistry.byId("lemma22");
        ClaimResult r = c.check(new Budget(400, false), org.alignscope.linalg.random.RandomStream.of(3));
        Path file = dir.resolve("w.json");
        VerifySuite.writeInstance(file, c, r.worst(), r.worstEval());
        assertEquals(r.worstMargin(), VerifySuite.replay(file).evaluation().margin());
    }

    @Test
    void registryHasTheTwentyIdsInOrder() {
        List<ClaimChecker> all = ClaimRegistry.all();
        assertEquals(20, all.size());
        for (int i = 0; i < 20; i++) {
            assertEquals(ClaimRegistry.IDS.get(i), all.get(i).id());
        }
    }
}
