package org.alignscope.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Tag("reliability")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessTreeTest {
    private Process shell;

    @AfterEach
    void killWhatIsLeft() {
        if (shell != null) {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }

    /** A shell that started a {@code sleep}, once the sleep runs. */
    private List<ProcessHandle> tree(String script) throws Exception {
        shell = new ProcessBuilder("sh", "-c", script).start();
        while (shell.descendants().findAny().isEmpty()) {
            assertTrue(shell.isAlive(), "the shell ended before starting its child");
            Thread.sleep(20);
        }
        List<ProcessHandle> all = new java.util.ArrayList<>(shell.descendants().toList());
        all.add(shell.toHandle());
        return all;
    }

    @Test
    void theRootAndItsDescendantsEnd() throws Exception {
        List<ProcessHandle> all = tree("sleep 60 & wait");
        assertEquals(2, all.size());
        ProcessTree.end(List.of(shell.toHandle()), Duration.ofSeconds(10));
        all.forEach(p -> assertTrue(ProcessTree.ended(p), "pid " + p.pid() + " survived"));
    }

    @Test
    void processesThatIgnoreSigtermAreKilledAfterTheGrace() throws Exception {
        // the shell ignores SIGTERM and its sleep inherits that
        List<ProcessHandle> all = tree("trap '' TERM; sleep 60 & wait");
        ProcessTree.end(List.of(shell.toHandle()), Duration.ofMillis(300));
        all.forEach(p -> assertTrue(ProcessTree.ended(p), "pid " + p.pid() + " survived"));
    }
}
