package org.alignscope.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignscope.io.AtomicFile;
import org.alignscope.io.IoFailure;
import org.alignscope.io.AtomicFolder;
import org.alignscope.monitor.AdaptiveSchedule;
import org.alignscope.monitor.CumulativeColumn;
import org.alignscope.monitor.CumulativeWindow;
import org.alignscope.monitor.MonitorSchedule;
import org.alignscope.monitor.Verdict;
import org.alignscope.monitor.VerdictTracker;
import org.alignscope.nn.Checkpoint;
import org.alignscope.nn.Model;
import org.alignscope.nn.Npy;
import org.alignscope.nn.Precision;

/**
 * The state of a run at the start of a step, everything its continuation needs: per trajectory (the base run
 * before the switch, every arm after it) the parameters, the optimizer's vectors and step counter, the tracked
 * basis and its refresh counters, the eigenvectors of the last monitor evaluation (the next one's warm start), the
 * monitor's verdict state (shown and last verdict, previous reference loss as IEEE bits), the open window of the cumulative loss predictions (its drawn steps and running sums, doubles as IEEE bits), the
 * status; the EMA of χ and the switch record; the byte lengths of every
 * metrics file (a resume cuts them back there); the results of the seeds already finished. Vectors are
 * {@code .npy} files in float64 (the master copy, also for f32 models); the rest is {@code state.json}, with the
 * EMA stored as its IEEE bits. The random streams need no state: they are derived from (seed, purpose, index).
 *
 * <p>The folder is replaced as a whole ({@link AtomicFolder}): a run killed at any instant keeps a complete copy,
 * and every file carries its SHA-256, so a torn or edited file is refused. {@code config.yaml} is copied in, so that
 * a resume can name the first key in which the run folder's config has changed since ({@link ConfigDifference}).
 */
final class TrainCheckpoint {
    static final String FOLDER = "checkpoint";
    static final String FORMAT = "alignscope-train-checkpoint";
    /** The run's settings, in the run folder and copied into the checkpoint. */
    static final String CONFIG = "config.yaml";
    private static final String STATE = "state.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainCheckpoint() {
    }

    record Loaded(Trainer.SeedState state, List<SeedResult> completed) {
    }

    static void save(Path dir, Trainer.SeedState s, List<SeedResult> completed, Trainer tr) {
        try {
            Path tmp = AtomicFolder.begin(dir);
            Path config = tr.outFolder().resolve(CONFIG);
            if (Files.isRegularFile(config)) {
                Files.copy(config, tmp.resolve(CONFIG));
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("format", FORMAT);
            root.put("version", 1);
            root.put("seed_index", s.seedIndex);
            root.put("seed", s.seed);
            root.put("step", s.step);
            root.put("base_phase", s.basePhase);
            root.put("ema_bits", Double.doubleToRawLongBits(s.ema));
            root.put("switch_step", s.switchStep);
            root.put("switch_reason", s.switchReason);
            root.put("switch_ema", s.switchEma);
            root.put("ref_loss_at_switch", s.refLossAtSwitch);
            List<Map<String, Object>> files = new ArrayList<>();
            for (int i = 0; i < s.writers.size(); i++) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("arm", tr.config().arms().get(i).name());
                f.put("csv_bytes", s.writers.get(i).csvBytes());
                f.put("jsonl_bytes", s.writers.get(i).jsonlBytes());
                MetricsWriter mw = i < s.monitorWriters.size() ? s.monitorWriters.get(i) : null;
                if (mw != null) {
                    f.put("monitor_csv_bytes", mw.csvBytes());
                    f.put("monitor_jsonl_bytes", mw.jsonlBytes());
                }
                MetricsWriter cw = i < s.cumulativeWriters.size() ? s.cumulativeWriters.get(i) : null;
                if (cw != null) {
                    f.put("cumulative_csv_bytes", cw.csvBytes());
                    f.put("cumulative_jsonl_bytes", cw.jsonlBytes());
                }
                MetricsWriter pw = i < s.probeWriters.size() ? s.probeWriters.get(i) : null;
                if (pw != null) {
                    f.put("probe_csv_bytes", pw.csvBytes());
                    f.put("probe_jsonl_bytes", pw.jsonlBytes());
                }
                files.add(f);
            }
            root.put("files", files);
            List<Map<String, Object>> traj = new ArrayList<>();
            List<Trainer.Arm> arms = s.basePhase ? List.of(s.base) : s.arms;
            for (Trainer.Arm a : arms) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", a.name);
                m.put("status", a.status);
                m.put("diverged_step", a.divergedStep);
                m.put("refreshes", a.refreshes);
                m.put("last_refresh", a.lastRefresh);
                m.put("hvps", a.hvps);
                m.put("last_ref_loss", a.lastRefLoss);
                m.put("last_train_acc", a.lastTrainAcc);
                m.put("last_test_acc", a.lastTestAcc);
                m.put("last_ref_chi", a.lastRefChi);
                m.put("optimizer", a.opt.name());
                m.put("optimizer_steps", a.opt.steps());
                List<String> names = new ArrayList<>(a.opt.state().keySet());
                m.put("optimizer_state", names);
                m.put("basis_vectors", a.basis() == null ? 0 : a.basis().length);
                double[][] monitorVectors = a.monitor == null ? null : a.monitor.eigenvectors();
                m.put("monitor_vectors", monitorVectors == null ? 0 : monitorVectors.length);
                if (a.monitor != null && a.monitor.schedule() instanceof AdaptiveSchedule as) {
                    AdaptiveSchedule.State st = as.state();
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("next", st.next());
                    sm.put("interval", st.interval());
                    sm.put("theta_bits", Double.doubleToRawLongBits(st.theta()));
                    sm.put("rho_bits", Double.doubleToRawLongBits(st.rho()));
                    sm.put("rho_se_bits", Double.doubleToRawLongBits(st.rhoSe()));
                    sm.put("findings", st.findings());
                    m.put("monitor_schedule", sm);
                }
                if (a.monitor != null) {
                    VerdictTracker.State vs = a.monitor.verdicts().state();
                    Map<String, Object> vm = new LinkedHashMap<>();
                    vm.put("shown", vs.shown().code());
                    vm.put("last", vs.last() == null ? null : vs.last().code());
                    vm.put("previous_loss_bits", Double.doubleToRawLongBits(vs.previousLoss()));
                    m.put("monitor_verdict", vm);
                }
                if (a.window != null) {
                    m.put("cumulative_window", windowState(a.window.state()));
                }
                traj.add(m);
                int p = a.model.parameterCount();
                write(tmp.resolve(a.name + ".params.npy"), a.model.parameters(), new int[] {p});
                for (Map.Entry<String, double[]> e : a.opt.state().entrySet()) {
                    write(tmp.resolve(a.name + ".opt." + e.getKey() + ".npy"), e.getValue(), new int[] {p});
                }
                writeRows(tmp.resolve(a.name + ".basis.npy"), a.basis(), p);
                writeRows(tmp.resolve(a.name + ".monitor.npy"), monitorVectors, p);
            }
            root.put("trajectories", traj);
            root.put("completed_seeds", completed);
            AtomicFile.write(tmp.resolve(STATE), out -> JSON.writeValue(out, root));
            AtomicFolder.commit(dir);
        } catch (IOException e) {
            AtomicFolder.abort(dir);
            throw IoFailure.of("write", dir, e);
        } catch (RuntimeException e) {
            AtomicFolder.abort(dir);
            throw e;
        }
    }

    /** An open window of the cumulative predictions, its doubles as IEEE bits. */
    private static Map<String, Object> windowState(CumulativeWindow.State w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", w.start());
        m.put("end", w.end());
        List<Long> drawn = new ArrayList<>();
        for (long t : w.drawn()) {
            drawn.add(t);
        }
        m.put("drawn", drawn);
        m.put("start_loss_bits", Double.doubleToRawLongBits(w.startLoss()));
        m.put("count", w.count());
        m.put("mean_bits", Double.doubleToRawLongBits(w.mean()));
        m.put("m2_bits", Double.doubleToRawLongBits(w.m2()));
        m.put("sum_variance_bits", Double.doubleToRawLongBits(w.sumVariance()));
        m.put("sum_spread_bits", Double.doubleToRawLongBits(w.sumSpread()));
        return m;
    }

    /** The window {@link #windowState} wrote. */
    @SuppressWarnings("unchecked")
    private static CumulativeWindow window(Map<String, Object> m) {
        List<Object> drawn = (List<Object>) m.get("drawn");
        long[] steps = new long[drawn.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = ((Number) drawn.get(i)).longValue();
        }
        return CumulativeWindow.restore(new CumulativeWindow.State(((Number) m.get("start")).longValue(),
                ((Number) m.get("end")).longValue(), steps, bits(m.get("start_loss_bits")),
                ((Number) m.get("count")).longValue(), bits(m.get("mean_bits")), bits(m.get("m2_bits")),
                bits(m.get("sum_variance_bits")), bits(m.get("sum_spread_bits"))));
    }

    /** Rows of length p as one (rows × p) file; nothing for null. */
    private static void writeRows(Path f, double[][] rows, int p) throws IOException {
        if (rows == null) {
            return;
        }
        double[] flat = new double[rows.length * p];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * p, p);
        }
        write(f, flat, new int[] {rows.length, p});
    }

    /** The (count × p) rows written by {@link #writeRows}; null for count 0. */
    private static double[][] readRows(Path f, int count, int p) throws IOException {
        if (count == 0) {
            return null;
        }
        double[] flat = read(f, count * p);
        double[][] rows = new double[count][p];
        for (int i = 0; i < count; i++) {
            System.arraycopy(flat, i * p, rows[i], 0, p);
        }
        return rows;
    }

    private static void write(Path f, double[] data, int[] shape) throws IOException {
        Npy.write(f, data, 0, shape, Precision.F64);
    }

    private static double[] read(Path f, int length) throws IOException {
        if (!Files.exists(f)) {
            throw new NotResumable("checkpoint file " + f + " is missing");
        }
        double[] d = Npy.read(f).data();
        if (d.length != length) {
            throw new NotResumable(f + " holds " + d.length + " values, expected " + length);
        }
        return d;
    }

    static Loaded load(Path dir, Trainer tr) throws IOException {
        return load(dir, tr, true);
    }

    /**
     * The complete copy of the checkpoint {@code dir} ({@link AtomicFolder#open}), or null when the run never wrote
     * one.
     *
     * @throws NotResumable when every copy is damaged
     */
    static Path locate(Path dir) {
        try {
            return AtomicFolder.open(dir);
        } catch (IllegalArgumentException e) {
            throw new NotResumable(e.getMessage());
        }
    }

    /**
     * Reads a checkpoint; with {@code openFiles} false the run's metrics and monitor files are left untouched and
     * the trajectories write nowhere (the {@code monitor --checkpoint} command).
     */
    static Loaded load(Path dir, Trainer tr, boolean openFiles) throws IOException {
        try {
            return read(dir, tr, openFiles);
        } catch (ClassCastException | NullPointerException | ArithmeticException e) {
            throw new NotResumable(dir.resolve(STATE) + " is not the state of a training"
                    + " checkpoint (a field is missing or of the wrong type)");
        } catch (JsonProcessingException e) {
            throw new NotResumable(dir.resolve(STATE) + " is not JSON: "
                    + e.getOriginalMessage());
        }
    }

    /**
     * Loads the checkpoint {@code dir} without opening the run's files, and checks that every metrics file is at least
     * as long as the checkpoint recorded: all that a resume checks before it changes anything.
     */
    @SuppressWarnings("unchecked")
    static void verify(Path dir, Trainer tr) {
        try {
            requireFinite(load(dir, tr, false), dir);
            Map<String, Object> root = JSON.readValue(dir.resolve(STATE).toFile(), Map.class);
            long seed = ((Number) root.get("seed")).longValue();
            for (Map<String, Object> f : (List<Map<String, Object>>) root.get("files")) {
                Path folder = tr.armFolder((String) f.get("arm"), seed);
                for (String stem : List.of("metrics", "monitor", Trainer.CUMULATIVE, Trainer.PROBE)) {
                    for (String ext : List.of("csv", "jsonl")) {
                        Object recorded = f.get((stem.equals("metrics") ? "" : stem + "_") + ext + "_bytes");
                        if (recorded != null) {
                            requireLength(folder.resolve(stem + "." + ext), ((Number) recorded).longValue());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw IoFailure.of("read", dir, e);
        }
    }

    private static void requireLength(Path file, long length) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NotResumable(file + " is missing (the run folder is damaged)");
        }
        if (Files.size(file) < length) {
            throw new NotResumable(file + " is shorter (" + Files.size(file)
                    + " bytes) than the checkpoint recorded (" + length + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static Loaded read(Path dir, Trainer tr, boolean openFiles) throws IOException {
        Path file = dir.resolve(STATE);
        if (!Files.exists(file)) {
            throw new NotResumable(dir + " holds no " + STATE);
        }
        Map<String, Object> root = JSON.readValue(file.toFile(), Map.class);
        if (!FORMAT.equals(root.get("format"))) {
            throw new NotResumable(file + " is not a training checkpoint");
        }
        TrainConfig cfg = tr.config();
        Trainer.SeedState s = new Trainer.SeedState();
        s.seedIndex = ((Number) root.get("seed_index")).intValue();
        s.seed = ((Number) root.get("seed")).longValue();
        if (s.seedIndex >= cfg.seeds().size() || cfg.seeds().get(s.seedIndex) != s.seed) {
            throw new NotResumable("the checkpoint's seed " + s.seed + " is not seed "
                    + s.seedIndex + " of the run's config");
        }
        s.step = ((Number) root.get("step")).longValue();
        if (s.step < 0 || s.step >= cfg.steps()) {
            throw new NotResumable("the checkpoint's step " + s.step + " lies outside the run's"
                    + " steps 0.." + (cfg.steps() - 1));
        }
        s.basePhase = (Boolean) root.get("base_phase");
        s.ema = Double.longBitsToDouble(((Number) root.get("ema_bits")).longValue());
        s.switchStep = root.get("switch_step") == null ? null : ((Number) root.get("switch_step")).longValue();
        s.switchReason = (String) root.get("switch_reason");
        s.switchEma = toDouble(root.get("switch_ema"));
        s.refLossAtSwitch = toDouble(root.get("ref_loss_at_switch"));
        List<Map<String, Object>> files = (List<Map<String, Object>>) root.get("files");
        if (files.size() != cfg.arms().size()) {
            throw new NotResumable("the checkpoint has " + files.size() + " arms, the config "
                    + cfg.arms().size());
        }
        for (int i = 0; i < files.size(); i++) {
            Map<String, Object> f = files.get(i);
            if (!cfg.arms().get(i).name().equals(f.get("arm"))) {
                throw new NotResumable("the checkpoint's arm " + (i + 1) + " is '" + f.get("arm")
                        + "', the config's '" + cfg.arms().get(i).name() + "'");
            }
            if (!openFiles) {
                continue;
            }
            Path folder = tr.armFolder(cfg.arms().get(i).name(), s.seed);
            s.writers.add(reopen(() -> MetricsWriter.resume(folder, tr.columnList(),
                    ((Number) f.get("csv_bytes")).longValue(), ((Number) f.get("jsonl_bytes")).longValue())));
            boolean monitored = cfg.monitor() != null && cfg.monitor().monitors(cfg.arms().get(i).name());
            if (monitored != f.containsKey("monitor_csv_bytes")) {
                throw new NotResumable("the checkpoint was written " + (monitored ? "without"
                        : "with") + " the monitor on arm '" + f.get("arm") + "'; the config's monitor section differs");
            }
            s.monitorWriters.add(monitored ? reopen(() -> MetricsWriter.resume(folder, "monitor",
                    MonitorBridge.columns(cfg.monitor()), ((Number) f.get("monitor_csv_bytes")).longValue(),
                    ((Number) f.get("monitor_jsonl_bytes")).longValue())) : null);
            boolean cumulative = monitored && cfg.monitor().cumulative();
            if (cumulative != f.containsKey("cumulative_csv_bytes")) {
                throw new NotResumable("the checkpoint was written " + (cumulative ? "without" : "with")
                        + " cumulative predictions on arm '" + f.get("arm") + "'; the config's monitor section differs");
            }
            s.cumulativeWriters.add(cumulative ? reopen(() -> MetricsWriter.resume(folder, Trainer.CUMULATIVE,
                    CumulativeColumn.names(), ((Number) f.get("cumulative_csv_bytes")).longValue(),
                    ((Number) f.get("cumulative_jsonl_bytes")).longValue())) : null);
            boolean probed = monitored && cfg.monitor().probeSteps() > 0;
            if (probed != f.containsKey("probe_csv_bytes")) {
                throw new NotResumable("the checkpoint was written " + (probed ? "without" : "with")
                        + " probes on arm '" + f.get("arm") + "'; the config's monitor section differs");
            }
            s.probeWriters.add(probed ? reopen(() -> MetricsWriter.resume(folder, Trainer.PROBE, ProbeRow.COLUMNS,
                    ((Number) f.get("probe_csv_bytes")).longValue(),
                    ((Number) f.get("probe_jsonl_bytes")).longValue())) : null);
        }
        List<Map<String, Object>> traj = (List<Map<String, Object>>) root.get("trajectories");
        for (Map<String, Object> m : traj) {
            String name = (String) m.get("name");
            int index;
            ArmProjection p;
            if (s.basePhase) {
                index = 0;
                p = ArmProjection.NONE;
            } else {
                index = indexOf(cfg, name) + 1;
                p = cfg.arms().get(index - 1).projection();
            }
            Model model = tr.newModel();
            int pc = model.parameterCount();
            System.arraycopy(read(dir.resolve(name + ".params.npy"), pc), 0, model.parameters(), 0, pc);
            Optimizer opt = Optimizer.create(cfg.optimizer());
            opt.initialise(pc);
            Map<String, double[]> st = new LinkedHashMap<>();
            for (String n : (List<String>) m.get("optimizer_state")) {
                st.put(n, read(dir.resolve(name + ".opt." + n + ".npy"), pc));
            }
            opt.restore(((Number) m.get("optimizer_steps")).longValue(), st);
            Trainer.Arm a = new Trainer.Arm(name, index, p, model, opt);
            a.track = s.basePhase || cfg.arms().get(index - 1).track();
            a.setBasis(readRows(dir.resolve(name + ".basis.npy"), ((Number) m.get("basis_vectors")).intValue(), pc));
            MonitorSchedule schedule = cfg.monitor() == null ? null : cfg.monitor().schedule();
            Map<String, Object> sm = (Map<String, Object>) m.get("monitor_schedule");
            if (schedule instanceof AdaptiveSchedule as && sm != null) {
                as.restore(new AdaptiveSchedule.State(((Number) sm.get("next")).longValue(),
                        ((Number) sm.get("interval")).longValue(), bits(sm.get("theta_bits")),
                        bits(sm.get("rho_bits")), bits(sm.get("rho_se_bits")), (String) sm.get("findings")));
            }
            Object mv = m.get("monitor_vectors");
            tr.attachMonitor(a, s.seed, schedule,
                    readRows(dir.resolve(name + ".monitor.npy"), mv == null ? 0 : ((Number) mv).intValue(), pc));
            Map<String, Object> vm = (Map<String, Object>) m.get("monitor_verdict");
            if (a.monitor != null && vm != null) {
                a.monitor.verdicts().restore(new VerdictTracker.State(Verdict.of((String) vm.get("shown")),
                        vm.get("last") == null ? null : Verdict.of((String) vm.get("last")),
                        bits(vm.get("previous_loss_bits"))));
            }
            Map<String, Object> window = (Map<String, Object>) m.get("cumulative_window");
            a.window = window == null ? null : window(window);
            a.status = (String) m.get("status");
            a.divergedStep = m.get("diverged_step") == null ? null : ((Number) m.get("diverged_step")).longValue();
            a.refreshes = ((Number) m.get("refreshes")).intValue();
            a.lastRefresh = ((Number) m.get("last_refresh")).longValue();
            a.hvps = ((Number) m.get("hvps")).longValue();
            a.lastRefLoss = toDouble(m.get("last_ref_loss"));
            a.lastTrainAcc = toDouble(m.get("last_train_acc"));
            a.lastTestAcc = toDouble(m.get("last_test_acc"));
            a.lastRefChi = toDouble(m.get("last_ref_chi"));
            if (s.basePhase) {
                a.writers.addAll(s.writers);
                for (MetricsWriter mw : s.monitorWriters) {
                    if (mw != null) {
                        a.monitorWriters.add(mw);
                    }
                }
                for (MetricsWriter cw : s.cumulativeWriters) {
                    if (cw != null) {
                        a.cumulativeWriters.add(cw);
                    }
                }
                for (MetricsWriter pw : s.probeWriters) {
                    if (pw != null) {
                        a.probeWriters.add(pw);
                    }
                }
                s.base = a;
            } else {
                if (openFiles) {
                    a.writers.add(s.writers.get(index - 1));
                    if (s.monitorWriters.get(index - 1) != null) {
                        a.monitorWriters.add(s.monitorWriters.get(index - 1));
                    }
                    if (s.cumulativeWriters.get(index - 1) != null) {
                        a.cumulativeWriters.add(s.cumulativeWriters.get(index - 1));
                    }
                    if (s.probeWriters.get(index - 1) != null) {
                        a.probeWriters.add(s.probeWriters.get(index - 1));
                    }
                }
                s.arms.add(a);
            }
        }
        List<SeedResult> done = new ArrayList<>();
        for (Object o : (List<Object>) root.get("completed_seeds")) {
            done.add(JSON.convertValue(o, SeedResult.class));
        }
        return new Loaded(s, done);
    }

    /**
     * Refuses a loaded checkpoint in which a trajectory that is still running has NaN or infinite parameters (a
     * diverged one may): nothing can continue from them.
     *
     * @throws NotResumable naming the file
     */
    static void requireFinite(Loaded loaded, Path dir) {
        Trainer.SeedState s = loaded.state();
        for (Trainer.Arm a : s.basePhase ? List.of(s.base) : s.arms) {
            if (a.running()) {
                try {
                    Checkpoint.requireFinite(a.model.parameters(), dir.resolve(a.name + ".params.npy"));
                } catch (IllegalArgumentException e) {
                    throw new NotResumable(e.getMessage(), e);
                }
            }
        }
    }

    /** Reopens a metrics file cut back to the checkpoint; a file missing or too short refuses the resume. */
    private static MetricsWriter reopen(java.util.function.Supplier<MetricsWriter> open) {
        try {
            return open.get();
        } catch (IllegalArgumentException e) {
            throw new NotResumable(e.getMessage(), e);
        }
    }

    private static int indexOf(TrainConfig cfg, String name) {
        for (int i = 0; i < cfg.arms().size(); i++) {
            if (cfg.arms().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new NotResumable("the checkpoint's arm '" + name + "' is not in the config");
    }

    private static double bits(Object o) {
        return Double.longBitsToDouble(((Number) o).longValue());
    }

    private static Double toDouble(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

}
