package org.alignscope.verify.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.quadratic.Spectrum;
import org.alignscope.theory.ConstantStepTheory;
import org.alignscope.theory.Landscape;
import org.alignscope.verify.DeterministicChecker;
import org.alignscope.verify.Evaluation;
import org.alignscope.verify.Generator;
import org.alignscope.verify.Instance;
import org.alignscope.verify.Quantities;

/**
 * The remark after Theorem 16: for Σ = σ²I and η → 0, θ<sub>∞</sub> → Σ<sub>D</sub>λ<sub>i</sub>/Σλ<sub>i</sub>. Checked as a
 * trend over η = η<sub>0</sub>, η<sub>0</sub>/10, …, η<sub>0</sub>/10⁵: the error |θ<sub>∞</sub>(η) − Σ<sub>D</sub>λ/Σλ| must
 * at least halve over the last decade (it is O(η) when the claim holds). left = the error at the smallest η,
 * right = half the error ten times above it.
 */
public final class IsotropicApprox extends DeterministicChecker {
    static final int DECADES = 5;

    public IsotropicApprox() {
        this(1);
    }

    /** @param factor the approximation is multiplied by it (1 as printed) */
    public IsotropicApprox(double factor) {
        super(factor);
    }

    @Override
    public String id() {
        return "isotropic-approx";
    }

    @Override
    public String statement() {
        return "For isotropic noise (kappa_i^2 = sigma^2) and eta << 1: theta_inf ~ lim sum_D lambda_i / lim sum_i lambda_i.";
    }

    @Override
    public String method() {
        return "Random spectra (five shapes, d <= 200) with isotropic noise, and the authors' spectrum (d = 500, k = 50) for "
                + "m in {5, 50, 500} from eta0 = 0.003; eta0 lambda_1 otherwise uniform on [0.1, 1.9]; theta_inf(eta) for "
                + "eta = eta0 10^-j, j = 0..5. Margin: (e(10 eta_min)/2 - e(eta_min))/(e(10 eta_min)/2).";
    }

    @Override
    protected java.util.List<Instance> generate(org.alignscope.verify.Budget budget, RandomStream rng) {
        java.util.List<Instance> out = new java.util.ArrayList<>();
        for (double m : new double[] {5, 50, 500}) {
            Spectrum sp = Spectrum.authors(500, 50, m);
            double[] ks = new double[500];
            java.util.Arrays.fill(ks, 0.25);
            Map<String, Double> p = new LinkedHashMap<>();
            p.put("eta0", 0.003);
            out.add(new Instance(id(), "authors", sp.lambda(), 50, ks, 0.25, 0.25, null, new double[500], p, null));
        }
        out.addAll(drawMany(Math.max(8, budget.deterministic() / 10), rng, this::draw));
        return out;
    }

    @Override
    protected Instance draw(RandomStream r) {
        Instance base = Generator.randomInstance(r, id());
        double[] ks = new double[base.d()];
        double s2 = Generator.logUniform(r, 0.01, 10);
        java.util.Arrays.fill(ks, s2);
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("eta0", (0.1 + 1.8 * r.nextDouble()) / base.lambda()[0]);
        return new Instance(id(), base.shape(), base.lambda(), base.k(), ks, s2, s2, null, new double[base.d()], p, null);
    }

    @Override
    public Evaluation evaluate(Instance inst) {
        return evaluate(inst, null);
    }

    @Override
    protected Evaluation evaluate(Instance inst, Quantities unused) {
        Landscape land = inst.landscape();
        double eta0 = inst.param("eta0");
        double approx = factor * new ConstantStepTheory(land, eta0).thetaInfIsotropicSmallEta();
        double[] etas = new double[DECADES + 1];
        double[] errors = new double[DECADES + 1];
        for (int j = 0; j <= DECADES; j++) {
            etas[j] = eta0 * Math.pow(10, -j);
            errors[j] = Math.abs(new ConstantStepTheory(land, etas[j]).thetaInf() - approx);
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("approximation", approx);
        q.put("eta", etas);
        q.put("abs_error", errors);
        q.put("theta_inf_at_eta0", new ConstantStepTheory(land, eta0).thetaInf());
        double left = errors[DECADES];
        double right = 0.5 * errors[DECADES - 1];
        if (right == 0 && left == 0) {
            return new Evaluation(0, 0, 0, org.alignscope.verify.Status.HOLDS, q);
        }
        return Evaluation.inequality(left, right, TOL, q);
    }
}
