package org.alignscope.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.alignscope.io.CsvTable;

/**
 * Cells of {@code alignscope quad run}: keys are its options without dashes ({@code eta}, {@code m},
 * {@code seed}, {@code init-scale}, ...). Every cell runs on one thread ({@code threads: 1}; its files do not
 * depend on it), so the sweep's parallelism is across cells. The summary takes the final loss and θ from the last
 * row of the cell's {@code trajectory.csv} and the regime fractions from its {@code regime} column (rows every
 * {@code stride} steps and the last; with stride 1, the fraction of steps).
 */
final class QuadRunKind extends OptionCellKind {

    @Override
    public List<String> command() {
        return List.of("quad", "run");
    }

    @Override
    public List<String> reservedOptions() {
        return List.of("out", "threads");
    }

    @Override
    List<String> sweepArguments(Path dir, CellOptions options) {
        return List.of(options.option("threads"), "1", options.option("out"), dir.toString());
    }

    @Override
    public Outcome outcome(Path dir) {
        CsvTable summary = CsvTable.read(dir.resolve("summary.csv"));
        String m = summary.text(0, "m");
        String seed = summary.text(0, "seed");
        if (summary.text(0, "status").equals("diverged")) {
            return Outcome.diverged("diverged at step " + summary.text(0, "diverged_step"));
        }
        CsvTable tr = CsvTable.read(dir.resolve("m_" + m).resolve("seed_" + seed).resolve("trajectory.csv"));
        return Outcome.complete(tr.last("loss"), tr.last("theta"),
                IntStream.range(0, tr.rows().size()).mapToObj(i -> tr.text(i, "regime")).toList());
    }
}
