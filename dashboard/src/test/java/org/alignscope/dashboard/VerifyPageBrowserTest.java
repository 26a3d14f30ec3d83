package org.alignscope.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignscope.report.html.ReportPage;
import org.alignscope.verify.ClaimChecker;
import org.alignscope.verify.ClaimRegistry;
import org.alignscope.verify.VerifySettings;
import org.alignscope.verify.VerifySuite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The page of a {@code quad verify} folder in chromium shows each claim as {@code report.md} does: the failing
 * main-text Theorem 8 with its statement, its verdict marked as violated, its worst margin to four significant
 * digits, its counterexample file and its corrected statement with that statement's own verdict.
 */
@Tag("reliability")
@Timeout(120)
class VerifyPageBrowserTest {
    private static final String CLAIM = "thm8-main";
    private static final Pattern MARGIN = Pattern.compile("worst margin (\\S+) over");

    @Test
    void aVerifyPageShowsAFailingClaimWithItsVerdictMarginAndCorrection(@TempDir Path tmp) throws Exception {
        assumeTrue(Chromium.installed(), "chromium and chromium-driver are not installed");
        Path dir = tmp.resolve("verify");
        VerifySuite.run(VerifySettings.of(Map.of(VerifySettings.OUT, dir, VerifySettings.INSTANCES, 20,
                VerifySettings.SEED, 7L, VerifySettings.THREADS, 2)), "alignscope quad verify");
        JsonNode written = new ObjectMapper().readTree(dir.resolve("claims.json").toFile()).get("claims")
                .get(ClaimRegistry.IDS.indexOf(CLAIM));
        assertEquals("violated", written.get("status").asText(), "the fixture needs a failing claim");
        ClaimChecker checker = ClaimRegistry.byId(CLAIM);
        ClaimChecker corrected = checker.corrected().orElseThrow();
        Path page = ReportPage.write(dir);
        WebDriver d = Chromium.start(tmp.resolve("profile"), new ArrayList<>());
        try {
            d.get(page.toUri().toString());
            Chromium.await(d, "the claims", x -> !x.findElements(By.id("claim-" + CLAIM)).isEmpty());
            assertEquals(ClaimRegistry.IDS.size(), d.findElements(By.cssSelector(".claim")).size(), "every claim");
            WebElement claim = d.findElement(By.id("claim-" + CLAIM));
            String text = claim.getText();
            assertTrue(text.contains(checker.statement()), text);
            WebElement verdict = claim.findElement(By.cssSelector("h3 .verdict"));
            assertEquals("violated", verdict.getText());
            assertTrue(verdict.getAttribute("class").contains("verdict-violated"), "coloured as violated");
            assertTrue(verdict.getCssValue("background-color").startsWith("rgba(201, 42, 42"), "red");
            assertTrue(text.contains("counterexamples/" + CLAIM + ".json"), text);
            WebElement fix = claim.findElement(By.cssSelector(".corrected"));
            assertTrue(fix.getText().contains(corrected.statement()), fix.getText());
            assertTrue(fix.getText().contains("(" + corrected.id() + ")"), fix.getText());

            Matcher m = MARGIN.matcher(text);
            assertTrue(m.find(), text);
            double margin = written.get("worst_margin").asDouble();
            assertEquals(new BigDecimal(margin).round(new MathContext(4)).doubleValue(), Double.parseDouble(m.group(1)),
                    0.0, "rounded to four significant digits: " + m.group(1));
            assertTrue(m.group(1).replaceAll("[-.]|e.*|^[-0.]+", "").length() <= 4, m.group(1));
            assertEquals(List.of(), Chromium.errors(d));
        } finally {
            d.quit();
        }
    }
}
