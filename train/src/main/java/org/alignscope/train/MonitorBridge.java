package org.alignscope.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.alignscope.monitor.BlockEstimate;
import org.alignscope.monitor.MonitorColumn;
import org.alignscope.monitor.MonitorOptions;
import org.alignscope.monitor.MonitorResult;
import org.alignscope.monitor.MonitorRow;
import org.alignscope.monitor.OptimizerProfile;

/**
 * What {@code alignscope train} needs from the monitor module: the options of a {@code monitor:} section, the
 * optimizer profile of a trajectory (with Adam's and RMSprop's live preconditioner), and a monitor row as the
 * values of {@link MonitorColumn#ALL} for {@link MetricsWriter}.
 */
public final class MonitorBridge {
    /** The columns of {@code monitor.csv}: {@link MonitorColumn#ALL}. */
    public static final List<String> COLUMNS = MonitorColumn.names();

    /** The columns of {@code monitor.csv} for this section: {@link #COLUMNS}, then the probe's if it probes. */
    public static List<String> columns(TrainConfig.Monitor m) {
        if (m.probeSteps() == 0) {
            return COLUMNS;
        }
        List<String> c = new ArrayList<>(COLUMNS);
        c.addAll(List.of(ProjectedProbe.COLUMNS));
        return List.copyOf(c);
    }

    private MonitorBridge() {
    }

    /** The monitor settings for one trajectory with optimizer state {@code opt}. */
    public static MonitorOptions options(TrainConfig cfg, Optimizer opt, long lanczosSeed) {
        TrainConfig.Monitor m = cfg.monitor();
        return new MonitorOptions(m.k(), m.samples(), m.kSpread(), m.tolerance(), m.maxHvps(), m.thetaThreshold(),
                0.9, 0.05, 0.25, lanczosSeed, profile(cfg.optimizer(), m.effectiveStep(), opt), m.dynamicK(), m.kMin());
    }

    /**
     * The optimizer profile: SGD (the theory applies); heavy ball / Nesterov with μ (theory-n/a unless
     * {@code effectiveStep}, then η/(1 − μ)); Adam/AdamW with β₁ and RMSprop, whose preconditioner
     * P = √v̂ + ε (Adam: v̂ = v/(1 − β₂ᵗ)) is read from the optimizer's state at the evaluation (none before
     * its first step).
     */
    static OptimizerProfile profile(OptimizerConfig c, boolean effectiveStep, Optimizer opt) {
        switch (c.name()) {
            case "sgd":
                return OptimizerProfile.sgd();
            case "momentum":
                return effectiveStep ? OptimizerProfile.heavyBall(c.momentum()).withEffectiveStep()
                        : OptimizerProfile.heavyBall(c.momentum());
            case "nesterov":
                return effectiveStep ? OptimizerProfile.nesterov(c.momentum()).withEffectiveStep()
                        : OptimizerProfile.nesterov(c.momentum());
            case "adam":
            case "adamw":
                return OptimizerProfile.adam(c.beta1(), preconditioner(opt, "exp_avg_sq",
                        () -> 1 - Math.pow(c.beta2(), opt.steps()), c.eps()));
            case "rmsprop":
                return OptimizerProfile.rmsprop(preconditioner(opt, "square_avg", () -> 1.0, c.eps()));
            default:
                throw new IllegalArgumentException("optimizer.name: no monitor profile for " + c.name());
        }
    }

    private static Supplier<double[]> preconditioner(Optimizer opt, String vector, Supplier<Double> correction,
                                                     double eps) {
        return () -> {
            double[] v = opt.state().get(vector);
            if (v == null || opt.steps() == 0) {
                return null;
            }
            double c = correction.get();
            double[] p = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                p[i] = Math.sqrt(v[i] / c) + eps;
            }
            return p;
        };
    }

    /** A monitor row with the probe's values appended (probe null: none). */
    static Map<String, Object> values(MonitorResult r, double dlossReal, ProjectedProbe.Result probe) {
        Map<String, Object> m = values(r, dlossReal);
        if (probe != null) {
            Object[] v = probe.values();
            for (int i = 0; i < v.length; i++) {
                m.put(ProjectedProbe.COLUMNS[i], v[i]);
            }
        }
        return m;
    }

    /** A monitor row as column values ({@link MonitorColumn}). */
    public static Map<String, Object> values(MonitorResult r, double dlossReal) {
        return MonitorColumn.values(new MonitorRow(r, dlossReal));
    }

    /** The JSON Lines arrays: eigenvalues, residuals, and θ, η* for each k' of the sensitivity range. */
    public static Map<String, double[]> arrays(MonitorResult r) {
        Map<String, double[]> a = new LinkedHashMap<>();
        a.put("eigenvalues", r.eigen().values().clone());
        a.put("residuals", r.eigen().residuals().clone());
        List<BlockEstimate> s = r.sensitivity();
        double[] ks = new double[s.size()];
        double[] th = new double[s.size()];
        double[] es = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            ks[i] = s.get(i).k();
            th[i] = s.get(i).theta();
            es[i] = s.get(i).etaStar().value();
        }
        a.put("sensitivity_k", ks);
        a.put("sensitivity_theta", th);
        a.put("sensitivity_eta_star", es);
        return a;
    }

    /** The findings with their advice, one per line. */
    public static List<String> findingLines(MonitorResult r) {
        List<String> out = new ArrayList<>();
        r.findings().forEach(f -> out.add(f.toString()));
        return out;
    }

    static double[][] copyOf(double[][] x) {
        return x == null ? null : Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
    }
}
