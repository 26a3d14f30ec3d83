package org.alignscope.verify.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.quadratic.EigenSimulator;
import org.alignscope.quadratic.Initialisation;
import org.alignscope.quadratic.IsotropicNoise;
import org.alignscope.quadratic.Projection;
import org.alignscope.quadratic.QuadraticRun;
import org.alignscope.quadratic.Spectrum;
import org.alignscope.quadratic.StepDiagnostics;
import org.alignscope.quadratic.StepSchedule;
import org.alignscope.quadratic.Trajectory;
import org.alignscope.verify.AbstractChecker;
import org.alignscope.verify.Budget;
import org.alignscope.verify.Evaluation;
import org.alignscope.verify.Instance;
import org.alignscope.verify.VerifySettings;

/**
 * The Section 8 heuristic: along constant-step SGD, η*<sub>t</sub> "gradually decreases and converges to
 * approximately lower than ≈ 1/(λ<sub>1</sub> + λ<sub>d</sub>)". Checked on simulated runs of the paper's model
 * (the authors' spectrum, d = 500, k = 50, σ = 0.5, x<sub>0</sub> ~ N(0, I)): left = the median of η*<sub>t</sub>
 * over the last third of the run (+∞ where p<sub>t</sub> ≤ 0 counts as above), right = 1.25/(λ<sub>1</sub> +
 * λ<sub>d</sub>) (the "approximately": a 25% allowance folded into the right side).
 */
public final class Sec8Heuristic extends AbstractChecker {
    static final double ALLOWANCE = 1.25;
    private final boolean tracksStep;

    public Sec8Heuristic() {
        this(1, false);
    }

    /**
     * @param factor     the right side is multiplied by it (1 as printed)
     * @param tracksStep check the corrected statement instead: late η*<sub>t</sub> within 25% of η
     */
    public Sec8Heuristic(double factor, boolean tracksStep) {
        super(factor);
        this.tracksStep = tracksStep;
    }

    @Override
    public String id() {
        return tracksStep ? "sec8-heuristic-corrected" : "sec8-heuristic";
    }

    @Override
    public String statement() {
        return tracksStep
                ? "In the stationary phase of constant-step SGD, eta*_t settles around the step in use: the median of eta*_t over "
                        + "the last third of the run lies within 25% of eta (whatever 1/(lambda_1 + lambda_d) is)."
                : "Along constant-step SGD, eta*_t gradually decreases and converges to approximately lower than ~ 1/(lambda_1 + lambda_d).";
    }

    @Override
    public java.util.Optional<org.alignscope.verify.ClaimChecker> corrected() {
        return tracksStep ? java.util.Optional.empty() : java.util.Optional.of(new Sec8Heuristic(1, true));
    }

    @Override
    public String method() {
        return "Simulated runs of the paper's model (authors' spectrum, d = 500, k = 50, sigma = 0.5, x_0 ~ N(0, I), 12,000 steps, "
                + "eta*_t every 10 steps) for m in {5, 50, 500} and eta in {0.003 (the paper's), 0.008, 0.015} (all < 2/lambda_1 = 0.02); "
                + VerifySettings.THOROUGH.option() + " adds seeds. Left: median eta*_t over the last third; right: 1.25/(lambda_1 + lambda_d).";
    }

    @Override
    protected List<Instance> generate(Budget budget, RandomStream rng) {
        List<Instance> out = new ArrayList<>();
        int seeds = budget.thorough() ? 3 : 1;
        for (int s = 0; s < seeds; s++) {
            long seed = 42 + rng.nextInt(1 << 20);
            for (double m : new double[] {5, 50, 500}) {
                for (double eta : new double[] {0.003, 0.008, 0.015}) {
                    Map<String, Double> p = new LinkedHashMap<>();
                    p.put("authors_m", m);
                    p.put("eta", eta);
                    p.put("sigma", 0.5);
                    p.put("steps", 12000.0);
                    p.put("seed", (double) seed);
                    Spectrum sp = Spectrum.authors(500, 50, m);
                    double[] ks = new double[500];
                    Arrays.fill(ks, 0.25);
                    out.add(new Instance(id(), "authors", sp.lambda(), 50, ks, 0.25, 0.25, null, new double[500], p, null));
                }
            }
        }
        return out;
    }

    @Override
    public Evaluation evaluate(Instance inst) {
        Spectrum sp = new Spectrum(inst.lambda(), inst.k());
        double eta = inst.param("eta");
        long steps = (long) inst.param("steps");
        QuadraticRun run = new QuadraticRun(sp, new IsotropicNoise(inst.param("sigma")), Initialisation.gaussian(1),
                StepSchedule.constant(eta), Projection.SGD, steps, (long) inst.param("seed"), 10);
        Trajectory tr = EigenSimulator.run(run, 1);
        StepDiagnostics[] diag = StepDiagnostics.of(tr);
        List<Double> late = new ArrayList<>();
        List<Double> early = new ArrayList<>();
        int infinite = 0;
        for (StepDiagnostics s : diag) {
            if (s.step() >= 2 * steps / 3) {
                late.add(s.etaStar());
                if (!Double.isFinite(s.etaStar())) {
                    infinite++;
                }
            } else if (s.step() <= steps / 10) {
                early.add(s.etaStar());
            }
        }
        double lateMedian = median(late);
        double[] l = inst.lambda();
        double heuristic = 1 / (l[0] + l[l.length - 1]);
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("eta", eta);
        q.put("one_over_lambda1_plus_lambdad", heuristic);
        q.put("median_eta_star_first_tenth", median(early));
        q.put("median_eta_star_last_third", lateMedian);
        q.put("median_eta_star_over_eta_last_third", lateMedian / eta);
        q.put("fraction_no_critical_step_last_third", (double) infinite / late.size());
        if (tr.diverged()) {
            return Evaluation.notApplicable("run diverged", q);
        }
        if (tracksStep) {
            return Evaluation.inequality(Math.abs(lateMedian / eta - 1), factor * (ALLOWANCE - 1), 0, q);
        }
        return Evaluation.inequality(lateMedian, factor * ALLOWANCE * heuristic, 0, q);
    }

    static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (a.length == 0) {
            return Double.NaN;
        }
        return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
    }
}
