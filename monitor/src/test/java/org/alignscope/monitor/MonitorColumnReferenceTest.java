package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/reference/monitor-columns.md} is generated from {@link MonitorColumn#ALL} and {@link CumulativeColumn#ALL}; this test fails when the
 * committed file is stale, and rewrites it when run with {@code -Dalignscope.writeDocs=true}
 * ({@code mvn -B -pl monitor -am test -Dtest=MonitorColumnReferenceTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dalignscope.writeDocs=true}).
 */
class MonitorColumnReferenceTest {
    static final Path FILE = Path.of("..", "docs", "reference", "monitor-columns.md");

    static String render() {
        StringBuilder b = new StringBuilder();
        b.append("# Columns of monitor.csv and monitor.jsonl\n\n");
        b.append("Generated from `monitor/src/main/java/org/alignscope/monitor/MonitorColumn.java` by\n");
        b.append("`MonitorColumnReferenceTest` (`-Dalignscope.writeDocs=true` rewrites it); do not edit by hand.\n\n");
        b.append("θ is the paper's squared alignment and χ = √θ; `inf` is an unbounded step size (no critical step:\n");
        b.append("every step lowers the loss in expectation); an empty field is a value that does not exist. With\n");
        b.append("`monitor.probe_steps` a training run appends the projected-step probe's columns.\n\n");
        b.append("| # | column | unit | meaning |\n|---|---|---|---|\n");
        int i = 1;
        for (MonitorColumn c : MonitorColumn.ALL) {
            b.append("| ").append(i++).append(" | `").append(c.name()).append("` | ").append(c.unit())
                    .append(" | ").append(c.meaning().replace("|", "\\|")).append(" |\n");
        }
        b.append("\n## Columns of cumulative.csv and cumulative.jsonl\n\n");
        b.append("Generated from `CumulativeColumn.java`: one row per window of `monitor.cumulative_window` steps when\n");
        b.append("`monitor.cumulative_points` > 0 (see `CumulativeWindow` for what the standard error covers).\n\n");
        b.append("| # | column | unit | meaning |\n|---|---|---|---|\n");
        i = 1;
        for (CumulativeColumn c : CumulativeColumn.ALL) {
            b.append("| ").append(i++).append(" | `").append(c.name()).append("` | ").append(c.unit())
                    .append(" | ").append(c.meaning().replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void theCommittedReferenceIsCurrent() throws Exception {
        String now = render();
        if (Boolean.getBoolean("alignscope.writeDocs")) {
            Files.writeString(FILE, now);
        }
        assertEquals(now, Files.readString(FILE), FILE + " is stale: rerun this test with -Dalignscope.writeDocs=true");
    }

    @Test
    void everyColumnHasAUniqueNameAndAMeaning() {
        assertEquals(MonitorColumn.ALL.size(), MonitorColumn.names().stream().distinct().count());
        for (MonitorColumn c : MonitorColumn.ALL) {
            assertEquals(false, c.meaning().isBlank(), c.name());
        }
    }
}
