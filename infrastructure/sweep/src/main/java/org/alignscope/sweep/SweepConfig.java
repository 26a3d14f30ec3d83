package org.alignscope.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.alignscope.io.YamlTree;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.SettingError;
import org.alignscope.settings.SettingType;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;

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
    public static final Setting<String> COMMAND = Setting.required("command",
            Types.choice(CellKind.NAMES.toArray(String[]::new)), "The command every cell runs.");
    public static final Setting<Path> BASE = Setting.optional("base", Types.path(), "none",
            "train only: the config every cell starts from, relative to this file's folder.");
    public static final Setting<Map<String, JsonNode>> SET = Setting.of("set", new Mapping<>("set",
            "a mapping of keys to values", (label, v) -> v, JsonNode::asText), Map.of(), "Settings every cell shares: option names"
            + " without the dashes (quad-run, hessian) or dotted config keys (train, where values may also be lists"
            + " or mappings, e.g. arms).");
    public static final Setting<Map<String, List<JsonNode>>> GRID = Setting.required("grid", new Mapping<>("grid",
            "a mapping of keys to lists of values", SweepConfig::values, SweepConfig::texts), "The cartesian product of these lists, one"
            + " cell per combination; the first key varies slowest. Values are numbers, strings or booleans.");
    public static final Setting<Integer> PARALLEL = Setting.optional("parallel", Types.integerFrom(1),
            "the number of cores", "Cells at once (the command's own option overrides it).").in("cells");
    public static final Schema SCHEMA = Schema.file("", "A sweep file: which command its cells run, what they"
            + " share and the grid they span.", COMMAND, BASE, SET, GRID, PARALLEL);

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
        Values v = SCHEMA.read(root, null);
        return new SweepConfig(v.get(COMMAND), v.get(BASE), v.get(SET), v.get(GRID), v.get(PARALLEL));
    }

    /** A grid key's values as the manifest writes them. */
    private static Object texts(List<JsonNode> values) {
        return values.stream().map(JsonNode::asText).toList();
    }

    /** A grid key's values: a non-empty list of distinct scalars. */
    private static List<JsonNode> values(String label, JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            throw new SettingError(label, "must be a non-empty list of values, e.g. [0.01, 0.02]");
        }
        List<JsonNode> values = new ArrayList<>();
        list.forEach(v -> values.add(scalar(label, v)));
        if (values.stream().map(JsonNode::asText).distinct().count() != values.size()) {
            throw new SettingError(label, "a value is listed twice");
        }
        return values;
    }

    private static JsonNode scalar(String label, JsonNode v) {
        if (!v.isValueNode() || v.isNull()) {
            throw new SettingError(label, "must be a number, string or boolean (got " + v + ")");
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
        m.put("set", SET.type().describe(fixed));
        m.put("grid", GRID.type().describe(grid));
        return m;
    }

    /**
     * A mapping of a sweep file whose keys are the cells' own settings ({@code set}, {@code grid}): each value is
     * read by {@code value}, whose errors name the key ({@code grid.eta: ...}), and written for the manifest by
     * {@code write}.
     */
    private record Mapping<V>(String key, String form, BiFunction<String, JsonNode, V> value,
                              Function<V, Object> write) implements SettingType<Map<String, V>> {
        @Override
        public Map<String, V> parse(String text) {
            throw new IllegalArgumentException("must be " + form);
        }

        @Override
        public Map<String, V> read(JsonNode node) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("must be " + form);
            }
            Map<String, V> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    throw new SettingError(key + "." + e.getKey(), "needs a value");
                }
                out.put(e.getKey(), value.apply(key + "." + e.getKey(), e.getValue()));
            });
            return out;
        }

        @Override
        public String allowed() {
            return form;
        }

        @Override
        public Object describe(Map<String, V> v) {
            Map<String, Object> m = new LinkedHashMap<>();
            v.forEach((k, x) -> m.put(k, write.apply(x)));
            return m;
        }
    }
}
