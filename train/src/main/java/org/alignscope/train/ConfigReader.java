package org.alignscope.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.alignscope.io.YamlTree;
import org.alignscope.nn.Loss;
import org.alignscope.nn.ModelSpec;
import org.alignscope.nn.OperatorKind;
import org.alignscope.nn.Precision;

/**
 * Reads a YAML experiment into a {@link TrainConfig}. Every error is an {@link IllegalArgumentException} whose
 * message starts with the dotted key ({@code optimizer.lr}, {@code arms[2].projection}) and names the allowed
 * keys or values, e.g. {@code optimizer.lrr: unknown key; allowed: name, lr, ...}; a key given twice is an error
 * naming both lines ({@link YamlTree}).
 */
public final class ConfigReader {
    private ConfigReader() {
    }

    public static TrainConfig read(Path file) {
        return fromTree(YamlTree.read(file, "--config"), file.toString());
    }

    public static TrainConfig parse(String yaml, String source) {
        return fromTree(YamlTree.parse(yaml, source), source);
    }

    private static TrainConfig fromTree(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": the top level must be a mapping of keys");
        }
        Section top = new Section("", root, "name", "seeds", "data", "model", "optimizer", "training", "subspace",
                "switch", "arms", "logging", "monitor");
        String name = top.string("name", "experiment");
        List<Long> seeds = top.longList("seeds", List.of(1L));

        Section d = top.section("data", "source", "folder", "train_samples", "test_samples", "dimension", "classes",
                "separation", "noise", "seed");
        String src = d.choice("source", "fashion-mnist", "fashion-mnist", "gaussian-mixture");
        boolean gm = src.equals("gaussian-mixture");
        int classes = d.integer("classes", 10, 2, 1000);
        int train = d.integer("train_samples", 5000, classes, 60000);
        if (train % (gm ? 1 : 10) != 0) {
            throw new IllegalArgumentException("data.train_samples: must be a multiple of 10 for fashion-mnist, got "
                    + train);
        }
        TrainConfig.Data data = new TrainConfig.Data(src, d.string("folder", null), train,
                d.integer("test_samples", gm ? 0 : 10000, 0, gm ? 1_000_000 : 10000), d.integer("dimension", 20, 1,
                1_000_000), classes, d.number("separation", 3.0, 0, Double.MAX_VALUE),
                d.number("noise", 1.0, 0, Double.MAX_VALUE), d.longValue("seed", 0));
        d.finish();

        Section m = top.section("model", "spec", "loss", "precision", "init_scale", "threads");
        String spec = m.string("spec", "mlp:784-200-200-10:tanh");
        try {
            ModelSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model.spec: " + e.getMessage());
        }
        TrainConfig.ModelSettings model = new TrainConfig.ModelSettings(spec,
                Loss.parse(m.choice("loss", "mse", "mse", "ce")),
                Precision.parse(m.choice("precision", "f64", "f64", "f32")),
                m.number("init_scale", 1.0, Double.MIN_VALUE, 1e6),
                m.integer("threads", 1, 1, 64));
        m.finish();

        Section o = top.section("optimizer", "name", "lr", "momentum", "beta1", "beta2", "eps", "alpha",
                "weight_decay", "schedule");
        String opt = o.choice("name", "sgd", OptimizerConfig.NAMES.toArray(new String[0]));
        double lr = o.number("lr", 0.01, Double.MIN_VALUE, 1e6);
        double mom = o.numberOpen("momentum", 0.9, 0, 1);
        double b1 = o.numberOpen("beta1", 0.9, 0, 1);
        double b2 = o.numberOpen("beta2", 0.999, 0, 1);
        double eps = o.number("eps", 1e-8, Double.MIN_VALUE, 1);
        double alpha = o.numberOpen("alpha", 0.99, 0, 1);
        double wd = o.number("weight_decay", 0, 0, 1e6);

        Section tr = top.section("training", "steps", "batch_size");
        int steps = tr.integer("steps", 1000, 1, 100_000_000);
        int batch = tr.integer("batch_size", 50, 1, train);
        tr.finish();

        Section sc = o.section("schedule", "kind", "every", "factor", "steps", "min_factor", "warmup");
        String kind = sc.choice("kind", "constant", "constant", "step", "cosine");
        Schedule schedule = new Schedule(Schedule.Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
                sc.integer("every", 1000, 1, Integer.MAX_VALUE), sc.number("factor", 0.1, Double.MIN_VALUE, 1e6),
                sc.integer("steps", steps, 1, Integer.MAX_VALUE), sc.number("min_factor", 0, 0, 1),
                sc.integer("warmup", 0, 0, Integer.MAX_VALUE));
        sc.finish();
        o.finish();
        OptimizerConfig optimizer = new OptimizerConfig(opt, lr, mom, b1, b2, eps, alpha, wd, schedule);

        Section s = top.section("subspace", "k", "reference_samples", "chunk", "refresh_every", "tolerance",
                "max_hvps", "krylov", "operator");
        int k = s.integer("k", 10, 1, 1000);
        int krylov = s.integer("krylov", Math.max(2 * k + 10, 30), k + 2, 100_000);
        TrainConfig.SubspaceSettings sub = new TrainConfig.SubspaceSettings(k,
                s.integer("reference_samples", 0, 0, train), s.integer("chunk", 1000, 1, 1_000_000),
                s.integer("refresh_every", 100, 1, Integer.MAX_VALUE), s.number("tolerance", 1e-4, 1e-14, 1),
                s.integer("max_hvps", 50 * k + 200, 2 * k, Integer.MAX_VALUE), krylov,
                OperatorKind.parse(s.choice("operator", "hessian", "hessian", "ggn")));
        s.finish();

        Section w = top.section("switch", "ema", "threshold", "check_every", "fallback_step");
        TrainConfig.Switch sw = new TrainConfig.Switch(w.numberOpen("ema", 0.9, 0, 1), w.number("threshold", 0.95,
                0, 1), w.integer("check_every", sub.refreshEvery(), 1, Integer.MAX_VALUE),
                w.integer("fallback_step", Math.min(steps - 1, 2000), 0, steps - 1));
        w.finish();

        List<TrainConfig.Arm> arms = new ArrayList<>();
        JsonNode armsNode = top.raw("arms");
        if (armsNode == null) {
            arms.add(new TrainConfig.Arm("plain", Projection.NONE, true));
            arms.add(new TrainConfig.Arm("dom", Projection.of(Projection.Kind.DOM, Projection.Target.UPDATE), true));
            arms.add(new TrainConfig.Arm("bulk", Projection.of(Projection.Kind.BULK, Projection.Target.UPDATE), true));
        } else {
            if (!armsNode.isArray() || armsNode.isEmpty()) {
                throw new IllegalArgumentException("arms: must be a non-empty list of {name, projection, ...}");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < armsNode.size(); i++) {
                Section a = new Section("arms[" + i + "]", armsNode.get(i), "name", "projection", "a", "b", "apply_to",
                        "track");
                String an = a.string("name", null);
                if (an == null || !an.matches("[A-Za-z0-9_.-]+")) {
                    throw new IllegalArgumentException("arms[" + i + "].name: required, letters, digits, _ . - only");
                }
                if (!names.add(an)) {
                    throw new IllegalArgumentException("arms[" + i + "].name: '" + an + "' is used twice");
                }
                String pk = a.choice("projection", null, Projection.KINDS.toArray(new String[0]));
                if (pk == null) {
                    throw new IllegalArgumentException("arms[" + i + "].projection: required; allowed: "
                            + String.join(", ", Projection.KINDS));
                }
                Projection.Kind kindP = Projection.Kind.valueOf(pk.toUpperCase(Locale.ROOT));
                Projection.Target target = Projection.Target.valueOf(a.choice("apply_to", "update",
                        Projection.TARGETS.toArray(new String[0])).toUpperCase(Locale.ROOT));
                Projection p;
                if (kindP == Projection.Kind.INTERP) {
                    if (!a.has("a") || !a.has("b")) {
                        throw new IllegalArgumentException("arms[" + i + "]: projection interp needs a and b");
                    }
                    p = new Projection(kindP, a.number("a", 1, -1e6, 1e6), a.number("b", 1, -1e6, 1e6), target);
                } else {
                    if (a.has("a") || a.has("b")) {
                        throw new IllegalArgumentException("arms[" + i + "].a: a and b are allowed with projection"
                                + " interp only");
                    }
                    p = Projection.of(kindP, target);
                }
                boolean track = a.bool("track", true);
                if (!track && p.active()) {
                    throw new IllegalArgumentException("arms[" + i + "].track: must be true for a projected arm"
                            + " (allowed false only with projection none)");
                }
                a.finish();
                arms.add(new TrainConfig.Arm(an, p, track));
            }
        }

        Section l = top.section("logging", "eval_every", "checkpoint_every", "divergence_loss");
        TrainConfig.Logging log = new TrainConfig.Logging(l.integer("eval_every", 100, 1, Integer.MAX_VALUE),
                l.integer("checkpoint_every", 0, 0, Integer.MAX_VALUE), l.number("divergence_loss", 1e150,
                Double.MIN_VALUE, Double.MAX_VALUE));
        l.finish();

        TrainConfig.Monitor mon = null;
        if (top.has("monitor")) {
            Section mo = top.section("monitor", "every", "k", "samples", "arms", "theta_threshold", "k_spread",
                    "tolerance", "max_hvps", "effective_step", "min_every", "max_every", "change", "probe_steps");
            JsonNode ev = mo.raw("every");
            TrainConfig.Adaptive adaptive = null;
            int every = 0;
            if (ev != null && ev.isTextual() && ev.asText().trim().equalsIgnoreCase("adaptive")) {
                int lo = mo.integer("min_every", 10, 1, Integer.MAX_VALUE);
                int hi = mo.integer("max_every", 200, lo, Integer.MAX_VALUE);
                adaptive = new TrainConfig.Adaptive(lo, hi, mo.number("change", 0.05, Double.MIN_VALUE, 1));
            } else {
                if (ev != null && !ev.isIntegralNumber()) {
                    throw new IllegalArgumentException("monitor.every: '" + ev.asText() + "' is neither an integer"
                            + " >= 1 nor 'adaptive'");
                }
                every = mo.integer("every", 100, 1, Integer.MAX_VALUE);
                for (String key : List.of("min_every", "max_every", "change")) {
                    if (mo.has(key)) {
                        throw new IllegalArgumentException("monitor." + key + ": allowed only with monitor.every:"
                                + " adaptive");
                    }
                }
            }
            int mk = mo.integer("k", k, 1, 1000);
            int spread = mo.integer("k_spread", 2, 0, 100);
            List<String> names = new ArrayList<>();
            for (TrainConfig.Arm a : arms) {
                names.add(a.name());
            }
            List<String> monArms = new ArrayList<>();
            JsonNode an = mo.raw("arms");
            if (an == null) {
                for (TrainConfig.Arm a : arms) {
                    if (a.track()) {
                        monArms.add(a.name());
                    }
                }
            } else {
                if (!an.isArray() || an.isEmpty()) {
                    throw new IllegalArgumentException("monitor.arms: must be a non-empty list of arm names; allowed: "
                            + String.join(", ", names));
                }
                for (JsonNode e : an) {
                    if (!e.isTextual() || !names.contains(e.asText())) {
                        throw new IllegalArgumentException("monitor.arms: '" + e.asText() + "' is not an arm; allowed: "
                                + String.join(", ", names));
                    }
                    if (monArms.contains(e.asText())) {
                        throw new IllegalArgumentException("monitor.arms: '" + e.asText() + "' is listed twice");
                    }
                    monArms.add(e.asText());
                }
            }
            boolean eff = mo.bool("effective_step", false);
            if (eff && !(opt.equals("momentum") || opt.equals("nesterov"))) {
                throw new IllegalArgumentException("monitor.effective_step: allowed true only with optimizer.name"
                        + " momentum or nesterov (got " + opt + ")");
            }
            int refN = sub.referenceSamples() == 0 ? train : sub.referenceSamples();
            if (batch > refN) {
                throw new IllegalArgumentException("monitor: training.batch_size " + batch + " exceeds the "
                        + refN + " reference samples the monitor draws its noise mini-batches from");
            }
            int probe = mo.integer("probe_steps", 0, 0, 1_000_000);
            if (probe == 1 || (probe > 0 && !opt.equals("sgd"))) {
                throw new IllegalArgumentException("monitor.probe_steps: " + probe + " is not allowed; allowed: 0 (off)"
                        + " or >= 2, with optimizer.name sgd only");
            }
            mon = new TrainConfig.Monitor(every, adaptive, mk,
                    mo.integer("samples", 32, 2, 1_000_000), List.copyOf(monArms),
                    mo.number("theta_threshold", 0.9, 0, 1), spread, mo.number("tolerance", 1e-6, 1e-14, 1),
                    mo.integer("max_hvps", 50 * (mk + spread + 1) + 500, 2 * (mk + spread + 1), Integer.MAX_VALUE),
                    eff, probe);
            mo.finish();
        } else {
            top.raw("monitor");
        }
        top.finish();
        return new TrainConfig(name, seeds, data, model, optimizer, steps, batch, sub, sw, arms, log, mon);
    }

    /** One mapping of the YAML tree, remembering which keys were read. */
    static final class Section {
        private final String path;
        private final JsonNode node;
        private final List<String> allowed;
        private final Set<String> used = new HashSet<>();

        Section(String path, JsonNode node, String... allowed) {
            this.path = path;
            this.allowed = Arrays.asList(allowed);
            if (node != null && !node.isNull() && !node.isObject()) {
                throw new IllegalArgumentException(label(null) + ": must be a mapping with keys "
                        + String.join(", ", allowed));
            }
            this.node = node;
            if (node != null) {
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    if (!this.allowed.contains(key)) {
                        throw new IllegalArgumentException(label(key) + ": unknown key; allowed: "
                                + String.join(", ", allowed));
                    }
                }
            }
        }

        String label(String key) {
            if (key == null) {
                return path.isEmpty() ? "config" : path;
            }
            return path.isEmpty() ? key : path + "." + key;
        }

        boolean has(String key) {
            return node != null && node.has(key) && !node.get(key).isNull();
        }

        JsonNode raw(String key) {
            used.add(key);
            return has(key) ? node.get(key) : null;
        }

        Section section(String key, String... keys) {
            return new Section(label(key), raw(key), keys);
        }

        String string(String key, String def) {
            JsonNode v = raw(key);
            if (v == null) {
                return def;
            }
            if (!v.isValueNode()) {
                throw new IllegalArgumentException(label(key) + ": must be a single value");
            }
            return v.asText();
        }

        String choice(String key, String def, String... allowedValues) {
            String v = string(key, def);
            if (v == null) {
                return null;
            }
            String lower = v.trim().toLowerCase(Locale.ROOT);
            for (String a : allowedValues) {
                if (a.equals(lower)) {
                    return a;
                }
            }
            throw new IllegalArgumentException(label(key) + ": '" + v + "' is not allowed; allowed: "
                    + String.join(", ", new LinkedHashSet<>(Arrays.asList(allowedValues))));
        }

        boolean bool(String key, boolean def) {
            JsonNode v = raw(key);
            if (v == null) {
                return def;
            }
            if (!v.isBoolean()) {
                throw new IllegalArgumentException(label(key) + ": '" + v.asText() + "' is not allowed; allowed: true,"
                        + " false");
            }
            return v.asBoolean();
        }

        double number(String key, double def, double min, double max) {
            JsonNode v = raw(key);
            if (v == null) {
                return def;
            }
            double x = toDouble(key, v);
            if (!(x >= min && x <= max)) {
                throw new IllegalArgumentException(label(key) + ": " + v.asText() + " is out of range; allowed: "
                        + range(min, max, false));
            }
            return x;
        }

        /** A number in [min, max). */
        double numberOpen(String key, double def, double min, double max) {
            JsonNode v = raw(key);
            if (v == null) {
                return def;
            }
            double x = toDouble(key, v);
            if (!(x >= min && x < max)) {
                throw new IllegalArgumentException(label(key) + ": " + v.asText() + " is out of range; allowed: "
                        + range(min, max, true));
            }
            return x;
        }

        private double toDouble(String key, JsonNode v) {
            if (v.isNumber()) {
                return v.asDouble();
            }
            if (v.isTextual()) {
                try {
                    return Double.parseDouble(v.asText().trim());
                } catch (NumberFormatException e) {
                    // fall through
                }
            }
            throw new IllegalArgumentException(label(key) + ": '" + v.asText() + "' is not a number");
        }

        int integer(String key, int def, int min, int max) {
            JsonNode v = raw(key);
            if (v == null) {
                return def;
            }
            if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                throw new IllegalArgumentException(label(key) + ": '" + v.asText() + "' is not an integer; allowed: "
                        + range(min, max, false));
            }
            long x = v.asLong();
            if (x < min || x > max) {
                throw new IllegalArgumentException(label(key) + ": " + x + " is out of range; allowed: "
                        + range(min, max, false));
            }
            return (int) x;
        }

        long longValue(String key, long def) {
            JsonNode v = raw(key);
            if (v == null) {
                return def;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new IllegalArgumentException(label(key) + ": '" + v.asText() + "' is not an integer");
            }
            return v.asLong();
        }

        List<Long> longList(String key, List<Long> def) {
            JsonNode v = raw(key);
            if (v == null) {
                return def;
            }
            List<Long> out = new ArrayList<>();
            if (v.isIntegralNumber()) {
                out.add(v.asLong());
            } else if (v.isArray() && !v.isEmpty()) {
                for (JsonNode e : v) {
                    if (!e.isIntegralNumber() || !e.canConvertToLong()) {
                        throw new IllegalArgumentException(label(key) + ": '" + e.asText() + "' is not an integer;"
                                + " allowed: a list of integer seeds");
                    }
                    if (out.contains(e.asLong())) {
                        throw new IllegalArgumentException(label(key) + ": seed " + e.asLong() + " is listed twice");
                    }
                    out.add(e.asLong());
                }
            } else {
                throw new IllegalArgumentException(label(key) + ": allowed: an integer or a non-empty list of integers");
            }
            return out;
        }

        void finish() {
            // every key was validated against the allowed list in the constructor; nothing else to check
        }

        private static String range(double min, double max, boolean openTop) {
            String lo = min == Double.MIN_VALUE ? "> 0" : ">= " + fmt(min);
            if (max >= Double.MAX_VALUE || max >= Integer.MAX_VALUE) {
                return lo;
            }
            return (min == Double.MIN_VALUE ? "(0, " : "[" + fmt(min) + ", ") + fmt(max) + (openTop ? ")" : "]");
        }

        private static String fmt(double x) {
            return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
        }
    }
}
