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
import org.alignscope.monitor.AlignmentMonitor;
import org.alignscope.monitor.Finding;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.monitor.MonitorSchedule;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Model;
import org.alignscope.nn.ModelSpec;
import org.alignscope.spectral.EigenResult;
import org.alignscope.spectral.Lanczos;
import org.alignscope.spectral.LanczosOptions;
import org.alignscope.spectral.PrincipalAngles;
import org.alignscope.spectral.Which;

/**
 * Runs a {@link TrainConfig}: for each seed, the base optimizer trains from step 0; every
 * {@code switch.check_every} steps the top-k eigenvectors of the reference-set Hessian are recomputed and
 * χ = ‖P_D ∇L_ref‖ / ‖∇L_ref‖ of the reference-set gradient feeds an EMA; when the EMA exceeds the threshold (or at
 * the fallback step) every arm branches from that exact state (parameters, optimizer state, basis) and all arms
 * then advance in lock step, step t using the same mini-batch in every arm ({@link DataOrder}). Each arm refreshes
 * its own subspace every {@code subspace.refresh_every} steps after the switch, warm-started from its previous
 * basis.
 *
 * <p>Output per seed and arm: {@code OUT/<arm>/seed_<seed>/metrics.csv} and {@code metrics.jsonl}; the base
 * phase's rows are written to every arm's files so that each file covers steps 0..T. The columns are in
 * {@link #columns}. Checkpoints ({@code OUT/checkpoint/}) are written every {@code logging.checkpoint_every}
 * steps; {@link #resume} continues from the last one bit for bit.
 *
 * <p>Randomness is a pure function of (seed, purpose, index): the initialisation
 * ({@code Models.INIT_STREAM}), the data order ({@link DataOrder#STREAM}, per epoch) and each Lanczos start
 * ({@link #LANCZOS_STREAM}, per arm and refresh), so a checkpoint holds no generator state.
 */
public final class Trainer {
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
    private long currentSeed;
    private final ReferenceSet trainSet;
    private final ReferenceSet testSet;
    private final List<String> columns;
    private final List<SeedResult> results = new ArrayList<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
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
        this.cfg = cfg;
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
        trainSet = new ReferenceSet(train, chunk);
        int nRef = cfg.subspace().referenceSamples();
        reference = nRef == 0 || nRef == train.size() ? trainSet : new ReferenceSet(firstSamples(train, nRef), chunk);
        referenceData = nRef == 0 ? train : firstSamples(train, nRef);
        if (cfg.monitor() != null && cfg.monitor().k() + 1 > spec.parameterCount()) {
            throw new IllegalArgumentException("monitor.k: " + cfg.monitor().k() + " must be below the parameter count "
                    + spec.parameterCount());
        }
        testSet = test == null ? null : new ReferenceSet(test, chunk);
        columns = columns(cfg.subspace().k());
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
        return seconds;
    }

    // ------------------------------------------------------------------------------------------------ state

    /** One trajectory: the base run before the switch, or one arm after it. */
    static final class Arm {
        final String name;
        final int index;
        final Projection projection;
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
        /** The eigenvectors of this trajectory's last monitor evaluation (its next solve's warm start), or null. */
        double[][] monitorVectors;
        /** When this trajectory's monitor evaluates (null without a monitor: section). */
        MonitorSchedule monitorSchedule;
        final double[] g;
        final double[] u;

        Arm(String name, int index, Projection projection, Model model, Optimizer opt) {
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

    /** Reports finished steps (seeds × steps units; a seed that stops early counts as finished) to {@code p}. */
    public void reportTo(Progress p) {
        this.stepProgress = p;
    }

    /** Runs every seed from the start. */
    public List<SeedResult> run() {
        for (int i = 0; i < cfg.seeds().size(); i++) {
            runSeed(freshSeed(i));
        }
        return results;
    }

    /** Continues from the checkpoint folder {@code checkpoint} (a complete copy of {@code OUT/checkpoint}). */
    public List<SeedResult> resume(Path checkpoint) throws IOException {
        TrainCheckpoint.Loaded c = TrainCheckpoint.load(checkpoint, this);
        results.addAll(c.completed());
        runSeed(c.state());
        for (int i = c.state().seedIndex + 1; i < cfg.seeds().size(); i++) {
            runSeed(freshSeed(i));
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
        s.base = new Arm("base", 0, Projection.NONE, m, Optimizer.create(cfg.optimizer()));
        s.base.monitorSchedule = cfg.monitor() == null ? null : cfg.monitor().schedule();
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
        }
        return s;
    }

    private void add(String what, long t0) {
        seconds.merge(what, (System.nanoTime() - t0) / 1e9, Double::sum);
    }

    private void runSeed(SeedState s) {
        long start = s.step;
        currentSeed = s.seed;
        int steps = cfg.steps();
        DataOrder order = new DataOrder(s.seed, train.size(), cfg.batchSize());
        progress.accept(String.format(Locale.ROOT, "seed %d: %s from step %d of %d", s.seed,
                start == 0 ? "starting" : "resuming", start, steps));
        try {
            for (long t = start; t < steps; t++) {
                s.step = t;
                int ce = cfg.logging().checkpointEvery();
                if (ce > 0 && t > 0 && t % ce == 0 && t != start) {
                    long t0 = System.nanoTime();
                    TrainCheckpoint.save(out.resolve(TrainCheckpoint.FOLDER), s, results, this);
                    add("checkpoint", t0);
                }
                int[] idx = order.batch(t);
                Batch batch = gather(idx);
                if (s.basePhase) {
                    baseStep(s, t, batch);
                    if (s.base != null && !s.base.running()) {
                        break;
                    }
                } else {
                    boolean any = false;
                    for (Arm a : s.arms) {
                        if (!a.running()) {
                            continue;
                        }
                        Row row = new Row(t, "arm");
                        if (a.track && t > s.switchStep && (t - s.switchStep) % cfg.subspace().refreshEvery() == 0) {
                            refresh(s, a, t, row);
                        }
                        if (t % cfg.logging().evalEvery() == 0) {
                            evaluate(a, row, true);
                        }
                        step(a, t, batch, row);
                        any |= a.running();
                    }
                    if (!any) {
                        break;
                    }
                }
                if (s.seedIndex == interruptSeedIndex && t == interruptStep) {
                    throw new Interrupted();
                }
                stepProgress.report(s.seedIndex * (long) steps + t + 1, cfg.seeds().size() * (long) steps);
            }
            stepProgress.report((s.seedIndex + 1L) * steps, cfg.seeds().size() * (long) steps);
            finish(s, steps);
        } finally {
            for (MetricsWriter w : s.writers) {
                w.close();
            }
            for (MetricsWriter w : s.monitorWriters) {
                if (w != null) {
                    w.close();
                }
            }
        }
    }

    private void finish(SeedState s, int steps) {
        List<ArmResult> ar = new ArrayList<>();
        if (s.basePhase) {
            // the base run diverged before the switch: every arm shares its fate
            for (TrainConfig.Arm a : cfg.arms()) {
                ar.add(new ArmResult(a.name(), a.projection().label(), s.base.status, s.base.divergedStep, null,
                        s.base.lastRefLoss, s.base.lastTrainAcc, s.base.lastTestAcc, s.base.lastRefChi,
                        s.base.refreshes, s.base.hvps));
            }
        } else {
            for (Arm a : s.arms) {
                if (a.running()) {
                    Row row = new Row(steps, "arm");
                    row.put("event", "end");
                    evaluate(a, row, true);
                    write(a, row);
                }
                ar.add(new ArmResult(a.name, a.projection.label(), a.status, a.divergedStep, s.refLossAtSwitch,
                        a.lastRefLoss, a.lastTrainAcc, a.lastTestAcc, a.lastRefChi, a.refreshes, a.hvps));
            }
        }
        results.add(new SeedResult(s.seed, s.switchStep, s.switchReason, s.switchEma, ar));
    }

    private void baseStep(SeedState s, long t, Batch batch) {
        TrainConfig.Switch sw = cfg.switching();
        Arm b = s.base;
        Row row = new Row(t, "base");
        boolean check = t % sw.checkEvery() == 0 || t == sw.fallbackStep();
        boolean eval = t % cfg.logging().evalEvery() == 0;
        if (check) {
            refresh(s, b, t, row);
        }
        if (check || eval) {
            evaluate(b, row, eval);
        }
        if (check) {
            Double chi = (Double) row.v.get("ref_chi");
            if (chi != null && !Double.isNaN(chi)) {
                s.ema = Double.isNaN(s.ema) ? chi : sw.ema() * s.ema + (1 - sw.ema()) * chi;
            }
            row.put("chi_ema", s.ema);
            String reason = s.ema > sw.threshold() ? "threshold" : t >= sw.fallbackStep() ? "fallback" : null;
            if (reason != null) {
                s.basePhase = false;
                s.switchStep = t;
                s.switchReason = reason;
                s.switchEma = s.ema;
                s.refLossAtSwitch = b.lastRefLoss;
                row.put("event", "switch:" + reason);
                progress.accept(String.format(Locale.ROOT, "seed %d: switch at step %d (%s, EMA of chi %.4f,"
                        + " reference loss %.6g)", s.seed, t, reason, s.ema, b.lastRefLoss));
                for (int i = 0; i < cfg.arms().size(); i++) {
                    TrainConfig.Arm ca = cfg.arms().get(i);
                    Arm a = branch(b, ca.name(), i + 1, ca.projection(), s.writers.get(i), s.monitorWriters.get(i));
                    a.track = ca.track();
                    if (!a.track) {
                        a.setBasis(null);
                    }
                    s.arms.add(a);
                }
                s.base = null;
                for (Arm a : s.arms) {
                    step(a, t, batch, row.copy("arm"));
                }
                return;
            }
        }
        step(b, t, batch, row);
    }

    /** An arm that starts from the base run's exact state. */
    private Arm branch(Arm b, String name, int index, Projection p, MetricsWriter w, MetricsWriter mw) {
        Model m = newModel();
        System.arraycopy(b.model.parameters(), 0, m.parameters(), 0, m.parameterCount());
        Arm a = new Arm(name, index, p, m, b.opt.copy());
        a.setBasis(copy(b.basis));
        a.monitorVectors = copy(b.monitorVectors);
        a.monitorSchedule = b.monitorSchedule instanceof AdaptiveSchedule as ? as.copy() : b.monitorSchedule;
        a.refreshes = b.refreshes;
        a.lastRefresh = b.lastRefresh;
        a.hvps = b.hvps;
        a.lastRefLoss = b.lastRefLoss;
        a.lastTrainAcc = b.lastTrainAcc;
        a.lastTestAcc = b.lastTestAcc;
        a.lastRefChi = b.lastRefChi;
        a.writers.add(w);
        if (mw != null) {
            a.monitorWriters.add(mw);
        }
        return a;
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

    private Batch gather(int[] idx) {
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

    private void refresh(SeedState s, Arm a, long t, Row row) {
        long t0 = System.nanoTime();
        TrainConfig.SubspaceSettings ss = cfg.subspace();
        LanczosOptions o = new LanczosOptions(ss.k(), ss.tolerance(), ss.maxHvps(), ss.krylov(),
                lanczosSeed(s.seed, a.index, a.refreshes));
        EigenResult r = Lanczos.solve(reference.curvature(a.model, ss.operator()), o, Which.LARGEST, a.basis);
        double[] angles = a.basis == null ? new double[0] : PrincipalAngles.between(a.basis, r.eigenvectors());
        a.setBasis(r.eigenvectors());
        a.refreshes++;
        a.lastRefresh = t;
        a.hvps += r.operatorApplications();
        row.put("refresh", (long) a.refreshes);
        row.put("hvps", (long) r.operatorApplications());
        row.put("converged", (long) r.convergedCount());
        row.put("angle_max", angles.length == 0 ? Double.NaN : angles[angles.length - 1]);
        for (int i = 0; i < r.count(); i++) {
            row.put("lambda_" + (i + 1), r.eigenvalues()[i]);
            row.put("residual_" + (i + 1), r.residuals()[i]);
        }
        row.arrays.put("eigenvalues", r.eigenvalues().clone());
        row.arrays.put("residuals", r.residuals().clone());
        row.arrays.put("principal_angles", angles);
        add("refresh", t0);
    }

    private void evaluate(Arm a, Row row, boolean full) {
        long t0 = System.nanoTime();
        double[] gr = new double[a.model.parameterCount()];
        double loss = reference.gradient(a.model, gr);
        row.put("ref_loss", loss);
        row.put("ref_grad_norm", norm(gr));
        Subspace sub = a.subspace();
        double th = sub == null ? Double.NaN : sub.theta(gr);
        row.put("ref_theta", th);
        row.put("ref_chi", Math.sqrt(th));
        a.lastRefLoss = loss;
        a.lastRefChi = Double.isNaN(th) ? null : Math.sqrt(th);
        if (full) {
            double trainLoss = reference == trainSet ? loss : trainSet.loss(a.model);
            row.put("train_loss", trainLoss);
            a.lastTrainAcc = trainSet.accuracy(a.model);
            row.put("train_acc", a.lastTrainAcc);
            if (testSet != null) {
                a.lastTestAcc = testSet.accuracy(a.model);
                row.put("test_acc", a.lastTestAcc);
            }
        }
        add("evaluation", t0);
    }

    /**
     * Step t of a trajectory; on the monitor's steps the monitor is evaluated at θ_t first and its row, with the
     * realised change of the reference loss over the step, is written after the update.
     */
    private void step(Arm a, long t, Batch batch, Row row) {
        double lr = cfg.optimizer().learningRate(t);
        MonitorResult mr = null;
        if (cfg.monitor() != null && !a.monitorWriters.isEmpty() && a.monitorSchedule.due(t) && lr > 0) {
            try {
                mr = monitorAt(a, currentSeed, t);
                a.monitorSchedule.evaluated(t, mr);
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
                a.monitorSchedule.evaluated(t, null);
                // a non-finite state (e.g. just before a divergence): the theory has no values there; say so in
                // the row instead of stopping the run
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("step", t);
                v.put("eta", lr);
                Finding f = Finding.notEvaluated(lr, e.getMessage());
                v.put("findings", f.code().code());
                for (MetricsWriter w : a.monitorWriters) {
                    w.row(v, Map.of());
                }
                progress.accept(String.format(Locale.ROOT, "monitor: %s at step %d: %s", a.name, t, f));
            }
        }
        ProjectedProbe.Result probe = mr != null && cfg.monitor().probeSteps() > 0 ? probe(a, currentSeed, t, mr,
                cfg.monitor().probeSteps()) : null;
        stepOnly(a, t, batch, row);
        if (mr != null) {
            long t0 = System.nanoTime();
            // a step that diverged (stopped before or after the update) has no meaningful realised change
            double real = a.running() ? reference.loss(a.model) - mr.loss() : Double.NaN;
            for (MetricsWriter w : a.monitorWriters) {
                w.row(MonitorBridge.values(mr, real, probe), MonitorBridge.arrays(mr));
            }
            add("monitor", t0);
        }
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
        long lanczosSeed = RandomStream.of(seed, ReferenceSource.STREAM, a.index, t, 1).nextLong();
        AlignmentMonitor m = new AlignmentMonitor(MonitorBridge.options(cfg, a.opt, lanczosSeed));
        m.warmStart(a.monitorVectors);
        ReferenceSource src = new ReferenceSource(reference, referenceData, reference.size(), a.model,
                cfg.batchSize(), seed, a.index, t);
        MonitorResult r = m.evaluate(src, t, cfg.optimizer().learningRate(t));
        a.monitorVectors = m.eigenvectors();
        add("monitor", t0);
        return r;
    }

    /**
     * The projected-step experiment ({@link ProjectedProbe}) at the trajectory's state, with the eigenvectors of the
     * monitor evaluation {@code r} just made there; the state is unchanged afterwards.
     */
    ProjectedProbe.Result probe(Arm a, long seed, long t, MonitorResult r, int draws) {
        long t0 = System.nanoTime();
        ProjectedProbe.Result p = ProjectedProbe.run(reference, referenceData, a.model, cfg.batchSize(), r,
                a.monitorVectors, draws, seed, a.index, t);
        add("probe", t0);
        return p;
    }

    /** The batch of step t for this seed's data order. */
    Batch batchAt(long seed, long t) {
        return gather(new DataOrder(seed, train.size(), cfg.batchSize()).batch(t));
    }

    /** The reference loss of a trajectory's current state. */
    double referenceLoss(Arm a) {
        return reference.loss(a.model);
    }

    /** Performs step t without the monitor (the metrics row goes to the trajectory's writers, if any). */
    void stepOnly(Arm a, long t, Batch batch, Row row) {
        long t0 = System.nanoTime();
        double lr = cfg.optimizer().learningRate(t);
        row.put("lr", lr);
        double[] theta = a.model.parameters();
        double loss = a.model.gradient(batch, a.g);
        row.put("batch_loss", loss);
        double gn = norm(a.g);
        row.put("batch_grad_norm", gn);
        if (!(loss <= cfg.logging().divergenceLoss()) || !Double.isFinite(gn)) {
            diverge(a, t, row);
            return;
        }
        Subspace sub = a.subspace();
        if (sub != null) {
            double th = sub.theta(a.g);
            row.put("batch_theta", th);
            row.put("batch_chi", Math.sqrt(th));
            row.put("basis_age", t - a.lastRefresh);
        }
        Projection p = a.projection;
        boolean onGradient = p.active() && p.target() == Projection.Target.GRADIENT;
        a.opt.direction(theta, a.g, a.u, onGradient ? v -> p.apply(sub, v) : null);
        if (p.active() && p.target() == Projection.Target.UPDATE) {
            p.apply(sub, a.u);
        }
        double un = norm(a.u);
        row.put("update_norm", lr * un);
        if (sub != null) {
            double th = sub.theta(a.u);
            row.put("update_theta", th);
            row.put("update_chi", Math.sqrt(th));
        }
        boolean finite = Double.isFinite(un);
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= lr * a.u[i];
        }
        if (!finite) {
            diverge(a, t, row);
            return;
        }
        write(a, row);
        add("steps", t0);
    }

    private void diverge(Arm a, long t, Row row) {
        a.status = "diverged";
        a.divergedStep = t;
        row.put("event", "diverged");
        write(a, row);
        progress.accept(String.format(Locale.ROOT, "arm %s diverged at step %d (mini-batch loss %s)", a.name, t,
                row.v.get("batch_loss")));
    }

    private void write(Arm a, Row row) {
        for (MetricsWriter w : a.writers) {
            w.row(row.v, row.arrays);
        }
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
