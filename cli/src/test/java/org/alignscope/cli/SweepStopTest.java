package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.alignscope.sweep.ProcessTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping {@code alignscope sweep} stops its cells, and a sweep with a failed cell says so in its exit code. The
 * sweep runs as a real process here (a JVM on the test class path, as the sweep starts its cells), so that it can
 * be signalled; its cell is a {@code quad run} of 10^8 steps that would run for many minutes.
 */
@Tag("reliability")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SweepStopTest {
    private static final String LONG_CELL = "command: quad-run\nset: {d: 40, k: 4, no-run-plots: true}\n";

    /** The processes a test started, killed after it so that a failing test leaves none behind. */
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    /** Starts {@code alignscope sweep} as its own process, its output in {@code dir/sweep.log}. */
    private Process startSweep(Path dir, String yaml) throws Exception {
        Path config = dir.resolve("sweep.yaml");
        Files.writeString(config, yaml);
        Process sweep = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AlignScope.class.getName(), "sweep",
                "--config", config.toString(), "--out", dir.resolve("out").toString(), "--parallel", "1", "--quiet")
                .redirectErrorStream(true).redirectOutput(dir.resolve("sweep.log").toFile()).start();
        started.add(sweep.toHandle());
        return sweep;
    }

    /**
     * The sweep's running cell process, once it runs Java (before that it is the JDK's spawn helper, which would
     * not start the cell at all if its sweep died then).
     */
    private ProcessHandle cellOf(Process sweep) throws InterruptedException {
        while (true) {
            Optional<ProcessHandle> cell = sweep.children().filter(ProcessHandle::isAlive)
                    .filter(c -> c.info().command().map(path -> path.endsWith("java")).orElse(true)).findFirst();
            if (cell.isPresent()) {
                started.add(cell.get());
                return cell.get();
            }
            assertTrue(sweep.isAlive(), "the sweep ended before starting its cell");
            Thread.sleep(50);
        }
    }

    @Test
    void sigtermEndsTheRunningCellBeforeTheSweepExitsAndKeepsTheFinishedCellForTheRerun(@TempDir Path dir)
            throws Exception {
        Process sweep = startSweep(dir, LONG_CELL + "grid:\n  steps: [200, 100000000]\n");
        Path finished = dir.resolve("out/cells/steps=200.json");
        while (!Files.exists(finished)) {
            assertTrue(sweep.isAlive(), "the sweep ended early: " + Files.readString(dir.resolve("sweep.log")));
            Thread.sleep(50);
        }
        ProcessHandle cell = cellOf(sweep);
        sweep.destroy();  // SIGTERM
        sweep.waitFor();
        // the shutdown hook ends the cell and waits for it, so it is gone once the sweep is
        assertTrue(ProcessTree.ended(cell), "cell " + cell.pid() + " outlived its sweep");
        assertTrue(Files.readString(finished).contains("\"complete\""));
        assertFalse(Files.exists(dir.resolve("out/cells/steps=100000000.json")),
                "the stopped cell must not be recorded, so that a rerun runs it");
    }

    @Test
    void aCellWhoseSweepWasKilledStopsItself(@TempDir Path dir) throws Exception {
        Process sweep = startSweep(dir, LONG_CELL + "grid:\n  steps: [100000000]\n");
        ProcessHandle cell = cellOf(sweep);
        sweep.destroyForcibly();  // SIGKILL: no shutdown hook runs
        sweep.waitFor();
        while (!ProcessTree.ended(cell)) {
            Thread.sleep(50);  // bounded by the class's timeout
        }
        String log = Files.readString(dir.resolve("out/cells/steps=100000000.log"));
        assertTrue(log.contains("the sweep that started this cell (pid " + sweep.pid() + ") is gone"), log);
    }

    @Test
    void aSweepWithAFailedCellExits1AndKeepsItsSummary(@TempDir Path dir) throws Exception {
        // the checks before the cells pass; a cell fails when it loads the (missing) Fashion-MNIST files
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, "name: f\ndata: {source: fashion-mnist, folder: " + dir.resolve("no-data")
                + ", train_samples: 100, test_samples: 0}\nmodel: {spec: 'mlp:784-5-10:tanh'}\n"
                + "training: {steps: 2, batch_size: 10}\nsubspace: {k: 2}\n");
        Path config = dir.resolve("sweep.yaml");
        Files.writeString(config, "command: train\nbase: " + base + "\ngrid:\n  optimizer.lr: [0.1, 0.2]\n");
        Path out = dir.resolve("out");
        AlignScopeTest.Outcome o = AlignScopeTest.execute("sweep", "--config", config.toString(), "--out",
                out.toString(), "--parallel", "2", "--quiet");
        assertEquals(1, o.code(), o.err());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(3, summary.size());
        assertTrue(summary.get(1).startsWith("lr=0.1,0.1,failed,"), summary.get(1));
        assertTrue(summary.get(2).startsWith("lr=0.2,0.2,failed,"), summary.get(2));
    }
}
