package org.alignscope.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alignscope.linalg.progress.Counter;
import org.alignscope.linalg.progress.Progress;
import org.alignscope.report.Manifest;

/**
 * The sweep engine: expands the grid into cells, runs each cell's {@code alignscope} command into
 * {@code OUT/cells/<cell-id>/} (at most {@code parallel} at once, through a {@link Launcher}), records how each
 * ended in {@code cells/<id>.json}, skips the cells a previous run finished, and writes {@code summary.csv},
 * {@code plots/heatmap_<metric>.png} and {@code manifest.json}. A cell that fails (non-zero exit) or diverges is
 * recorded and the others go on.
 */
public final class Sweep {
    /** The folder under OUT that holds one folder per cell. */
    public static final String CELLS = "cells";

    /** One cell and the full argument list (subcommand path first) that runs it. */
    public record Job(Cell cell, List<String> arguments, Path dir) {
        /** The cell's log, beside its run folder (which belongs to the cell's own command). */
        Path log() {
            return beside(dir, ".log");
        }

    }

    /** How one cell ended; {@code skipped} when a previous run had finished it. */
    public record CellResult(Cell cell, Outcome outcome, double wallSeconds, boolean skipped) {
    }

    private Sweep() {
    }

    /**
     * The cells of a sweep and their arguments, each setting given by its option in {@code options}, in grid order.
     * Writes nothing but the files a cell's arguments point to (a train cell's merged config); errors name the key.
     */
    public static List<Job> plan(SweepConfig config, Path out, CellOptions options) {
        CellKind kind = config.kind();
        List<Job> jobs = new ArrayList<>();
        for (Cell cell : Cell.expand(config.grid())) {
            Path dir = out.resolve(CELLS).resolve(cell.id());
            List<String> args = new ArrayList<>(kind.command());
            args.addAll(kind.arguments(config, cell, dir, options));
            jobs.add(new Job(cell, List.copyOf(args), dir));
        }
        return jobs;
    }

    /**
     * Runs the planned cells and writes the sweep's files. {@code progress} counts finished cells (skipped ones
     * at once). Returns the results in grid order; throws {@link SweepStopped} when the launcher was stopped (a
     * signal), leaving the folder as a rerun can resume it.
     */
    public static List<CellResult> run(SweepConfig config, List<Job> jobs, Path out, int parallel, Launcher launcher,
                                       Progress progress, String commandLine) {
        long start = System.nanoTime();
        Manifest manifest = new Manifest(commandLine).put("parallel", parallel).put("cells", jobs.size());
        config.describe().forEach(manifest::setting);
        manifest.write(out);
        Counter done = progress.counter(jobs.size());
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "alignscope-sweep");
            t.setDaemon(true);
            return t;
        });
        List<CellResult> results = new ArrayList<>();
        try {
            List<Future<CellResult>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    CellResult r = runCell(config.kind(), job, launcher);
                    done.add(1);
                    return r;
                }));
            }
            for (Future<CellResult> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SweepStopped stopped) {
                throw stopped;
            }
            throw new IllegalStateException("sweep: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        SweepSummary.write(config, results, out);
        manifest.put("elapsed_seconds", (System.nanoTime() - start) / 1e9)
                .put("skipped", results.stream().filter(CellResult::skipped).count());
        for (String status : List.of(Outcome.COMPLETE, Outcome.DIVERGED, Outcome.FAILED)) {
            manifest.put(status, results.stream().filter(r -> r.outcome().status().equals(status)).count());
        }
        manifest.complete().write(out);
        return results;
    }

    /** Runs one cell unless its folder says it is finished with these arguments; never throws for the cell's own faults. */
    static CellResult runCell(CellKind kind, Job job, Launcher launcher) throws IOException, InterruptedException {
        Optional<CellRecord> previous = CellRecord.read(job.dir());
        if (previous.isPresent() && previous.get().finished(job.arguments())) {
            return new CellResult(job.cell(), previous.get().outcome(), previous.get().wallSeconds(), true);
        }
        Files.createDirectories(job.dir().getParent());
        Files.deleteIfExists(CellRecord.file(job.dir()));
        Path log = job.log();
        long t0 = System.nanoTime();
        int exit = launcher.run(job.arguments(), log);
        double wall = (System.nanoTime() - t0) / 1e9;
        Outcome outcome;
        if (exit != 0) {
            outcome = Outcome.failed("exit code " + exit + ": " + lastLine(log));
        } else {
            try {
                outcome = kind.outcome(job.dir());
            } catch (RuntimeException e) {
                outcome = Outcome.failed("cannot read the run folder: " + e.getMessage());
            }
        }
        new CellRecord(job.arguments(), exit, wall, outcome).write(job.dir());
        return new CellResult(job.cell(), outcome, wall, false);
    }

    /** {@code cells/<id><suffix>}: a file of the sweep's own about the cell whose run folder is {@code cells/<id>}. */
    static Path beside(Path cellDir, String suffix) {
        return cellDir.resolveSibling(cellDir.getFileName() + suffix);
    }

    /** The last non-blank line of a log (the command's one-line error), or "" if there is none. */
    static String lastLine(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "";
    }
}
