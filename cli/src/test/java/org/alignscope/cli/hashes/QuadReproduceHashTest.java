package org.alignscope.cli.hashes;

import java.nio.file.Path;
import java.time.Duration;
import org.alignscope.linalg.BlasChoice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alignscope quad reproduce} writes the same CSV files, byte for byte, as the code before the change
 * ({@code behaviour-hashes/quad-reproduce.sha256}). Its simulation uses no BLAS; the pure-Java one is forced all the
 * same, so that the check stays independent of the CPU if it ever does. About 20 s here.
 */
@Tag("behaviour")
class QuadReproduceHashTest {
    @Test
    void everyCsvFileHasItsCommittedHash(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("quad-reproduce");
        ChildRun.alignscope(BlasChoice.JAVA, tmp.resolve("log.txt"), Duration.ofMinutes(10),
                "quad", "reproduce", "--out", out.toString(), "--threads", "2");
        CommittedHashes.check("quad-reproduce", out);
    }
}
