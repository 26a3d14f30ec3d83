package org.alignscope.verify;

import java.math.BigDecimal;
import java.math.MathContext;
import org.alignscope.theory.CriticalAlignment;
import org.alignscope.theory.CriticalStep;
import org.alignscope.theory.SignCase;

/**
 * The block moments of a state in exact arithmetic, for re-checking verdicts that could be cancellation.
 *
 * <p>Every input is a double, i.e. an exact binary fraction; BigDecimal products and sums of them are exact (no
 * rounding at all). So s<sup>S</sup>, τ<sup>S</sup>, u<sup>S</sup>, e<sub>S</sub>, n<sup>loss</sup><sub>S</sub>,
 * p, q and the numerators below are exact; only the final divisions and square roots are rounded, to
 * {@link #MC} (40 significant digits), and the result to a double (relative error 2<sup>−53</sup>). The margin
 * of a re-checked inequality is therefore accurate to about 1e-15 relative, far below the 1e-9 allowance used
 * for a violation.
 */
public final class Exact {
    /** 40 significant digits for divisions and square roots. */
    public static final MathContext MC = new MathContext(40);

    public final BigDecimal sD;
    public final BigDecimal sB;
    public final BigDecimal tauD;
    public final BigDecimal tauB;
    public final BigDecimal uD;
    public final BigDecimal uB;
    public final BigDecimal eD;
    public final BigDecimal eB;
    public final BigDecimal nD;
    public final BigDecimal nB;

    private Exact(BigDecimal[] dom, BigDecimal[] bulk) {
        sD = dom[0];
        tauD = dom[1];
        uD = dom[2];
        eD = dom[3];
        nD = dom[4];
        sB = bulk[0];
        tauB = bulk[1];
        uB = bulk[2];
        eB = bulk[3];
        nB = bulk[4];
    }

    /** The exact moments of the instance's state. */
    public static Exact of(Instance inst) {
        return of(inst.lambda(), inst.c(), inst.kappaSq(), inst.k());
    }

    /** The exact moments of x = Σ c<sub>i</sub>u<sub>i</sub>, D = [0, k), B = [k, d). */
    public static Exact of(double[] lambda, double[] c, double[] kappaSq, int k) {
        return new Exact(block(lambda, c, kappaSq, 0, k), block(lambda, c, kappaSq, k, lambda.length));
    }

    private static BigDecimal[] block(double[] lambda, double[] c, double[] kappaSq, int from, int to) {
        BigDecimal s = BigDecimal.ZERO;
        BigDecimal tau = BigDecimal.ZERO;
        BigDecimal u = BigDecimal.ZERO;
        BigDecimal e = BigDecimal.ZERO;
        BigDecimal n = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            BigDecimal l = new BigDecimal(lambda[i]);
            BigDecimal l2 = l.multiply(l);
            BigDecimal ci = new BigDecimal(c[i]);
            BigDecimal ks = new BigDecimal(kappaSq[i]);
            BigDecimal l2c2 = l2.multiply(ci.multiply(ci));
            s = s.add(l2c2);
            tau = tau.add(l.multiply(l2c2));
            u = u.add(l2.multiply(l2c2));
            e = e.add(l2.multiply(ks));
            n = n.add(l.multiply(ks));
        }
        return new BigDecimal[] {s, tau, u, e, n};
    }

    /** s = s<sup>D</sup> + s<sup>B</sup>. */
    public BigDecimal s() {
        return sD.add(sB);
    }

    /** θ = s<sup>D</sup>/s, rounded to a double. */
    public double theta() {
        return s().signum() == 0 ? 0 : sD.divide(s(), MC).doubleValue();
    }

    /** p = s<sup>B</sup>(u<sup>D</sup> + e<sub>D</sub>) − s<sup>D</sup>(u<sup>B</sup> + e<sub>B</sub>) (eq. 21), exact. */
    public BigDecimal p() {
        return sB.multiply(uD.add(eD)).subtract(sD.multiply(uB.add(eB)));
    }

    /** q = 2(s<sup>D</sup>τ<sup>B</sup> − s<sup>B</sup>τ<sup>D</sup>) (eq. 20), exact. */
    public BigDecimal q() {
        return BigDecimal.valueOf(2).multiply(sD.multiply(tauB).subtract(sB.multiply(tauD)));
    }

    /** The sign case of the exact p and q (decided on their signs, so never lost to rounding). */
    public SignCase signCase() {
        return SignCase.of(p().signum(), q().signum());
    }

    /**
     * η* = −q/p where the drift changes sign, else +∞, as {@link CriticalStep#etaStar(double, double)} defines it;
     * the quotient of the exact p and q rounded once to a double.
     */
    public double etaStar() {
        if (!signCase().changesSign()) {
            return Double.POSITIVE_INFINITY;
        }
        return q().negate().divide(p(), MC).doubleValue();
    }

    /** η<sup>loss</sup> = 2s/(τ + n) of one block (Theorem 10); +∞ when τ + n ≤ 0. */
    public static double etaLoss(BigDecimal s, BigDecimal tau, BigDecimal n) {
        BigDecimal den = tau.add(n);
        if (den.signum() <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return BigDecimal.valueOf(2).multiply(s).divide(den, MC).doubleValue();
    }

    /** α = s(τ<sup>D</sup>/s<sup>D</sup> − τ<sup>B</sup>/s<sup>B</sup>) (eq. 6), to 40 digits; needs s<sup>D</sup>, s<sup>B</sup> &gt; 0. */
    public BigDecimal alpha() {
        BigDecimal num = tauD.multiply(sB).subtract(tauB.multiply(sD));
        return s().multiply(num).divide(sD.multiply(sB), MC);
    }

    /**
     * s·h(θ<sub>t</sub>) = s<sup>D</sup>(τ<sup>B</sup> + n<sub>B</sub>) − s<sup>B</sup>(τ<sup>D</sup> + n<sub>D</sub>), exact:
     * its sign is that of η<sup>loss</sup><sub>D</sub> − η<sup>loss</sup><sub>B</sub> (Theorem 11).
     */
    public BigDecimal sTimesH() {
        return sD.multiply(tauB.add(nB)).subtract(sB.multiply(tauD.add(nD)));
    }

    /**
     * δ = 1 − θ<sup>crit</sup>, the smaller root of αδ² − (α + n<sub>B</sub> + n<sub>D</sub>)δ + n<sub>B</sub> = 0,
     * as 2n<sub>B</sub>/((α + n<sub>B</sub> + n<sub>D</sub>) + √((α − n<sub>B</sub>)² + n<sub>D</sub>(n<sub>D</sub> + 2α
     * + 2n<sub>B</sub>))), to 40 digits; null when θ<sup>crit</sup> does not exist
     * ({@link CriticalAlignment#rootExists(double, double, double)}).
     */
    public BigDecimal oneMinusThetaCrit() {
        if (sD.signum() <= 0 || sB.signum() <= 0) {
            return null;
        }
        BigDecimal a = alpha();
        if (!CriticalAlignment.rootExists(a.signum(), nB.signum(), nD.signum())) {
            return null;
        }
        BigDecimal sum = a.add(nB).add(nD);
        BigDecimal diff = a.subtract(nB);
        BigDecimal disc = diff.multiply(diff).add(nD.multiply(nD.add(a.multiply(BigDecimal.valueOf(2)))
                .add(nB.multiply(BigDecimal.valueOf(2)))));
        BigDecimal root = disc.sqrt(MC);
        return BigDecimal.valueOf(2).multiply(nB).divide(sum.add(root), MC);
    }
}
