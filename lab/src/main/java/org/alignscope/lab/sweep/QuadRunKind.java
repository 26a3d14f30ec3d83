package org.alignscope.lab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cells of {@code alignscope quad run}: keys are its options without dashes ({@code eta}, {@code m},
 * {@code seed}, {@code init-scale}, ...). Every cell runs on one thread ({@code --threads 1}; its files do not
 * depend on it), so the sweep's parallelism is across cells. The summary takes the final loss and θ from the last
 * row of the cell's {@code trajectory.csv} and the regime fractions from its {@code regime} column (rows every
 * {@code --stride} steps and the last; with stride 1, the fraction of steps).
 */
final class QuadRunKind implements CellKind {

    @Override
    public List<String> command() {
        return List.of("quad", "run");
    }

    @Override
    public boolean needsBase() {
        return false;
    }

    @Override
    public List<String> reservedOptions() {
        return List.of("out", "threads");
    }

    @Override
    public boolean keysAreOptions() {
        return true;
    }

    @Override
    public List<String> arguments(SweepConfig config, Cell cell, Path dir) {
        Map<String, JsonNode> all = new LinkedHashMap<>(config.fixed());
        all.putAll(cell.values());
        return optionArguments(all, List.of("--threads", "1", "--out", dir.toString()));
    }

    /** {@code --key value} for each setting ({@code --key} alone for true, nothing for false), then {@code tail}. */
    static List<String> optionArguments(Map<String, JsonNode> settings, List<String> tail) {
        List<String> args = new ArrayList<>();
        settings.forEach((k, v) -> {
            if (v.isBoolean()) {
                if (v.booleanValue()) {
                    args.add("--" + k);
                }
            } else {
                args.add("--" + k);
                args.add(v.asText());
            }
        });
        args.addAll(tail);
        return args;
    }

    @Override
    public Outcome outcome(Path dir) {
        Table summary = Table.read(dir.resolve("summary.csv"));
        String[] row = summary.rows().get(0);
        String m = summary.get(row, summary.column("m"));
        String seed = summary.get(row, summary.column("seed"));
        if (summary.get(row, summary.column("status")).equals("diverged")) {
            return Outcome.diverged("diverged at step " + summary.get(row, summary.column("diverged_step")));
        }
        Table tr = Table.read(dir.resolve("m_" + m).resolve("seed_" + seed).resolve("trajectory.csv"));
        int regime = tr.column("regime");
        return Outcome.complete(tr.last("loss"), tr.last("theta"), tr.rows().stream().map(r -> tr.get(r, regime)).toList());
    }
}
