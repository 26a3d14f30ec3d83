package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alignscope.monitor.MonitorOptions;
import org.alignscope.nn.Loss;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {

    @Test
    void defaultsAreSongEtAl() {
        TrainConfig c = ConfigReader.parse("name: x\n", "test");
        assertEquals("mlp:784-200-200-10:tanh", c.model().spec());
        assertEquals(Loss.MSE, c.model().loss());
        assertEquals(50, c.batchSize());
        assertEquals(0.01, c.optimizer().lr());
        assertEquals(10, c.subspace().k());
        assertEquals(org.alignscope.nn.OperatorKind.HESSIAN, c.subspace().operator());
        assertEquals(0.9, c.switching().ema());
        assertEquals(0.95, c.switching().threshold());
        assertEquals(List.of("plain", "dom", "bulk"), c.arms().stream().map(TrainConfig.Arm::name).toList());
        assertEquals(List.of(1L), c.seeds());
        assertEquals(1, c.model().threads());
    }

    @Test
    void derivedDefaultsFollowTheKeysTheyDeriveFrom() {
        TrainConfig c = ConfigReader.parse("training: {steps: 500}\nsubspace: {k: 20, refresh_every: 7}\n"
                + "monitor: {k: 3, k_spread: 1}\n", "t");
        assertEquals(50, c.subspace().krylov(), "max(2k + 10, 30)");
        assertEquals(1200, c.subspace().maxHvps(), "50k + 200");
        assertEquals(7, c.switching().checkEvery(), "subspace.refresh_every");
        assertEquals(499, c.switching().fallbackStep(), "min(steps - 1, 2000)");
        assertEquals(500, c.optimizer().schedule().cosineSteps(), "training.steps");
        assertEquals(750, c.monitor().maxHvps(), "50(k + k_spread + 1) + 500");
        assertEquals(10000, c.data().testSamples(), "fashion-mnist");
        TrainConfig d = ConfigReader.parse("data: {source: gaussian-mixture, classes: 3, train_samples: 30}\n", "t");
        assertEquals(0, d.data().testSamples(), "gaussian-mixture");
        assertEquals(30, d.subspace().krylov());
        assertEquals(999, d.switching().fallbackStep(), "min(1000 - 1, 2000)");
        assertEquals(2000, ConfigReader.parse("training: {steps: 5000}\n", "t").switching().fallbackStep());
        assertEquals(3, c.monitor().k(), "monitor.k given");
        assertEquals(7, ConfigReader.parse("subspace: {k: 7}\nmonitor: {}\n", "t").monitor().k(), "subspace.k");
    }

    @Test
    void fullConfig() {
        TrainConfig c = ConfigReader.parse(String.join("\n",
                "seeds: [3, 4]",
                "optimizer: {name: adamw, lr: 0.001, weight_decay: 0.01, schedule: {kind: cosine, warmup: 10}}",
                "training: {steps: 500, batch_size: 20}",
                "arms:",
                "  - {name: mix, projection: interp, a: 0.1, b: 1}",
                "  - {name: domg, projection: dom, apply_to: gradient}",
                "subspace: {operator: ggn}"), "test");
        assertEquals(org.alignscope.nn.OperatorKind.GGN, c.subspace().operator());
        assertEquals(List.of(3L, 4L), c.seeds());
        assertEquals(LrMultiplier.Kind.COSINE, c.optimizer().schedule().kind());
        assertEquals(500, c.optimizer().schedule().cosineSteps());
        assertEquals(new ArmProjection(ArmProjection.Kind.INTERP, 0.1, 1, ArmProjection.Target.UPDATE), c.arms().get(0)
                .projection());
        assertEquals(ArmProjection.Target.GRADIENT, c.arms().get(1).projection().target());
        assertEquals(Sampler.EPOCH, c.sampler(), "the default sampler");
        assertEquals(Sampler.REPLACEMENT, ConfigReader.parse("training: {sampler: replacement}", "t").sampler());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "optimizer: {lrr: 0.1}|optimizer.lrr: unknown key; allowed: name, lr, momentum",
        "colour: red|colour: unknown key; allowed: name, seeds, data",
        "optimizer: {name: lbfgs}|optimizer.name: 'lbfgs' is not allowed; allowed: sgd, momentum, nesterov, adam, adamw, rmsprop",
        "optimizer: {lr: -1}|optimizer.lr: -1 is out of range; allowed: (0, 1000000]",
        "optimizer: {momentum: 1}|optimizer.momentum: 1 is out of range; allowed: [0, 1)",
        "switch: {threshold: 1.5}|switch.threshold: 1.5 is out of range; allowed: [0, 1]",
        "training: {steps: 0}|training.steps: 0 is out of range; allowed: [1, 100000000]",
        "training: {batch_size: 2.5}|training.batch_size: '2.5' is not an integer",
        "training: {sampler: bootstrap}|training.sampler: 'bootstrap' is not allowed; allowed: epoch, replacement",
        "model: {loss: hinge}|model.loss: 'hinge' is not allowed; allowed: mse, ce",
        "model: {threads: 0}|model.threads: 0 is out of range; allowed: [1, 64]",
        "arms: [{name: a, projection: sideways}]|arms[0].projection: 'sideways' is not allowed; allowed: none, dom, bulk, interp",
        "arms: [{name: a, projection: dom, a: 2}]|arms[0].a: a and b are allowed with projection interp only",
        "arms: [{name: a, projection: none}, {name: a, projection: dom}]|arms[1].name: 'a' is used twice",
        "subspace: {k: 0}|subspace.k: 0 is out of range; allowed: [1, 1000]",
        "subspace: {operator: fisher}|subspace.operator: 'fisher' is not allowed; allowed: hessian, ggn",
        "model: {spec: 'mlp:784-x-10:tanh'}|model.spec:",
        "seeds: [1, 1]|seeds: seed 1 is listed twice",
        "arms: [{name: a, projection: dom, track: false}]|arms[0].track: must be true for a projected arm",
        "arms: [{name: a, projection: interp, a: 1}]|arms[0].b: projection interp needs a and b",
        "arms: [{projection: dom}]|arms[0].name: required; allowed: letters, digits, _ . -",
        "arms: [{name: \"a b\", projection: dom}]|arms[0].name: 'a b' is not allowed; allowed: letters, digits, _ . -",
        "arms: []|arms: must be a non-empty list of {name, projection, ...}",
        "data: {train_samples: 55}|data.train_samples: must be a multiple of 10 for fashion-mnist, got 55",
        "data: {classes: 20, train_samples: 10}|data.train_samples: 10 is out of range; allowed: [20, 60000]",
        "data: {other: 1}|data.other: unknown key; allowed: source, folder, classes, train_samples, test_samples,",
        "data: {test_samples: 10001}|data.test_samples: 10001 is out of range; allowed: [0, 10000]",
        "training: {batch_size: 6000}|training.batch_size: 6000 is out of range; allowed: [1, 5000]",
        "subspace: {k: 20, krylov: 21}|subspace.krylov: 21 is out of range; allowed: [22, 100000]",
        "subspace: {k: 20, max_hvps: 39}|subspace.max_hvps: 39 is out of range; allowed: >= 40",
        "training: {steps: 10}\\nswitch: {fallback_step: 10}|switch.fallback_step: 10 is out of range; allowed: [0, 9]",
        "[1, 2]|test: the top level must be a mapping of keys",
    })
    void errorsNameTheKeyAndTheAllowedValues(String yaml, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigReader.parse(yaml.replace("\\n", "\n"), "test"));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void presetsParse() throws Exception {
        Path dir = Path.of("..", "configs");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                TrainConfig c = ConfigReader.read(f);
                // the monitor's copy of the quick preset runs one seed: the monitor costs several times the training
                assertTrue(!f.getFileName().toString().startsWith("quick") || c.seeds().size() >= 3
                        || c.monitor() != null, f + " should run at least 3 seeds");
            }
        }
    }

    @Test
    void monitorSectionDefaultsAndValidation() {
        String base = "arms: [{name: plain, projection: none, track: false}, {name: dom, projection: dom}]\n"
                + "subspace: {k: 7}\n";
        assertEquals(null, ConfigReader.parse(base, "t").monitor());
        TrainConfig.Monitor m = ConfigReader.parse(base + "monitor: {}\n", "t").monitor();
        assertEquals(100, m.every());
        assertEquals(7, m.k(), "k defaults to subspace.k");
        assertEquals(32, m.samples());
        assertEquals(List.of("dom"), m.arms(), "default: the tracked arms");
        assertEquals(0.9, m.thetaThreshold());
        assertEquals(2, m.kSpread());
        m = ConfigReader.parse(base + "monitor: {every: 20, k: 3, samples: 8, arms: [plain, dom],"
                + " theta_threshold: 0.8, k_spread: 1, tolerance: 1e-5, max_hvps: 300}\n", "t").monitor();
        assertEquals(List.of(20, 3, 8, 1, 300), List.of(m.every(), m.k(), m.samples(), m.kSpread(), m.maxHvps()));
        assertEquals(List.of("plain", "dom"), m.arms());
        assertEquals(null, m.adaptive());
        assertEquals(0, m.cumulativePoints(), "cumulative predictions are off by default");
        m = ConfigReader.parse(base + "training: {batch_size: 300}\nmonitor: {cumulative_points: 4}\n", "t").monitor();
        assertEquals(List.of(4, 17), List.of(m.cumulativePoints(), m.cumulativeWindow()), "one epoch: ⌈5000/300⌉");
        m = ConfigReader.parse(base + "monitor: {k: Auto}\n", "t").monitor();
        assertEquals(MonitorOptions.AUTO_K, m.k(), "k: auto");
        assertEquals("auto", m.describeK());
        assertEquals(50 * (30 + 2 + 1) + 500, m.maxHvps(), "auto's budget counts k as 30");
        m = ConfigReader.parse(base + "monitor: {every: adaptive}\n", "t").monitor();
        assertEquals(new TrainConfig.Adaptive(10, 200, 0.05), m.adaptive(), "adaptive defaults");
        m = ConfigReader.parse(base + "monitor: {every: Adaptive, min_every: 5, max_every: 50, change: 0.2}\n", "t")
                .monitor();
        assertEquals(new TrainConfig.Adaptive(5, 50, 0.2), m.adaptive());
        for (String[] bad : new String[][] {
            {"monitor: {every: often}", "monitor.every: 'often' is neither an integer >= 1 nor 'adaptive'"},
            {"monitor: {every: 10, min_every: 5}", "monitor.min_every: allowed only with monitor.every: adaptive"},
            {"monitor: {every: adaptive, min_every: 0}", "monitor.min_every: 0 is out of range"},
            {"monitor: {every: adaptive, min_every: 20, max_every: 10}", "monitor.max_every: 10 is out of range"},
            {"monitor: {every: adaptive, change: 0}", "monitor.change: 0 is out of range"},
            {"monitor: {every: adaptive, change: 1.5}", "monitor.change: 1.5 is out of range"},
            {"monitor: {probe_steps: 1}", "monitor.probe_steps: 1 is not allowed; allowed: 0 (off) or >= 2"},
            {"monitor: {probe_steps: -3}", "monitor.probe_steps: -3 is out of range"},
            {"monitor: {cumulative_points: 1}", "monitor.cumulative_points: 1 is not allowed; allowed: 0 (off) or >= 2"},
            {"optimizer: {weight_decay: 0.1}\nmonitor: {cumulative_points: 4}", "monitor.cumulative_points: 4 is not"
                    + " allowed; allowed: 0 (off) or >= 2, with optimizer.name sgd and optimizer.weight_decay 0 only"},
            {"monitor: {cumulative_points: -1}", "monitor.cumulative_points: -1 is out of range"},
            {"monitor: {cumulative_window: 5}", "monitor.cumulative_window: allowed only with"
                    + " monitor.cumulative_points >= 2"},
            {"monitor: {cumulative_points: 4, cumulative_window: 0}", "monitor.cumulative_window: 0 is out of range"},
            {"monitor: {evry: 3}", "monitor.evry: unknown key; allowed: every, k, samples, arms"},
            {"monitor: {every: 0}", "monitor.every: 0 is out of range"},
            {"monitor: {samples: 1}", "monitor.samples: 1 is out of range"},
            {"monitor: {theta_threshold: 2}", "monitor.theta_threshold: 2 is out of range; allowed: [0, 1]"},
            {"monitor: {arms: [bulk]}", "monitor.arms: 'bulk' is not an arm; allowed: plain, dom"},
            {"monitor: {arms: [dom, dom]}", "monitor.arms: 'dom' is listed twice"},
            {"monitor: {arms: dom}", "monitor.arms: must be a non-empty list of arm names"},
            {"monitor: {effective_step: true}", "monitor.effective_step: allowed true only with"},
            {"monitor: 3", "monitor: must be a mapping"},
            {"monitor: {k: many}", "monitor.k: 'many' is neither an integer in [1, 1000] nor 'auto'"},
            {"monitor: {k: 0}", "monitor.k: 0 is out of range; allowed: integer in [1, 1000] or auto"},
            {"model: {spec: 'mlp:6-5-3:tanh'}\nmonitor: {k: 53}", "monitor.k: 53 does not fit the 53 parameters;"
                    + " allowed: an integer in [1, 52], or auto"},
            {"model: {spec: 'mlp:6-2-3:tanh'}\nmonitor: {k: auto}", "monitor.k: auto does not fit the 23"
                    + " parameters; allowed: an integer in [1, 22] (auto needs at least 32 parameters)"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ConfigReader.parse(base + bad[0] + "\n", "t"));
            assertTrue(e.getMessage().startsWith(bad[1]), e.getMessage());
        }
    }

    @Test
    @Tag("reliability")
    void dynamicKReplacesKAndIsCheckedAgainstTheOtherSettings() {
        String base = "arms: [{name: plain, projection: none, track: false}, {name: dom, projection: dom}]\n"
                + "subspace: {k: 7}\n";
        TrainConfig.Monitor off = ConfigReader.parse(base + "monitor: {}\n", "t").monitor();
        assertEquals(List.of(0.0, 1), List.of(off.dynamicK(), off.kMin()), "off by default, k_min 1");
        TrainConfig.Monitor m = ConfigReader.parse(base + "monitor: {dynamic_k: 2}\n", "t").monitor();
        assertEquals(List.of(2.0, 1), List.of(m.dynamicK(), m.kMin()));
        assertEquals(50 * (50 + 2 + 1) + 500, m.maxHvps(), "dynamic_k's budget counts k as 50");
        assertEquals("dynamic_k: 2.0", m.describeK());
        MonitorOptions o = MonitorBridge.options(ConfigReader.parse(base + "monitor: {dynamic_k: 1.5, k_min: 3}\n",
                "t"), null, 0);
        assertEquals(List.of(1.5, 3), List.of(o.dynamicC(), o.kMin()));
        assertTrue(o.dynamicK());
        m = ConfigReader.parse(base + "optimizer: {name: momentum, momentum: 0.9}\nmonitor: {dynamic_k: 2,"
                + " effective_step: true}\n", "t").monitor();
        assertEquals(2.0, m.dynamicK(), "momentum with the effective step");
        for (String[] bad : new String[][] {
            {"monitor: {dynamic_k: 0}", "monitor.dynamic_k: 0 is out of range; allowed: > 0"},
            {"monitor: {dynamic_k: -2}", "monitor.dynamic_k: -2 is out of range; allowed: > 0"},
            {"monitor: {dynamic_k: often}", "monitor.dynamic_k: 'often' is not a number"},
            {"monitor: {dynamic_k: 2, k_min: 0}", "monitor.k_min: 0 is out of range; allowed: [1, 50]"},
            {"monitor: {dynamic_k: 2, k_min: 51}", "monitor.k_min: 51 is out of range; allowed: [1, 50]"},
            {"monitor: {k_min: 2}", "monitor.k_min: allowed only with monitor.dynamic_k"},
            {"monitor: {dynamic_k: 2, k: 4}", "monitor.k: not allowed together with monitor.dynamic_k"},
            {"monitor: {dynamic_k: 2, k: auto}", "monitor.k: not allowed together with monitor.dynamic_k"},
            {"optimizer: {name: adam}\nmonitor: {dynamic_k: 2}", "monitor.dynamic_k: allowed only with optimizer.name"
                    + " sgd, or momentum or nesterov with monitor.effective_step: true (got adam)"},
            {"optimizer: {name: momentum, momentum: 0.9}\nmonitor: {dynamic_k: 2}", "monitor.dynamic_k: allowed"
                    + " only with optimizer.name sgd"},
            {"model: {spec: 'mlp:6-2-3:tanh'}\nmonitor: {dynamic_k: 2, k_min: 23}", "monitor.k_min: 23 does not fit"
                    + " the 23 parameters; allowed: an integer in [1, 22]"},
            {"monitor: {dynamic_k: 2, max_hvps: 100}", "monitor.max_hvps: 100 is out of range"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ConfigReader.parse(base + bad[0] + "\n", "t"));
            assertTrue(e.getMessage().startsWith(bad[1]), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void theMonitorPresetIsTheQuickPresetWithAMonitorSection() {
        Path dir = Path.of("..", "configs");
        TrainConfig quick = ConfigReader.read(dir.resolve("quick-fmnist-mlp.yaml"));
        TrainConfig mon = ConfigReader.read(dir.resolve("quick-fmnist-mlp-monitor.yaml"));
        assertEquals(List.of(1L), mon.seeds());
        assertEquals(List.of("plain", "dom", "bulk"), mon.monitor().arms());
        assertEquals(20, mon.monitor().every());
        assertEquals(new TrainConfig("quick-fmnist-mlp-monitor", List.of(1L), quick.data(), quick.model(),
                quick.optimizer(), quick.steps(), quick.batchSize(), quick.sampler(), quick.subspace(),
                quick.switching(), quick.arms(),
                quick.logging(), mon.monitor()), mon);
    }
}
