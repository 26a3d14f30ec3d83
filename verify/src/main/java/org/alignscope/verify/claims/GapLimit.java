package org.alignscope.verify.claims;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.AlignmentState;
import org.alignscope.theory.CriticalAlignment;
import org.alignscope.theory.Landscape;
import org.alignscope.verify.ClaimChecker;
import org.alignscope.verify.DeterministicChecker;
import org.alignscope.verify.Evaluation;
import org.alignscope.verify.Generator;
import org.alignscope.verify.Instance;
import org.alignscope.verify.Quantities;
import org.alignscope.verify.Status;

/**
 * Statements about m = λ<sub>k</sub>/λ<sub>k+1</sub> → ∞ at a fixed state x<sub>t</sub> and noise, on a trend over m ∈
 * {10², …, 10⁶}, in two ways of letting m grow: the bulk shrinks (λ<sub>B</sub> × m<sub>0</sub>/m, mode 0) or the
 * dominant block grows (λ<sub>D</sub> × m/m<sub>0</sub>, mode 1). Everything is computed in closed form (θ* and
 * θ<sup>crit</sup> from their cancellation-free roots), so the trend has no sampling noise.
 * <ul>
 *   <li>Theorem 5: θ* = 1 − Θ(1/m²): the log-log slope of 1 − θ* against m over the last decade must be −2
 *       (margin (0.25 − |slope + 2|)/0.25).</li>
 *   <li>Theorem 12: θ<sup>crit</sup> → 1: 1 − θ<sup>crit</sup> must decrease (margin −slope; holds when the slope is
 *       below −0.1).</li>
 *   <li>Theorem 5, corrected: 1 − θ* lies in [a/(a + M + h), a/(M + h)) with a = s<sub>min</sub>ψ<sub>B</sub>,
 *       h = s<sub>max</sub>ψ<sub>D</sub>, M = s(λ<sub>1</sub>² − λ<sub>d</sub>²) (from the quadratic's root bounds);
 *       this is Θ(1/m²) while M/h stays bounded.</li>
 * </ul>
 */
public final class GapLimit extends DeterministicChecker {
    /** Which claim. */
    public enum Kind {
        THM5("thm5"), THM12("thm12"), THM5_CORRECTED("thm5-corrected");

        final String id;

        Kind(String id) {
            this.id = id;
        }
    }

    static final double[] M_GRID = {1e2, 1e3, 1e4, 1e5, 1e6};
    private final Kind kind;

    public GapLimit(Kind kind) {
        this(kind, 1);
    }

    /** @param factor THM5: the claimed exponent is 2·factor; THM12: the claim becomes (1 − θ<sup>crit</sup>)m<sup>factor−1</sup> → 0; corrected: the bracket is scaled */
    public GapLimit(Kind kind, double factor) {
        super(factor);
        this.kind = kind;
    }

    @Override
    public String id() {
        return kind.id;
    }

    @Override
    public String statement() {
        return switch (kind) {
            case THM5 -> "With m = lambda_k/lambda_{k+1} > 1 there exist constants alpha, beta > 0 such that "
                    + "1 - beta/m^2 <= theta*_t <= 1 - alpha/m^2, i.e. theta*_t = 1 - Theta(1/m^2).";
            case THM12 -> "With m = lambda_k/lambda_{k+1}: lim_{m->inf} theta^crit_t(x_t) = 1.";
            case THM5_CORRECTED -> "a/(a + M + h) <= 1 - theta*_t < a/(M + h), a = s_min psi_B, h = s_max psi_D, "
                    + "M = s_t(lambda_1^2 - lambda_d^2); so theta* = 1 - Theta(1/m^2) while M/h stays bounded "
                    + "(e.g. lambda_1, lambda_k and s_t fixed as the bulk shrinks), and 1 - Theta(1/m^4) when lambda_D grows at fixed x_t.";
        };
    }

    @Override
    public String method() {
        if (kind == Kind.THM5_CORRECTED) {
            return "Random landscapes and states as for Theorem 4; both sides of the bracket against 1 - theta* from the "
                    + "cancellation-free root (margin relative to the nearer side).";
        }
        return "Families: random base instances (five shapes, three noise kinds, d <= 200, m0 <= 100) at a fixed state and noise; "
                + "m grown over 1e2..1e6 either by shrinking the bulk (mode 0) or by growing the dominant block (mode 1). "
                + (kind == Kind.THM5 ? "Log-log slope of 1 - theta* over the last decade; margin (0.25 - |slope + 2|)/0.25."
                        : "Log-log slope of 1 - theta^crit over the last decade; margin -slope; holds below -0.1.");
    }

    @Override
    protected java.util.List<Instance> generate(org.alignscope.verify.Budget budget, RandomStream rng) {
        int n = kind == Kind.THM5_CORRECTED ? budget.deterministic() : Math.max(8, budget.deterministic() / 20);
        return drawMany(n, rng, this::draw);
    }

    @Override
    protected Instance draw(RandomStream r) {
        Instance inst = Generator.randomInstance(r, id());
        if (kind == Kind.THM5_CORRECTED) {
            return inst;
        }
        double m0 = inst.lambda()[inst.k() - 1] / inst.lambda()[inst.k()];
        if (m0 > 100) {
            return null;
        }
        return inst.with("mode", r.nextInt(2));
    }

    @Override
    public Evaluation evaluate(Instance inst) {
        if (kind == Kind.THM5_CORRECTED) {
            return super.evaluate(inst);
        }
        return evaluate(inst, null);
    }

    /** The instance with its gap ratio moved to m (by the mode's scaling). */
    static Instance atGap(Instance inst, double m) {
        double[] l = inst.lambda().clone();
        int k = inst.k();
        double m0 = l[k - 1] / l[k];
        boolean growDominant = inst.param("mode") == 1;
        for (int i = 0; i < l.length; i++) {
            if (growDominant && i < k) {
                l[i] *= m / m0;
            } else if (!growDominant && i >= k) {
                l[i] *= m0 / m;
            }
        }
        return new Instance(inst.claim(), inst.shape(), l, k, inst.kappaSq(), inst.sMin(), inst.sMax(), inst.noiseFactor(),
                inst.c(), inst.params(), inst.grid());
    }

    @Override
    protected Evaluation evaluate(Instance inst, Quantities qs) {
        Map<String, Object> q = new LinkedHashMap<>();
        if (kind == Kind.THM5_CORRECTED) {
            Landscape land = inst.landscape();
            double s = qs.s();
            double a = land.sMin() * land.psiB();
            double h = land.sMax() * land.psiD();
            double l1 = land.eigenvalue(0);
            double ld = land.eigenvalue(land.d() - 1);
            double big = s * (l1 - ld) * (l1 + ld);
            double y = land.oneMinusThetaStar(s);
            double lo = factor * a / (a + big + h);
            double hi = factor * a / (big + h);
            double mLo = Evaluation.margin(lo, y);
            double mHi = Evaluation.margin(y, hi);
            if (qs.exactArithmetic()) {
                // the bracket is a few ulps wide when M + h >> a: decide it with 40-digit arithmetic
                java.math.MathContext mc = org.alignscope.verify.Exact.MC;
                java.math.BigDecimal ax = new java.math.BigDecimal(land.sMin()).multiply(sumSq(land, 0, land.k() == 0 ? 0 : land.k(), true));
                java.math.BigDecimal hx = new java.math.BigDecimal(land.sMax()).multiply(sumSq(land, 0, land.k(), false));
                java.math.BigDecimal l1x = new java.math.BigDecimal(l1);
                java.math.BigDecimal ldx = new java.math.BigDecimal(ld);
                java.math.BigDecimal mx = qs.sExact().multiply(l1x.multiply(l1x).subtract(ldx.multiply(ldx)));
                java.math.BigDecimal b = mx.add(hx).subtract(ax);
                java.math.BigDecimal disc = b.multiply(b).add(ax.multiply(hx).multiply(java.math.BigDecimal.valueOf(4)));
                java.math.BigDecimal r0 = b.add(disc.sqrt(mc)).divide(ax.multiply(java.math.BigDecimal.valueOf(2)), mc);
                java.math.BigDecimal f = new java.math.BigDecimal(factor);
                java.math.BigDecimal yx = java.math.BigDecimal.ONE.divide(java.math.BigDecimal.ONE.add(r0), mc);
                java.math.BigDecimal lox = f.multiply(ax).divide(ax.add(mx).add(hx), mc);
                java.math.BigDecimal hix = f.multiply(ax).divide(mx.add(hx), mc);
                mLo = yx.subtract(lox).divide(yx, mc).doubleValue();
                mHi = hix.subtract(yx).divide(hix, mc).doubleValue();
                y = yx.doubleValue();
                lo = lox.doubleValue();
                hi = hix.doubleValue();
            }
            q.put("one_minus_theta_star", y);
            q.put("lower", lo);
            q.put("upper", hi);
            double margin = Math.min(mLo, mHi);
            return new Evaluation(mLo < mHi ? lo : y, mLo < mHi ? y : hi, margin, Evaluation.verdict(margin, TOL), q);
        }
        double[] ys = new double[M_GRID.length];
        for (int g = 0; g < M_GRID.length; g++) {
            Instance at = atGap(inst, M_GRID[g]);
            if (kind == Kind.THM5) {
                ys[g] = at.landscape().oneMinusThetaStar(at.state().s());
            } else {
                AlignmentState st = at.state();
                // factor != 1 claims the stronger (1 - theta^crit) m^(factor - 1) -> 0 (a broken variant for the tests)
                ys[g] = CriticalAlignment.of(st).oneMinusThetaCrit().orElse(Double.NaN) * Math.pow(M_GRID[g], factor - 1);
            }
        }
        q.put("mode", inst.param("mode") == 1 ? "dominant grows" : "bulk shrinks");
        q.put("m", M_GRID);
        q.put(kind == Kind.THM5 ? "one_minus_theta_star" : "one_minus_theta_crit", ys);
        int n = ys.length;
        double slope = Math.log(ys[n - 1] / ys[n - 2]) / Math.log(M_GRID[n - 1] / M_GRID[n - 2]);
        q.put("slope_last_decade", slope);
        if (!Double.isFinite(slope)) {
            return Evaluation.notApplicable("undefined along the grid", q);
        }
        if (kind == Kind.THM5) {
            double m2 = M_GRID[n - 1] * M_GRID[n - 1] * ys[n - 1];
            q.put("m2_times_one_minus_theta_star_at_largest_m", m2);
            double left = Math.abs(slope + 2 * factor);
            return Evaluation.inequality(left, 0.25, TOL, q);
        }
        double margin = -slope;
        Status st = margin < -TOL ? Status.VIOLATED : margin < 0.1 ? Status.INCONCLUSIVE : Status.HOLDS;
        return new Evaluation(slope, 0, margin, st, q);
    }

    /** Σλ² over D (bulk = false) or B (bulk = true), exactly. */
    private static java.math.BigDecimal sumSq(Landscape land, int unused, int k, boolean bulk) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        int from = bulk ? k : 0;
        int to = bulk ? land.d() : k;
        for (int i = from; i < to; i++) {
            java.math.BigDecimal l = new java.math.BigDecimal(land.eigenvalue(i));
            sum = sum.add(l.multiply(l));
        }
        return sum;
    }

    @Override
    public Optional<ClaimChecker> corrected() {
        return kind == Kind.THM5 ? Optional.of(new GapLimit(Kind.THM5_CORRECTED)) : Optional.empty();
    }
}
