package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alignscope.linalg.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainProgressTest {
    @Test
    void stepsAreReportedOverAllSeedsUpToTheTotal(@TempDir Path tmp) throws Exception {
        List<long[]> seen = new ArrayList<>();
        Progress p = (done, total) -> seen.add(new long[] {done, total});
        TrainExperiment.run(ProtocolTest.config(tmp, ProtocolTest.yaml("arms: [{name: plain, projection: none}]", "")),
                tmp.resolve("o"), "test", null, p);
        // 2 seeds x 40 steps
        assertEquals(80, seen.get(seen.size() - 1)[0]);
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(80, seen.get(i)[1]);
            assertTrue(i == 0 || seen.get(i)[0] >= seen.get(i - 1)[0], "never goes back");
        }
        assertEquals(1, seen.get(0)[0]);
        assertTrue(seen.stream().anyMatch(s -> s[0] == 40), "the first seed ends at 40");
    }
}
