package org.alignscope.monitor;

import java.util.Objects;
import java.util.TreeSet;

/**
 * A schedule that evaluates more often while the monitored state changes fast and less often while it is stable,
 * between {@code minEvery} and {@code maxEvery} steps. The first evaluation is at step 0 and the first interval
 * is {@code minEvery}. After each evaluation i (at step t<sub>i</sub>) the change since evaluation i − 1 is
 *
 * <pre>
 *   c = max(|θ_i − θ_{i−1}|, max(0, |ρ_i − ρ_{i−1}| − t·√(se_i² + se_{i−1}²)) / max(ρ_i, ρ_{i−1})),
 *   ρ = η_eff/η*  (0 when η* = ∞),  se = ρ·se(η*)/η*,  t = t_{0.975, r−1}
 * </pre>
 *
 * (θ the squared alignment of the reference gradient, exact given the eigenvectors; ρ is estimated from r noise
 * samples, so the part of its change inside the 95 % interval of the difference (Student-t, as every interval of
 * the monitor, {@link ConfidenceInterval}) is not counted; the ρ term is left out
 * where either ρ is undefined, e.g. {@code theory-n/a}). ρ crossing 1 is the regime change alignment-falling ↔
 * alignment-rising; a significant crossing is a large c. The next interval is
 *
 * <ul>
 *   <li>{@code minEvery} when the other findings changed (the set of codes other than {@code unreliable-estimate},
 *       {@code alignment-falling} and {@code alignment-rising}, e.g. suspicious-alignment or edge-of-stability
 *       appearing or ending), or when the state could not be evaluated;</li>
 *   <li>max(minEvery, ⌊interval/2⌋) when c &gt; {@code change};</li>
 *   <li>min(maxEvery, 2·interval) when c &lt; {@code change}/2;</li>
 *   <li>unchanged otherwise.</li>
 * </ul>
 *
 * The next evaluation is at t<sub>i</sub> + interval. The rule is a pure function of the results, so a run that
 * restores {@link #state()} evaluates at the same steps as an uninterrupted one.
 */
public final class AdaptiveSchedule implements MonitorSchedule {
    /**
     * What a resumed run needs.
     *
     * @param next     the next step to evaluate
     * @param interval the current interval
     * @param theta    θ of the last evaluation (NaN before the first)
     * @param rho      η<sub>eff</sub>/η* of the last evaluation (NaN where undefined)
     * @param rhoSe    the standard error of rho (0 where η* = ∞, NaN where undefined)
     * @param findings the last evaluation's finding codes other than unreliable-estimate, alignment-falling and
     *                 alignment-rising, sorted, joined by ';' (null before the first evaluation)
     */
    public record State(long next, long interval, double theta, double rho, double rhoSe, String findings) {
    }

    private final long minEvery;
    private final long maxEvery;
    private final double change;
    private State s;

    /**
     * @param minEvery the shortest interval (≥ 1)
     * @param maxEvery the longest interval (≥ minEvery)
     * @param change   the change c above which the interval halves, in (0, 1]
     */
    public AdaptiveSchedule(long minEvery, long maxEvery, double change) {
        if (minEvery < 1) {
            throw new IllegalArgumentException("minEvery must be >= 1, got " + minEvery);
        }
        if (maxEvery < minEvery) {
            throw new IllegalArgumentException("maxEvery must be >= minEvery = " + minEvery + ", got " + maxEvery);
        }
        if (!(change > 0 && change <= 1)) {
            throw new IllegalArgumentException("change must lie in (0, 1], got " + change);
        }
        this.minEvery = minEvery;
        this.maxEvery = maxEvery;
        this.change = change;
        this.s = new State(0, minEvery, Double.NaN, Double.NaN, Double.NaN, null);
    }

    /** The state to save (a record: immutable). */
    public State state() {
        return s;
    }

    /** Continues from a saved state. */
    public void restore(State state) {
        this.s = Objects.requireNonNull(state);
    }

    /** A schedule with the same settings and state (for a trajectory that branches from this one). */
    public AdaptiveSchedule copy() {
        AdaptiveSchedule c = new AdaptiveSchedule(minEvery, maxEvery, change);
        c.s = s;
        return c;
    }

    /** Due from the next step on (a due step the loop skips, e.g. at η = 0, moves the evaluation to the next). */
    @Override
    public boolean due(long step) {
        return step >= s.next();
    }

    @Override
    public void evaluated(long step, MonitorResult r) {
        if (r == null) {
            s = new State(step + minEvery, minEvery, Double.NaN, Double.NaN, Double.NaN,
                    FindingCode.NOT_EVALUATED.code());
            return;
        }
        double theta = r.main().theta();
        double etaStar = r.main().etaStar().value();
        double rho = !r.optimizer().theoryApplies() || Double.isNaN(etaStar) ? Double.NaN
                : Double.isInfinite(etaStar) ? 0 : r.etaEffective() / etaStar;
        double se = rho == 0 ? 0 : rho * r.main().etaStar().stdError() / etaStar;
        String findings = codes(r);
        long interval = nextInterval(s, theta, rho, se, r.main().etaStar().samples(), findings);
        s = new State(step + interval, interval, theta, rho, se, findings);
    }

    /** The rule of the class comment. */
    long nextInterval(State prev, double theta, double rho, double rhoSe, int samples, String findings) {
        if (prev.findings() == null) {
            return prev.interval();
        }
        if (!prev.findings().equals(findings)) {
            return minEvery;
        }
        double c = Math.abs(theta - prev.theta());
        if (Double.isFinite(rho) && Double.isFinite(prev.rho())) {
            double big = Math.max(Math.abs(rho), Math.abs(prev.rho()));
            double noise = ConfidenceInterval.tQuantile(samples - 1) * Math.sqrt(sq(rhoSe) + sq(prev.rhoSe()));
            if (big > 0) {
                c = Math.max(c, Math.max(0, Math.abs(rho - prev.rho()) - noise) / big);
            }
        }
        if (!(c <= change)) {
            return Math.max(minEvery, prev.interval() / 2);
        }
        if (c < change / 2) {
            return Math.min(maxEvery, 2 * prev.interval());
        }
        return prev.interval();
    }

    /** x², 0 for NaN (a standard error that does not exist adds no noise allowance). */
    private static double sq(double x) {
        return Double.isFinite(x) ? x * x : 0;
    }

    private static String codes(MonitorResult r) {
        TreeSet<String> set = new TreeSet<>();
        for (Finding f : r.findings()) {
            FindingCode c = f.code();
            if (c != FindingCode.UNRELIABLE_ESTIMATE && c != FindingCode.ALIGNMENT_FALLING
                    && c != FindingCode.ALIGNMENT_RISING) {
                set.add(f.code().code());
            }
        }
        return String.join(";", set);
    }
}
