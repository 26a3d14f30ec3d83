package org.alignscope.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.alignscope.data.DataException;
import org.alignscope.data.Dataset;
import org.alignscope.data.FashionMnist;
import org.alignscope.data.GaussianMixture;
import org.alignscope.data.Preprocessing;
import org.alignscope.linalg.progress.Progress;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.monitor.AdaptiveSchedule;
import org.alignscope.monitor.CumulativeColumn;
import org.alignscope.monitor.CumulativeWindow;
import org.alignscope.monitor.CurvatureSource;
import org.alignscope.monitor.LossPrediction;
import org.alignscope.monitor.EvaluationSetup;
import org.alignscope.monitor.MonitorOptions;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.monitor.MonitorSchedule;
import org.alignscope.monitor.TrainingMonitor;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Model;
import org.alignscope.nn.ModelSpec;
import org.alignscope.nn.ReferenceSet;

/**
 * Runs a {@link TrainConfig}: for each seed, the base optimizer trains from step 0; every
 * {@code switch.check_every} steps the top-k eigenvectors of the reference-set Hessian are recomputed and
 * χ = ‖P_D ∇L_ref‖ / ‖∇L_ref‖ of the reference-set gradient feeds an EMA; when the EMA exceeds the threshold (or at
 * the fallback step) every arm branches from that exact state (parameters, optimizer state, basis) and all arms
 * then advance in lock step, step t using the same mini-batch in every arm (the {@link Sampler}'s
 * {@link BatchOrder}). Each arm refreshes its own subspace every {@code subspace.refresh_every} steps after the
 * switch, warm-started from its previous basis.
 *
 * <p>Output per seed and arm: {@code OUT/<arm>/seed_<seed>/metrics.csv} and {@code metrics.jsonl}; the base
 * phase's rows are written to every arm's files so that each file covers steps 0..T. The columns are in
 * {@link #columns}. Checkpoints ({@code OUT/checkpoint/}) are written every {@code logging.checkpoint_every}
 * steps; {@link #resume} continues from the last one bit for bit.
 *
 * <p>Randomness is a pure function of (seed, purpose, index): the initialisation
 * ({@code Models.INIT_STREAM}), the data order ({@link DataOrder#STREAM} per epoch, or
 * {@link ReplacementOrder#STREAM} per step) and each Lanczos start ({@link #LANCZOS_STREAM}, per arm and refresh), so
 * a checkpoint holds no generator state.
 */
public final class Trainer {
    /** The file stem of the cumulative predictions ({@code cumulative.csv}, {@code cumulative.jsonl}). */
    static final String CUMULATIVE = "cumulative";
    /** The stem of the probe files ({@code probe.csv}, {@code probe.jsonl}). */
    static final String PROBE = "probe";
    /** Path element of the cumulative predictions' step draws ("TCUM"). */
    public static final long CUMULATIVE_STREAM = 0x5443554DL;
    /** Path element of the Lanczos seeds ("TLAN"). */
    public static final long LANCZOS_STREAM = 0x544C414EL;

    private final TrainConfig cfg;
    private final Path out;
    private final Consumer<String> progress;
    /** Steps done over all seeds, of seeds × steps. */
    private Progress stepProgress = Progress.NONE;
    private final Dataset train;
    private final Dataset test;
    private final ReferenceSet reference;
    private final Dataset referenceData;
    private final ReferenceSet trainSet;
    private final ReferenceSet testSet;
    private final List<String> columns;
    private final List<SeedResult> results = new ArrayList<>();
    private final ActivityClock clock = new ActivityClock();
    private final List<TrainingListener> extraListeners;
    /** Test hook: throw {@link Interrupted} after this (seed index, step) has been written. */
    int interruptSeedIndex = -1;
    long interruptStep = -1;

    /** Thrown by the test hook to simulate a killed run. */
    static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted by the test hook");
        }
    }

    /** Loads the data and checks that the model fits it; nothing is written yet. */
    public Trainer(TrainConfig cfg, Path out, Consumer<String> progress) {
        this(cfg, out, progress, List.of());
    }

    /**
     * As {@link #Trainer(TrainConfig, Path, Consumer)}, with extra listeners that run after the built-in ones that
     * fill the metrics row and before it is written; their columns are appended to the metrics files.
     */
    public Trainer(TrainConfig cfg, Path out, Consumer<String> progress, List<TrainingListener> extraListeners) {
        this.cfg = cfg;
        this.extraListeners = List.copyOf(extraListeners);
        this.out = out;
        this.progress = progress == null ? s -> { } : progress;
        TrainConfig.Data d = cfg.data();
        if (d.source().equals("fashion-mnist")) {
            Path folder = d.folder() == null ? null : Path.of(d.folder());
            Preprocessing.TrainTest tt;
            try {
                tt = FashionMnist.standard(folder, d.trainSamples());
            } catch (DataException e) {
                throw new IllegalArgumentException("data: " + e.getMessage());
            }
            train = tt.train();
            test = d.testSamples() == 0 ? null : firstSamples(tt.test(), d.testSamples());
        } else {
            Dataset all = GaussianMixture.generate(d.trainSamples() + d.testSamples(), d.dimension(), d.classes(),
                    d.separation(), d.noise(), d.seed());
            train = firstSamples(all, d.trainSamples());
            test = d.testSamples() == 0 ? null : all.select(range(d.trainSamples(), d.testSamples()), "test");
        }
        ModelSpec spec = ModelSpec.parse(cfg.model().spec());
        if (spec.input().size() != train.featureCount()) {
            throw new IllegalArgumentException("model.spec: input size " + spec.input().size() + " does not match the "
                    + train.featureCount() + " features of " + d.source());
        }
        if (spec.output().size() != train.classCount()) {
            throw new IllegalArgumentException("model.spec: output size " + spec.output().size() + " does not match the "
                    + train.classCount() + " classes of " + d.source());
        }
        if (cfg.subspace().k() > spec.parameterCount()) {
            throw new IllegalArgumentException("subspace.k: " + cfg.subspace().k() + " exceeds the parameter count "
                    + spec.parameterCount());
        }
        int chunk = cfg.subspace().chunk();
        trainSet = ReferenceSet.of(train.features(), train.labels(), chunk);
        int nRef = cfg.subspace().referenceSamples();
        referenceData = nRef == 0 ? train : firstSamples(train, nRef);
        reference = nRef == 0 || nRef == train.size() ? trainSet
                : ReferenceSet.of(referenceData.features(), referenceData.labels(), chunk);
        testSet = test == null ? null : ReferenceSet.of(test.features(), test.labels(), chunk);
        List<String> names = new ArrayList<>(columns(cfg.subspace().k()));
        for (TrainingListener l : this.extraListeners) {
            names.addAll(l.columns());
        }
        columns = List.copyOf(names);
    }

    private static int[] range(int from, int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static Dataset firstSamples(Dataset d, int n) {
        return n >= d.size() ? d : d.select(range(0, n), d.name() + "-first-" + n);
    }

    /** The CSV columns for a given k ({@link MetricsColumn}). */
    public static List<String> columns(int k) {
        return MetricsColumn.names(k);
    }

    public Dataset trainingData() {
        return train;
    }

    public List<SeedResult> results() {
        return results;
    }

    /** Seconds spent per activity (steps, refreshes, evaluations), summed over seeds and arms of this process. */
    public Map<String, Double> seconds() {
        return clock.seconds();
    }

    // ------------------------------------------------------------------------------------------------ state

    /** One trajectory: the base run before the switch, or one arm after it. */
    static final class Arm {
        final String name;
        final int index;
        final ArmProjection projection;
        boolean track = true;
        final Model model;
        final Optimizer opt;
        private double[][] basis;
        private Subspace sub;
        int refreshes;
        long lastRefresh = -1;
        long hvps;
        String status = "ok";
        Long divergedStep;
        Double lastRefLoss;
        Double lastTrainAcc;
        Double lastTestAcc;
        Double lastRefChi;
        final List<MetricsWriter> writers = new ArrayList<>();
        /** The monitor files this trajectory writes to (empty: not monitored). */
        final List<MetricsWriter> monitorWriters = new ArrayList<>();
        /**
         * This trajectory's alignment monitor (null without a {@code monitor:} section): its schedule, and the
         * eigenvectors of its last evaluation, which the checkpoint keeps as the next solve's warm start.
         */
        TrainingMonitor monitor;
        /** The cumulative-prediction files this trajectory writes to (empty: no cumulative predictions). */
        final List<MetricsWriter> cumulativeWriters = new ArrayList<>();
        /** The probe files ({@code probe.csv}) this trajectory writes to (empty: no probes). */
        final List<MetricsWriter> probeWriters = new ArrayList<>();
        /** The open window of the cumulative predictions, or null between windows and without them. */
        CumulativeWindow window;
        /** The projected-step probe made with the monitor's pending evaluation, or null. */
        ProjectedProbe.Result pendingProbe;
        /** The θ-probe's rows made with the monitor's pending evaluation (empty: none). */
        List<ProbeRow> pendingThetaProbe = List.of();
        final double[] g;
        final double[] u;

        Arm(String name, int index, ArmProjection projection, Model model, Optimizer opt) {
            this.name = name;
            this.index = index;
            this.projection = projection;
            this.model = model;
            this.opt = opt;
            this.g = new double[model.parameterCount()];
            this.u = new double[model.parameterCount()];
        }

        boolean running() {
            return status.equals("ok");
        }

        Subspace subspace() {
            return sub;
        }

        double[][] basis() {
            return basis;
        }

        void setBasis(double[][] b) {
            basis = b;
            sub = b == null ? null : new Subspace(b);
        }

        /** Stops this trajectory at step t; {@code reason} becomes its status. */
        void stop(long t, String reason) {
            status = reason;
            divergedStep = t;
        }

        /** Writes a complete row to this trajectory's metrics files. */
        void write(Row row) {
            for (MetricsWriter w : writers) {
                w.row(row.v, row.arrays);
            }
        }

        /** An arm (configured as {@code ca}, 1-based {@code index}) that starts from this run's exact state. */
        Arm branch(TrainConfig.Arm ca, int index, Model m, MetricsWriter w, MetricsWriter mw, MetricsWriter cw,
                   MetricsWriter pw) {
            System.arraycopy(model.parameters(), 0, m.parameters(), 0, m.parameterCount());
            Arm a = new Arm(ca.name(), index, ca.projection(), m, opt.copy());
            a.setBasis(copy(basis));
            a.refreshes = refreshes;
            a.lastRefresh = lastRefresh;
            a.hvps = hvps;
            a.lastRefLoss = lastRefLoss;
            a.lastTrainAcc = lastTrainAcc;
            a.lastTestAcc = lastTestAcc;
            a.lastRefChi = lastRefChi;
            a.writers.add(w);
            if (mw != null) {
                a.monitorWriters.add(mw);
            }
            if (cw != null) {
                a.cumulativeWriters.add(cw);
                a.window = window == null ? null : CumulativeWindow.restore(window.state());
            }
            if (pw != null) {
                a.probeWriters.add(pw);
            }
            a.track = ca.track();
            if (!a.track) {
                a.setBasis(null);
            }
            return a;
        }
    }

    /** The state of the seed being run. */
    static final class SeedState {
        int seedIndex;
        long seed;
        long step;
        boolean basePhase = true;
        double ema = Double.NaN;
        Long switchStep;
        String switchReason;
        Double switchEma;
        Double refLossAtSwitch;
        Arm base;
        final List<Arm> arms = new ArrayList<>();
        final List<MetricsWriter> writers = new ArrayList<>();
        /** Per configured arm, its monitor files, or null where the arm is not monitored. */
        final List<MetricsWriter> monitorWriters = new ArrayList<>();
        /** Per configured arm, its cumulative-prediction files, or null where there are none. */
        final List<MetricsWriter> cumulativeWriters = new ArrayList<>();
        /** Per configured arm, its probe files, or null where it is not probed. */
        final List<MetricsWriter> probeWriters = new ArrayList<>();

        /** The seed's result; a base run that stopped before the switch gives every arm its fate. */
        SeedResult result(TrainConfig cfg) {
            List<ArmResult> ar = new ArrayList<>();
            if (basePhase) {
                for (TrainConfig.Arm a : cfg.arms()) {
                    ar.add(new ArmResult(a.name(), a.projection().label(), base.status, base.divergedStep, null,
                            base.lastRefLoss, base.lastTrainAcc, base.lastTestAcc, base.lastRefChi,
                            base.refreshes, base.hvps));
                }
            } else {
                for (Arm a : arms) {
                    ar.add(new ArmResult(a.name, a.projection.label(), a.status, a.divergedStep, refLossAtSwitch,
                            a.lastRefLoss, a.lastTrainAcc, a.lastTestAcc, a.lastRefChi, a.refreshes, a.hvps));
                }
            }
            return new SeedResult(seed, switchStep, switchReason, switchEma, ar);
        }

        /** The running trajectory of that name. */
        Arm trajectory(String name) {
            for (Arm a : basePhase ? List.of(base) : arms) {
                if (a.name.equals(name)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("no trajectory " + name);
        }

        void closeWriters() {
            for (MetricsWriter w : writers) {
                w.close();
            }
            for (List<MetricsWriter> files : List.of(monitorWriters, cumulativeWriters, probeWriters)) {
                for (MetricsWriter w : files) {
                    if (w != null) {
                        w.close();
                    }
                }
            }
        }
    }

    /** A metrics row being filled. */
    static final class Row {
        final Map<String, Object> v = new LinkedHashMap<>();
        final Map<String, double[]> arrays = new LinkedHashMap<>();

        Row(long step, String phase) {
            v.put("step", step);
            v.put("phase", phase);
        }

        Row copy(String phase) {
            Row r = new Row((Long) v.get("step"), phase);
            r.v.putAll(v);
            r.v.put("phase", phase);
            r.arrays.putAll(arrays);
            return r;
        }

        void put(String k, Object x) {
            v.put(k, x);
        }
    }

    // ------------------------------------------------------------------------------------------------ running

    /** Prints one progress line (the run's end-of-run summaries). */
    void report(String line) {
        progress.accept(line);
    }

    /** Reports finished steps (seeds × steps units; a seed that stops early counts as finished) to {@code p}. */
    public void reportTo(Progress p) {
        this.stepProgress = p;
    }

    /**
     * The loop with its listeners in their order: progress, checkpoints, subspace refreshes, reference-set
     * evaluations, the switch rule, the monitor, divergence detection, the extra listeners, and last the writing
     * of the metrics rows.
     */
    private TrainingLoop loop() {
        List<TrainingListener> listeners = new ArrayList<>(List.of(
                new ProgressReporting(cfg, progress, stepProgress),
                new Checkpointing(cfg),
                new SubspaceRefresh(cfg, reference, clock),
                new ReferenceEvaluation(cfg, reference, trainSet, testSet, clock),
                new SwitchRule(cfg, progress),
                new MonitorListener(cfg, this, clock),
                new CumulativePredictions(cfg, this),
                new DivergenceDetection(cfg)));
        listeners.addAll(extraListeners);
        listeners.add(new MetricsRows());
        return new TrainingLoop(this, listeners, progress, clock, results);
    }

    /** Runs every seed from the start. */
    public List<SeedResult> run() {
        for (int i = 0; i < cfg.seeds().size(); i++) {
            loop().run(freshSeed(i));
        }
        return results;
    }

    /** Continues from the checkpoint folder {@code checkpoint} (a complete copy of {@code OUT/checkpoint}). */
    public List<SeedResult> resume(Path checkpoint) throws IOException {
        TrainCheckpoint.Loaded c = TrainCheckpoint.load(checkpoint, this);
        results.addAll(c.completed());
        loop().run(c.state());
        for (int i = c.state().seedIndex + 1; i < cfg.seeds().size(); i++) {
            loop().run(freshSeed(i));
        }
        return results;
    }

    TrainConfig config() {
        return cfg;
    }

    List<String> columnList() {
        return columns;
    }

    Path outFolder() {
        return out;
    }

    Model newModel() {
        return cfg.model().create();
    }

    Path armFolder(String arm, long seed) {
        return out.resolve(arm).resolve("seed_" + seed);
    }

    private SeedState freshSeed(int i) {
        SeedState s = new SeedState();
        s.seedIndex = i;
        s.seed = cfg.seeds().get(i);
        Model m = cfg.model().create(s.seed);
        s.base = new Arm("base", 0, ArmProjection.NONE, m, Optimizer.create(cfg.optimizer()));
        attachMonitor(s.base, s.seed, cfg.monitor() == null ? null : cfg.monitor().schedule(), null);
        s.base.opt.initialise(m.parameterCount());
        for (TrainConfig.Arm a : cfg.arms()) {
            MetricsWriter w = MetricsWriter.create(armFolder(a.name(), s.seed), columns);
            s.writers.add(w);
            s.base.writers.add(w);
            MetricsWriter mw = cfg.monitor() != null && cfg.monitor().monitors(a.name())
                    ? MetricsWriter.create(armFolder(a.name(), s.seed), "monitor",
                    MonitorBridge.columns(cfg.monitor())) : null;
            s.monitorWriters.add(mw);
            if (mw != null) {
                s.base.monitorWriters.add(mw);
            }
            MetricsWriter cw = mw != null && cfg.monitor().cumulative()
                    ? MetricsWriter.create(armFolder(a.name(), s.seed), CUMULATIVE, CumulativeColumn.names()) : null;
            s.cumulativeWriters.add(cw);
            if (cw != null) {
                s.base.cumulativeWriters.add(cw);
            }
            MetricsWriter pw = mw != null && cfg.monitor().probeSteps() > 0
                    ? MetricsWriter.create(armFolder(a.name(), s.seed), PROBE, ProbeRow.COLUMNS) : null;
            s.probeWriters.add(pw);
            if (pw != null) {
                s.base.probeWriters.add(pw);
            }
        }
        return s;
    }

    static double[][] copy(double[][] x) {
        if (x == null) {
            return null;
        }
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    /** The mini-batch of the given training-sample indices. */
    Batch gather(int[] idx) {
        int p = train.featureCount();
        double[] x = new double[idx.length * p];
        int[] y = new int[idx.length];
        for (int r = 0; r < idx.length; r++) {
            System.arraycopy(train.features(), idx[r] * p, x, r * p, p);
            y[r] = train.labels()[idx[r]];
        }
        return new Batch(x, y, idx.length);
    }

    /** The Lanczos seed of an arm's n-th refresh. */
    static long lanczosSeed(long seed, int armIndex, int refresh) {
        return RandomStream.of(seed, LANCZOS_STREAM, armIndex, refresh).nextLong();
    }

    /**
     * One evaluation of the alignment monitor at the trajectory's current state for step t (η = η_t): its own
     * eigen-solve (k + k_spread + 1 pairs, residuals checked) warm-started from the eigenvectors of the
     * trajectory's previous evaluation (kept in the checkpoint; cold at its first),
     * noise mini-batches from {@link ReferenceSource}, and a Lanczos seed that depends on (seed, trajectory, t)
     * only, so that a resumed run evaluates identically.
     */
    MonitorResult monitorAt(Arm a, long seed, long t) {
        long t0 = System.nanoTime();
        MonitorResult r = a.monitor.evaluate(t, cfg.optimizer().learningRate(t));
        clock.add("monitor", t0);
        return r;
    }

    /**
     * Gives trajectory {@code a} of seed {@code seed} its alignment monitor (none without a {@code monitor:} section):
     * evaluated through {@link TrainingMonitor} with noise mini-batches from {@link ReferenceSource} and a Lanczos
     * seed that depend on (seed, trajectory, t) only, so that a resumed run evaluates identically, warm-started from
     * {@code warm}; its rows go to the trajectory's monitor files, a state it cannot evaluate gets a row that says so.
     */
    void attachMonitor(Arm a, long seed, MonitorSchedule schedule, double[][] warm) {
        if (cfg.monitor() == null) {
            a.monitor = null;
            return;
        }
        a.monitor = new TrainingMonitor(new EvaluationSetup() {
            @Override
            public CurvatureSource source(long t) {
                return new ReferenceSource(reference, referenceData, reference.size(), a.model, cfg.batchSize(), seed,
                        a.index, t, order(seed).stateAt(t), train.size());
            }

            @Override
            public MonitorOptions options(long t) {
                return MonitorBridge.options(cfg, a.opt,
                        RandomStream.of(seed, ReferenceSource.STREAM, a.index, t, 1).nextLong());
            }
        }, schedule, null);
        a.monitor.warmStart(warm);
        a.monitor.onRow(row -> {
            for (MetricsWriter w : a.monitorWriters) {
                w.row(MonitorBridge.values(row.result(), row.dlossReal(), a.pendingProbe),
                        MonitorBridge.arrays(row.result()));
            }
            if (a.pendingProbe != null) {
                List<ProbeRow> rows = new ArrayList<>(a.pendingProbe.rows(row.result().step(), row.result().eta()));
                rows.addAll(a.pendingThetaProbe);
                for (MetricsWriter w : a.probeWriters) {
                    for (ProbeRow pr : rows) {
                        w.row(pr.values(), Map.of());
                    }
                }
            }
        });
        a.monitor.onNotEvaluated(n -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("step", n.step());
            v.put("eta", n.eta());
            v.put("findings", n.finding().code().code());
            for (MetricsWriter w : a.monitorWriters) {
                w.row(v, Map.of());
            }
            progress.accept(String.format(Locale.ROOT, "monitor: %s at step %d: %s", a.name, n.step(), n.finding()));
        });
    }

    /**
     * Gives arm {@code a}, just branched from {@code from}, a monitor continuing {@code from}'s (schedule, warm start,
     * verdict).
     */
    void attachMonitor(Arm a, long seed, Arm from) {
        if (from.monitor != null) {
            MonitorSchedule s = from.monitor.schedule();
            attachMonitor(a, seed, s instanceof AdaptiveSchedule as ? as.copy() : s, copy(from.monitor.eigenvectors()));
            if (a.monitor != null) {
                a.monitor.verdicts().restore(from.monitor.verdicts().state());
            }
        }
    }

    /**
     * The projected-step experiment ({@link ProjectedProbe}) at the trajectory's state, with the eigenvectors of the
     * monitor evaluation {@code r} just made there; the state is unchanged afterwards.
     */
    ProjectedProbe.Result probe(Arm a, long seed, long t, MonitorResult r, int draws) {
        long t0 = System.nanoTime();
        ProjectedProbe.Result p = ProjectedProbe.run(reference, referenceData, a.model, cfg.batchSize(), r,
                a.monitor.eigenvectors(), draws, seed, a.index, t, order(seed).stateAt(t), train.size());
        clock.add("probe", t0);
        return p;
    }

    /**
     * The θ-probe ({@link ThetaProbe}) at the trajectory's state, in the basis of the monitor evaluation {@code r}
     * just made there; the state is unchanged afterwards.
     */
    List<ProbeRow> thetaProbe(Arm a, long seed, long t, MonitorResult r, int draws) {
        long t0 = System.nanoTime();
        List<ProbeRow> p = ThetaProbe.run(reference, referenceData, a.model, cfg.batchSize(), r,
                a.monitor.eigenvectors(), draws, seed, a.index, t, order(seed).stateAt(t), train.size());
        clock.add("probe", t0);
        return p;
    }

    /**
     * The {@link LossPrediction} of step t of trajectory {@code a} at its current state: the step it takes (its
     * projection, η_t) under the sampler's law at t, with the monitor's r draws from the same {@link ReferenceSource}
     * stream as a monitor evaluation at t (so that, for the plain step, it equals that evaluation's dloss_pred).
     */
    LossPrediction predictLoss(Arm a, long seed, long t) {
        long t0 = System.nanoTime();
        ReferenceSource src = new ReferenceSource(reference, referenceData, reference.size(), a.model, cfg.batchSize(),
                seed, a.index, t, order(seed).stateAt(t), train.size());
        LossPrediction.StepMap step = a.projection.active() ? v -> a.projection.apply(a.subspace(), v)
                : LossPrediction.StepMap.IDENTITY;
        LossPrediction p = LossPrediction.of(src, cfg.optimizer().learningRate(t), cfg.monitor().samples(), step);
        clock.add("cumulative", t0);
        return p;
    }

    /** The batch of step t for this seed's data order. */
    Batch batchAt(long seed, long t) {
        return gather(order(seed).batch(t));
    }

    /** This seed's mini-batches under the configured sampler. */
    BatchOrder order(long seed) {
        return cfg.sampler().order(seed, train.size(), cfg.batchSize());
    }

    /** The reference loss of a trajectory's current state. */
    double referenceLoss(Arm a) {
        return reference.loss(a.model);
    }

    /** Performs step t without the monitor (the metrics row goes to the trajectory's writers, if any). */
    void stepOnly(Arm a, long t, Batch batch, Row row) {
        double lr = cfg.optimizer().learningRate(t);
        TrajectoryStep.Gradient g = TrajectoryStep.gradient(a, batch, lr, row);
        if (DivergenceDetection.diverged(g, cfg.logging().divergenceLoss())
                || !Double.isFinite(TrajectoryStep.update(a, t, lr, row))) {
            a.stop(t, "diverged");
            row.put("event", "diverged");
        }
        a.write(row);
    }

    /** Test hook: throws {@link Interrupted} once step t of the chosen seed is done. */
    void interruptHook(SeedState s, long t) {
        if (s.seedIndex == interruptSeedIndex && t == interruptStep) {
            throw new Interrupted();
        }
    }
}
