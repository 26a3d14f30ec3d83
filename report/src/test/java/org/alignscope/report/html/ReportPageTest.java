package org.alignscope.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPageTest {
    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"alignscope-data\">(.*?)</script>", Pattern.DOTALL);

    static JsonNode data(String html) throws Exception {
        Matcher m = DATA.matcher(html);
        assertTrue(m.find(), "the page embeds its data");
        return new ObjectMapper().readTree(m.group(1));
    }

    static JsonNode table(JsonNode data, String id) {
        for (JsonNode s : data.get("sources")) {
            for (JsonNode t : s.get("series")) {
                if (t.get("id").asText().equals(id)) {
                    return t;
                }
            }
        }
        throw new AssertionError("no table " + id);
    }

    @Test
    void theReportIsSelfContainedAndLoadsNothingFromTheNetwork(@TempDir Path dir) throws Exception {
        RunFolderFixture.write(dir);
        String html = Files.readString(ReportPage.write(dir));
        assertTrue(html.contains("uPlot"), "uPlot is inlined");
        assertTrue(html.contains("AlignScope report renderer"), "report.js is inlined");
        // nothing is fetched: no script/link/img/iframe source, no CSS import or url() pointing anywhere remote
        Pattern remote = Pattern.compile("(?i)(src|href|action|srcset)\\s*=\\s*[\"']?\\s*(https?:)?//"
                + "|url\\(\\s*[\"']?\\s*(https?:)?//|@import");
        Matcher m = remote.matcher(html);
        assertFalse(m.find(), () -> "remote reference: " + html.substring(Math.max(0, m.start() - 40), m.end() + 40));
        assertFalse(Pattern.compile("(?i)<script[^>]*\\ssrc=").matcher(html).find(), "no external scripts");
        assertFalse(Pattern.compile("(?i)<link[^>]*\\shref=(?![\"']?data:)").matcher(html).find(),
                "no linked stylesheet or icon other than an inline data: URI");
    }

    @Test
    void theDataBlockHoldsEveryFileWithGapsForEmptyAndInfiniteFields(@TempDir Path dir) throws Exception {
        RunFolderFixture.write(dir);
        JsonNode d = data(Files.readString(ReportPage.write(dir)));
        assertFalse(d.get("live").asBoolean());
        String label = dir.getFileName().toString();
        JsonNode src = d.get("sources").get(0);
        assertEquals("f64", src.get("manifest").get("settings").get("precision").asText());
        assertEquals(3, src.get("series").size(), "two metrics files and one monitor file");
        JsonNode dom = table(d, label + "/dom/seed_1/metrics.csv");
        assertEquals(label + "/dom/seed_1", dom.get("run").asText());
        assertEquals("metrics", dom.get("kind").asText());
        assertEquals(49, dom.get("last").asInt());
        JsonNode theta = dom.get("series").get("ref_theta");
        assertEquals(5, theta.get(0).size(), "only the rows where ref_theta is defined");
        assertEquals(40, theta.get(0).get(4).asInt());
        JsonNode lambda = dom.get("series").get("lambda_1");
        assertEquals(49, lambda.get(0).size(), "the inf row leaves a gap");
        assertEquals(10.0, lambda.get(1).get(0).asDouble());
        assertEquals(2, lambda.get(0).get(2).asInt(), "step 3 (inf) is absent");
        JsonNode event = dom.get("text").get("event");
        assertEquals(20, event.get(0).get(0).asInt());
        assertEquals("switch:fallback", event.get(1).get(0).asText());
        JsonNode mon = table(d, label + "/dom/seed_1/monitor.csv");
        assertEquals(1, mon.get("series").get("eta_star").get(0).size());
        assertEquals("suspicious-alignment;alignment-rising", mon.get("text").get("findings").get(1).get(0).asText());
    }

    @Test
    void longSeriesAreCutToTwoPointsPerColumnKeepingTheExtremesAndTheEarlyStepsWhole(@TempDir Path dir)
            throws Exception {
        try (org.alignscope.io.CsvWriter w = new org.alignscope.io.CsvWriter(dir.resolve("trajectory.csv"),
                false, "step", "loss")) {
            for (int t = 0; t < 10_000; t++) {
                w.row(t, t == 7777 ? 1e6 : 1.0);
            }
        }
        JsonNode t = table(data(Files.readString(ReportPage.write(dir))), dir.getFileName() + "/trajectory.csv");
        JsonNode loss = t.get("series").get("loss");
        int early = (int) SeriesTable.EARLY_STEPS + 1;
        assertTrue(loss.get(0).size() <= early + 2 * ReportPage.COLUMNS, "decimated: " + loss.get(0).size());
        for (int step = 0; step < early; step++) {
            assertEquals(step, loss.get(0).get(step).asInt(), "every step of the early phase is kept");
        }
        boolean spike = false;
        for (JsonNode y : loss.get(1)) {
            spike |= y.asDouble() == 1e6;
        }
        assertTrue(spike, "the spike survives");
        assertEquals(dir.getFileName().toString(), t.get("run").asText(), "a file at the top is the folder's run");
    }

    @Test
    void compareLabelsEachRunWithItsFolder(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        RunFolderFixture.write(a);
        RunFolderFixture.write(b);
        JsonNode d = data(Files.readString(ReportPage.compare(List.of(a, b), tmp.resolve("cmp"))));
        assertEquals(2, d.get("sources").size());
        assertEquals("a/plain/seed_1", table(d, "a/plain/seed_1/metrics.csv").get("run").asText());
        assertEquals("b/plain/seed_1", table(d, "b/plain/seed_1/metrics.csv").get("run").asText());
        assertEquals("../b/", d.get("sources").get(1).get("base").asText(), "figure links are relative to the report");
    }

    @Test
    void aFolderWithoutRunFilesIsRejectedNamingIt(@TempDir Path tmp) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportPage.write(tmp));
        assertTrue(e.getMessage().startsWith("DIR: " + tmp + " is not a run folder"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ReportPage.compare(List.of(tmp.resolve("nope")), tmp.resolve("out")));
        assertTrue(missing.getMessage().contains("is not a directory"), missing.getMessage());
    }

    @Test
    void dataCannotCloseTheScriptBlock(@TempDir Path dir) throws Exception {
        try (org.alignscope.io.CsvWriter w = new org.alignscope.io.CsvWriter(dir.resolve("monitor.csv"),
                false, "step", "findings")) {
            w.row(1, "</script><script>alert(1)</script>");
        }
        String html = Files.readString(ReportPage.write(dir));
        assertFalse(html.contains("</script><script>alert"));
        assertEquals("</script><script>alert(1)</script>",
                table(data(html), dir.getFileName() + "/monitor.csv").get("text").get("findings").get(1).get(0).asText());
    }

    /** A verify folder's claims.json travels with its source, and the page carries the script that renders it. */
    @Test
    @Tag("reliability")
    void aVerifyFoldersClaimsAreEmbeddedWithTheirRenderer(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("verify");
        new org.alignscope.report.Manifest("alignscope quad verify").complete().write(dir);
        String claims = "{\"claims\": [{\"id\": \"thm8-main\", \"statement\": \"theta_{t+1} <= theta_t\","
                + " \"status\": \"violated\", \"instances\": 20, \"violated\": 3, \"inconclusive\": 0,"
                + " \"worst_margin\": -0.123456789, \"worst\": \"d = 2\", \"counterexample\": null,"
                + " \"corrected\": null}]}";
        Files.writeString(dir.resolve("claims.json"), claims);
        String html = Files.readString(ReportPage.write(dir));
        assertTrue(html.contains("window.alignscopeClaims = function"), "claims.js is inlined");
        assertEquals(new ObjectMapper().readTree(claims), data(html).get("sources").get(0).get("claims"));

        Path plain = tmp.resolve("plain");
        RunFolderFixture.write(plain);
        assertFalse(data(Files.readString(ReportPage.write(plain))).get("sources").get(0).has("claims"),
                "a folder without claims.json has no claims");
    }
}
