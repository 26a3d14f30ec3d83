package org.alignscope.lab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alignscope.io.YamlTree;

/**
 * A sweep as its YAML file describes it:
 * <pre>
 * command: quad-run          # the kind of cell: quad-run or train
 * base: ../x.yaml            # train only: the config every cell starts from (relative to this file's folder)
 * set:                       # optional: settings every cell shares (for train also lists and mappings)
 *   steps: 2000
 * grid:                      # the cartesian product of these lists; the first axis varies slowest
 *   eta: [0.001, 0.003]
 *   m: [5, 50]
 * parallel: 2                # optional: cells at once (the command's parallel setting overrides it)
 * </pre>
 * Keys of {@code set} and {@code grid} are option names without the dashes for {@code quad-run} and dotted config
 * keys for {@code train} (e.g. {@code optimizer.lr}, {@code arms.0.projection}). Grid values are scalars, as YAML
 * types them; {@code set} values of {@code train} may also be lists or mappings (e.g. {@code arms}). The structure is checked here; whether a key and a value suit the command is checked by the caller, per
 * cell, before any cell runs.
 */
public record SweepConfig(String command, Path base, Map<String, JsonNode> fixed, Map<String, List<JsonNode>> grid,
                          Integer parallel) {
    private static final Set<String> KEYS = Set.of("command", "base", "set", "grid", "parallel");

    public SweepConfig {
        fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        grid = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        CellKind kind = CellKind.of(command);
        if (kind.needsBase() && base == null) {
            throw new IllegalArgumentException("base: required for command " + command + " (the config the grid overrides)");
        }
        if (!kind.needsBase() && base != null) {
            throw new IllegalArgumentException("base: not used by command " + command + "; put shared settings under set:");
        }
        for (Map.Entry<String, JsonNode> e : fixed.entrySet()) {
            if (kind.keysAreOptions() && !e.getValue().isValueNode()) {
                throw new IllegalArgumentException("set." + e.getKey() + ": must be a number, string or boolean (got "
                        + e.getValue() + ")");
            }
        }
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("grid: give at least one key with a list of values");
        }
        for (String key : grid.keySet()) {
            if (fixed.containsKey(key)) {
                throw new IllegalArgumentException("grid." + key + ": also under set:; give it in one place");
            }
        }
        if (parallel != null && parallel < 1) {
            throw new IllegalArgumentException("parallel: must be >= 1 (got " + parallel + ")");
        }
    }

    public CellKind kind() {
        return CellKind.of(command);
    }

    /** Reads a sweep file; a relative {@code base} is taken relative to the file's folder. */
    public static SweepConfig read(Path file) {
        SweepConfig c = fromTree(YamlTree.read(file, SweepSettings.CONFIG.label()), file.toString());
        if (c.base() == null || c.base().isAbsolute()) {
            return c;
        }
        Path folder = file.toAbsolutePath().getParent();
        return new SweepConfig(c.command(), folder.resolve(c.base()).normalize(), c.fixed(), c.grid(), c.parallel());
    }

    /** Parses a sweep; errors name the key and what is allowed, a key given twice both its lines. */
    public static SweepConfig parse(String yaml, String source) {
        return fromTree(YamlTree.parse(yaml, source), source);
    }

    private static SweepConfig fromTree(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": the top level must be a mapping with keys command, base, set, grid, parallel");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown key; allowed: command, base, set, grid, parallel");
            }
        }
        JsonNode command = root.get("command");
        if (command == null || !command.isTextual()) {
            throw new IllegalArgumentException("command: required; allowed: " + String.join(", ", CellKind.NAMES));
        }
        JsonNode base = root.get("base");
        if (base != null && !base.isTextual()) {
            throw new IllegalArgumentException("base: must be a file name");
        }
        Map<String, JsonNode> fixed = new LinkedHashMap<>();
        JsonNode set = root.get("set");
        if (set != null && !set.isNull()) {
            if (!set.isObject()) {
                throw new IllegalArgumentException("set: must be a mapping of keys to values");
            }
            set.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    throw new IllegalArgumentException("set." + e.getKey() + ": needs a value");
                }
                fixed.put(e.getKey(), e.getValue());
            });
        }
        JsonNode gridNode = root.get("grid");
        if (gridNode == null || !gridNode.isObject()) {
            throw new IllegalArgumentException("grid: required, a mapping of keys to lists of values");
        }
        Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
        gridNode.fields().forEachRemaining(e -> {
            String label = "grid." + e.getKey();
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw new IllegalArgumentException(label + ": must be a non-empty list of values, e.g. [0.01, 0.02]");
            }
            List<JsonNode> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(scalar(label, v)));
            if (values.stream().map(JsonNode::asText).distinct().count() != values.size()) {
                throw new IllegalArgumentException(label + ": a value is listed twice");
            }
            grid.put(e.getKey(), values);
        });
        JsonNode parallel = root.get("parallel");
        if (parallel != null && !parallel.canConvertToInt()) {
            throw new IllegalArgumentException("parallel: must be an integer >= 1");
        }
        return new SweepConfig(command.asText(), base == null ? null : Path.of(base.asText()), fixed, grid,
                parallel == null ? null : parallel.asInt());
    }

    private static JsonNode scalar(String label, JsonNode v) {
        if (!v.isValueNode() || v.isNull()) {
            throw new IllegalArgumentException(label + ": must be a number, string or boolean (got " + v + ")");
        }
        return v;
    }

    /** The sweep as a manifest map. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        if (base != null) {
            m.put("base", base.toString());
        }
        Map<String, Object> f = new LinkedHashMap<>();
        fixed.forEach((k, v) -> f.put(k, v.asText()));
        m.put("set", f);
        Map<String, Object> g = new LinkedHashMap<>();
        grid.forEach((k, v) -> g.put(k, v.stream().map(JsonNode::asText).toList()));
        m.put("grid", g);
        return m;
    }
}
