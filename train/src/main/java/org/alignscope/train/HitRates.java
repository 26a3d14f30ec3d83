package org.alignscope.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alignscope.io.IoFailure;
import org.alignscope.monitor.Verdict;

/**
 * The probe and verdict hit rates of any set of training runs together — one run, a sweep's cells, several sweeps:
 * the {@link ProbeSummary} and {@link VerdictHits} tables over every {@code ARM/seed_N/monitor.csv} found below the
 * given folders.
 *
 * @param monitorFiles the monitor files tallied, in path order
 * @param probes       the probe table
 * @param verdicts     the verdict tables by basis ({@link VerdictHits#BASES})
 */
public record HitRates(List<Path> monitorFiles, List<ProbeSummary.Cell> probes, Map<String, Map<Verdict, HitCount>> verdicts) {
    /** How deep below a given folder monitor files are looked for: a sweep's {@code cells/CELL/ARM/seed_N}. */
    public static final int DEPTH = 5;

    /** The tables over the monitor files below {@code roots}; an empty list where none holds one. */
    public static HitRates of(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            files.addAll(monitorFiles(root));
        }
        files.sort(null);
        return new HitRates(files, ProbeSummary.tally(files), VerdictHits.tally(files));
    }

    /** Writes {@code dir/probe-summary.csv} and {@code dir/verdict-hits.csv}. */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw IoFailure.of("create", dir, e);
        }
        ProbeSummary.write(probes, dir.resolve(ProbeSummary.FILE));
        VerdictHits.write(verdicts, dir.resolve(VerdictHits.FILE));
    }

    /** The two tables as one line each. */
    public List<String> lines() {
        return List.of(ProbeSummary.line(probes), VerdictHits.line(verdicts));
    }

    /** The {@code monitor.csv} files of trajectories ({@code .../seed_N/monitor.csv}) below {@code root}. */
    private static List<Path> monitorFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root, DEPTH)) {
            return walk.filter(p -> p.getFileName().toString().equals("monitor.csv")
                    && p.getParent().getFileName().toString().startsWith("seed_")).toList();
        } catch (IOException e) {
            throw IoFailure.of("read", root, e);
        }
    }
}
