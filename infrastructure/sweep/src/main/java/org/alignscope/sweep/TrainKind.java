package org.alignscope.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.alignscope.io.AtomicFile;
import org.alignscope.io.CsvTable;
import org.alignscope.io.YamlTree;

/**
 * Cells of {@code alignscope train}: each cell's config is the sweep's {@code base:} with the {@code set:} and grid
 * values put at their dotted keys ({@code optimizer.lr}; a number selects a list element, {@code arms.0.name}),
 * written to {@code cells/<id>.yaml} beside the cell's run folder; {@code train} itself validates it (unknown keys,
 * ranges). The base is read like any config, so a key it gives twice is an error here (the merged file could no
 * longer show it). The summary reads the first arm of the config ({@code plain} when the config has no {@code arms}) and
 * averages over its seeds the last {@code ref_loss}, {@code ref_theta} and {@code lambda_1} (the last refresh) of
 * {@code <arm>/seed_<seed>/metrics.csv};
 * a cell where that arm diverged for any seed is {@code diverged}. Training has no regime column.
 */
final class TrainKind implements CellKind {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Override
    public List<String> command() {
        return List.of("train");
    }

    @Override
    public boolean needsBase() {
        return true;
    }

    @Override
    public List<String> reservedOptions() {
        return List.of();
    }

    @Override
    public boolean keysAreOptions() {
        return false;
    }

    @Override
    public List<String> arguments(SweepConfig config, Cell cell, Path dir, CellOptions options) {
        JsonNode root = YamlTree.read(config.base(), "base");
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("base: " + config.base() + " is not a mapping of config keys");
        }
        config.fixed().forEach((k, v) -> put((ObjectNode) root, "set." + k, k, v));
        cell.values().forEach((k, v) -> put((ObjectNode) root, "grid." + k, k, v));
        Path file = config(dir);
        AtomicFile.write(file, out -> YAML.writeValue(out, root));
        return List.of(options.option("config"), file.toString(), options.option("out"), dir.toString());
    }

    /** The cell's training config, {@code cells/<id>.yaml}, beside its run folder. */
    static Path config(Path dir) {
        return Sweep.beside(dir, ".yaml");
    }

    /** Sets {@code value} at a dotted key, creating missing mappings; a numeric segment indexes an existing list. */
    static void put(ObjectNode root, String label, String key, JsonNode value) {
        String[] parts = key.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            boolean lastPart = i == parts.length - 1;
            if (node instanceof ArrayNode array) {
                int index;
                try {
                    index = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(label + ": '" + p + "' must be a list index (the base has a list there)");
                }
                if (index < 0 || index >= array.size()) {
                    throw new IllegalArgumentException(label + ": index " + p + " is outside the base's list of " + array.size());
                }
                if (lastPart) {
                    array.set(index, value);
                } else {
                    node = array.get(index);
                }
            } else if (node instanceof ObjectNode object) {
                if (lastPart) {
                    object.set(p, value);
                } else {
                    JsonNode next = object.get(p);
                    node = next == null || next.isNull() ? object.putObject(p) : next;
                }
            } else {
                throw new IllegalArgumentException(label + ": the base has a value, not a mapping, before '" + p + "'");
            }
        }
    }

    @Override
    public Outcome outcome(Path dir) {
        JsonNode cfg;
        try {
            cfg = YAML.readTree(config(dir).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config(dir) + ": " + e.getMessage(), e);
        }
        String arm = cfg.path("arms").path(0).path("name").asText("plain");
        List<Long> seeds = new ArrayList<>();
        cfg.path("seeds").forEach(s -> seeds.add(s.asLong()));
        if (seeds.isEmpty()) {
            seeds.add(1L);
        }
        double loss = 0;
        double theta = 0;
        double lambda1 = 0;
        for (long seed : seeds) {
            CsvTable t = CsvTable.read(dir.resolve(arm).resolve("seed_" + seed).resolve("metrics.csv"));
            for (int i = 0; i < t.rows().size(); i++) {
                if (t.text(i, "event").equals("diverged")) {
                    return Outcome.diverged("arm " + arm + ", seed " + seed + " diverged at step " + t.text(i, "step"));
                }
            }
            loss += t.last("ref_loss") / seeds.size();
            theta += t.last("ref_theta") / seeds.size();
            lambda1 += (t.header().contains("lambda_1") ? t.last("lambda_1") : Double.NaN) / seeds.size();
        }
        return new Outcome(Outcome.COMPLETE, "", loss, theta, Double.NaN, Double.NaN, Double.NaN, lambda1);
    }
}
