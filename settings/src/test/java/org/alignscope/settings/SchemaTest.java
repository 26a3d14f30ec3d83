package org.alignscope.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.alignscope.io.YamlTree;
import org.junit.jupiter.api.Test;

class SchemaTest {
    static final Setting<Integer> SAMPLES = Setting.of("train_samples", Types.integer(10, 60000), 5000,
            "Training samples.").in("samples");
    static final Schema DATA = Schema.file("data", "The data.", SAMPLES);
    static final Setting<Integer> K = Setting.of("k", Types.integer(1, 1000), 10, "Dominant dimension.");
    static final Setting<Integer> KRYLOV = Setting.derived("krylov",
            Types.integer(new Range(Bound.of("k + 2", v -> v.get(K) + 2), Bound.including(100_000))),
            "max(2k + 10, 30)", v -> Math.max(2 * v.get(K) + 10, 30), "Krylov basis size.");
    static final Setting<Integer> BATCH = Setting.of("batch_size",
            Types.integer(new Range(Bound.including(1), Bound.of("data.train_samples", v -> v.get(SAMPLES)))), 50,
            "Mini-batch size.");
    static final Setting<Double> LR = Setting.of("lr", Types.positive(1e6), 0.01, "Learning rate.");
    static final Setting<Double> MOMENTUM = Setting.of("momentum", Types.realBelow(0, 1), 0.9, "Momentum.");
    static final Setting<String> NAME = Setting.of("name", Types.choice("sgd", "adam"), "sgd", "Optimizer.");
    static final Setting<Boolean> TRACK = Setting.of("track", Types.flag(), true, "Track.");
    static final Setting<String> ARM = Setting.required("name", Types.text("a name"), "Arm name.");
    static final Schema SUBSPACE = Schema.file("subspace", "The subspace.", K, KRYLOV, BATCH);
    static final Schema OPTIMIZER = Schema.file("optimizer", "The optimizer.", NAME, LR, MOMENTUM);
    static final Schema ARMS = Schema.listOf("arms", "The arms.", ARM, TRACK);
    static final Setting<List<Long>> SEEDS = Setting.of("seeds", Types.longList(), List.of(1L), "Seeds.");
    static final Schema TOP = Schema.file("", "A test file.", SEEDS, DATA, SUBSPACE, OPTIMIZER, ARMS);

    static String error(Runnable r) {
        return assertThrows(SettingError.class, r::run).getMessage();
    }

    static Values read(String yaml) {
        var root = YamlTree.parse(yaml, "t.yaml");
        Values top = TOP.read(root, null);
        DATA.read(root == null ? null : root.get("data"), top);
        SUBSPACE.read(root == null ? null : root.get("subspace"), top);
        OPTIMIZER.read(root == null ? null : root.get("optimizer"), top);
        return top;
    }

    @Test
    void defaultsAndDerivedDefaultsResolveInOrder() {
        Values v = read("subspace: {k: 20}\n");
        assertEquals(20, v.get(K));
        assertEquals(50, v.get(KRYLOV), "max(2*20 + 10, 30)");
        assertEquals(5000, v.get(SAMPLES));
        assertEquals(List.of(1L), v.get(SEEDS));
        assertTrue(v.given(K));
        assertFalse(v.given(KRYLOV));
        assertEquals(30, read("").get(KRYLOV));
    }

    @Test
    void errorsNameTheDottedKeyAndWhatIsAllowed() {
        assertEquals("optimizer.lrr: unknown key; allowed: name, lr, momentum",
                error(() -> read("optimizer: {lrr: 1}\n")));
        assertEquals("subspace.k: 0 is out of range; allowed: [1, 1000]", error(() -> read("subspace: {k: 0}\n")));
        assertEquals("subspace.k: 'x' is not an integer; allowed: [1, 1000]",
                error(() -> read("subspace: {k: x}\n")));
        assertEquals("optimizer.lr: 0 is out of range; allowed: (0, 1000000]",
                error(() -> read("optimizer: {lr: 0}\n")));
        assertEquals("optimizer.momentum: 1.0 is out of range; allowed: [0, 1)",
                error(() -> read("optimizer: {momentum: 1.0}\n")));
        assertEquals("optimizer.lr: 'fast' is not a number", error(() -> read("optimizer: {lr: fast}\n")));
        assertEquals("optimizer.name: 'SGDX' is not allowed; allowed: sgd, adam",
                error(() -> read("optimizer: {name: SGDX}\n")));
        assertEquals("adam", read("optimizer: {name: Adam}\n").get(NAME));
        assertEquals("optimizer: must be a mapping with keys name, lr, momentum",
                error(() -> read("optimizer: 3\n")));
        assertEquals("seeds: seed 2 is listed twice", error(() -> read("seeds: [1, 2, 2]\n")));
        assertEquals("other: unknown key; allowed: seeds, data, subspace, optimizer, arms",
                error(() -> read("other: 1\n")));
    }

    @Test
    void derivedRangeEndsAreNamedInTheReferenceAndEvaluatedInErrors() {
        assertEquals("subspace.batch_size: 200 is out of range; allowed: [1, 100]",
                error(() -> read("data: {train_samples: 100}\nsubspace: {batch_size: 200}\n")));
        assertEquals("subspace.krylov: 11 is out of range; allowed: [12, 100000]",
                error(() -> read("subspace: {k: 10, krylov: 11}\n")));
        String md = SchemaReference.markdown(TOP, 2);
        assertTrue(md.contains("| `batch_size` | integer in [1, data.train_samples] | 50 |  | Mini-batch size. |"), md);
        assertTrue(md.contains("| `krylov` | integer in [k + 2, 100000] | max(2k + 10, 30) |"), md);
        assertTrue(md.contains("| `train_samples` | integer in [10, 60000] | 5000 | samples |"), md);
        assertTrue(md.contains("### `arms[]`"), md);
    }

    @Test
    void listedSectionsNameTheirElementAndRequiredKeys() {
        var root = YamlTree.parse("arms: [{name: a}, {track: true}]\n", "t");
        assertTrue(ARMS.readElement(root.get("arms").get(0), 0, null).get(TRACK));
        assertEquals("arms[1].name: required; allowed: a name",
                error(() -> ARMS.readElement(root.get("arms").get(1), 1, null)));
        Values a = ARMS.readElement(root.get("arms").get(0), 0, null);
        assertEquals("arms[0].track: must be true", a.invalid(TRACK, "must be true").getMessage());
        assertEquals("arms[].track: x", TRACK.invalid("x").getMessage());
    }

    @Test
    void commandLineSettingsParseTextAndNameTheirOption() {
        Setting<Double> tol = Setting.of("tol", Types.realBelow(0, 1), 1e-6, "Tolerance.");
        Setting<Double> init = Setting.of("init_scale", Types.positive(), 1.0, "Scale.");
        Setting<String> block = Setting.optional("block", Types.text(), "all parameters", "Block.");
        Schema cmd = Schema.commandLine("hessian", "Eigenpairs.", tol, init, block);
        Values v = cmd.parse(Map.of("tol", "1e-3"), null);
        assertEquals(1e-3, v.get(tol));
        assertNull(v.get(block));
        assertEquals("--init-scale: -1 is out of range; allowed: > 0",
                error(() -> cmd.parse(Map.of("init_scale", "-1"), null)));
        assertEquals("--init-scale: Infinity is out of range; allowed: > 0",
                error(() -> cmd.parse(Map.of("init_scale", "Infinity"), null)));
        assertEquals("--tol: bad", tol.invalid("bad").getMessage());
        assertEquals(Map.of("tol", 1e-3, "init_scale", 1.0), withoutNulls(v.describe()));
        Values typed = cmd.of(Map.of(init, 2.0), null);
        assertEquals(2.0, typed.get(init));
        assertEquals("--init-scale: 0.0 is out of range; allowed: > 0", error(() -> cmd.of(Map.of(init, 0.0), null)));
    }

    @Test
    void wordListsReadYamlListsAndCommaSeparatedText() {
        Setting<List<String>> arms = Setting.optional("arms", Types.words("arm names"), "every arm", "Arms.");
        Schema monitor = Schema.file("monitor", "The monitor.", arms);
        assertEquals(List.of("dom", "bulk"), monitor.read(YamlTree.parse("{arms: [dom, bulk]}\n", "t"), null).get(arms));
        assertNull(monitor.read(null, null).get(arms));
        assertEquals("monitor.arms: must be a non-empty list of arm names",
                error(() -> monitor.read(YamlTree.parse("{arms: dom}\n", "t"), null)));
        assertEquals("monitor.arms: must be a non-empty list of arm names",
                error(() -> monitor.read(YamlTree.parse("{arms: []}\n", "t"), null)));
        assertEquals("monitor.arms: must be a non-empty list of arm names",
                error(() -> monitor.read(YamlTree.parse("{arms: [[dom]]}\n", "t"), null)));
        Schema cmd = Schema.commandLine("monitor", "Monitor.", Setting.optional("arms", Types.words("arm names"),
                "every arm", "Arms."));
        assertEquals(List.of("dom", "bulk"), cmd.parse(Map.of("arms", "dom, bulk"), null).describe().get("arms"));
        assertEquals("a non-empty list of arm names", arms.type().allowed());
    }

    @Test
    void aRepeatableSettingTakesItsOptionOnceForEachElement() {
        Setting<List<String>> hosts = Setting.of("allow_host", Types.repeated(Types.parsed("a host name", h -> {
            if (h.contains(" ")) {
                throw new IllegalArgumentException("must be a host name (got '" + h + "')");
            }
            return h;
        }, h -> h)), List.of(), "Further names.");
        Setting<Integer> port = Setting.of("port", Types.integer(0, 65535), 0, "Port.");
        Schema cmd = Schema.commandLine("serve", "Serves.", hosts, port);
        assertEquals(List.of(), cmd.parse(Map.of(), null).get(hosts));
        assertEquals("none", hosts.fallback().text());
        assertTrue(hosts.type().repeatable());
        assertFalse(port.type().repeatable());
        Values v = cmd.parseRepeated(Map.of("allow_host", List.of("a.example", "b.example"), "port",
                List.of("8080")), null);
        assertEquals(List.of("a.example", "b.example"), v.get(hosts));
        assertEquals(8080, v.get(port));
        assertEquals(List.of("a.example", "b.example"), v.describe().get("allow_host"));
        assertEquals("--allow-host: must be a host name (got 'a b')",
                error(() -> cmd.parseRepeated(Map.of("allow_host", List.of("ok", "a b")), null)));
        assertEquals("--port: give one value, not 2",
                error(() -> cmd.parseRepeated(Map.of("port", List.of("1", "2")), null)));
        Setting<List<String>> names = Setting.of("names", Types.repeated(Types.text()), List.of(), "Names.");
        assertEquals(List.of("x", "y"), Schema.file("", "A file.", names).read(YamlTree.parse("names: [x, y]\n",
                "t"), null).get(names));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }
}
