package org.alignscope.verify;

import java.math.BigDecimal;
import org.alignscope.theory.AlignmentState;
import org.alignscope.theory.CriticalAlignment;
import org.alignscope.theory.CriticalStep;
import org.alignscope.theory.ProjectedLoss;
import org.alignscope.theory.SignCase;

/**
 * The state-dependent quantities the deterministic claims compare, from one of two sources: the theory module
 * in double precision ({@link #fast}), or exact arithmetic ({@link #exact}, see {@link Exact}) for re-checking an
 * instance whose double margin is small or negative. Both return doubles; the exact source rounds only once.
 */
public interface Quantities {
    /** The double-precision quantities, through the theory module. */
    static Quantities fast(Instance inst) {
        AlignmentState st = inst.state();
        CriticalStep cs = CriticalStep.of(st);
        CriticalAlignment ca = CriticalAlignment.of(st);
        return new Quantities() {
            public boolean exactArithmetic() {
                return false;
            }

            public double theta() {
                return st.theta();
            }

            public double s() {
                return st.s();
            }

            public double sD() {
                return st.dom().s();
            }

            public double sB() {
                return st.bulk().s();
            }

            public double nD() {
                return st.dom().nLoss();
            }

            public double nB() {
                return st.bulk().nLoss();
            }

            public double p() {
                return cs.p();
            }

            public double q() {
                return cs.q();
            }

            public SignCase signCase() {
                return cs.signCase();
            }

            public double etaStar() {
                return cs.etaStar();
            }

            public double etaLossD() {
                return ProjectedLoss.etaLoss(st.dom());
            }

            public double etaLossB() {
                return ProjectedLoss.etaLoss(st.bulk());
            }

            public double sTimesH() {
                return ca.sTimesH();
            }

            public double oneMinusThetaCrit() {
                return ca.oneMinusThetaCrit().orElse(Double.NaN);
            }

            public double thetaCrit() {
                return ca.thetaCrit().orElse(Double.NaN);
            }

            public boolean noiseTermNonNegative(double eD, double eB) {
                return st.bulk().s() * eD >= st.dom().s() * eB;
            }

            public double pScale() {
                return st.bulk().s() * (st.dom().u() + st.dom().e()) + st.dom().s() * (st.bulk().u() + st.bulk().e());
            }
        };
    }

    /** The same quantities in exact arithmetic (rounded once to double). */
    static Quantities exact(Instance inst) {
        Exact x = Exact.of(inst);
        return new Quantities() {
            public boolean exactArithmetic() {
                return true;
            }

            public double theta() {
                return x.theta();
            }

            public double s() {
                return x.s().doubleValue();
            }

            public double sD() {
                return x.sD.doubleValue();
            }

            public double sB() {
                return x.sB.doubleValue();
            }

            public double nD() {
                return x.nD.doubleValue();
            }

            public double nB() {
                return x.nB.doubleValue();
            }

            public double p() {
                return x.p().doubleValue();
            }

            public double q() {
                return x.q().doubleValue();
            }

            public SignCase signCase() {
                return x.signCase();
            }

            public double etaStar() {
                return x.etaStar();
            }

            public double etaLossD() {
                return Exact.etaLoss(x.sD, x.tauD, x.nD);
            }

            public double etaLossB() {
                return Exact.etaLoss(x.sB, x.tauB, x.nB);
            }

            public double sTimesH() {
                return x.sTimesH().doubleValue();
            }

            public double oneMinusThetaCrit() {
                BigDecimal v = x.oneMinusThetaCrit();
                return v == null ? Double.NaN : v.doubleValue();
            }

            public double thetaCrit() {
                BigDecimal v = x.oneMinusThetaCrit();
                return v == null ? Double.NaN : BigDecimal.ONE.subtract(v).doubleValue();
            }

            public BigDecimal sExact() {
                return x.s();
            }

            public boolean noiseTermNonNegative(double eD, double eB) {
                return x.sB.multiply(x.eD).compareTo(x.sD.multiply(x.eB)) >= 0;
            }

            public double pScale() {
                return x.sB.multiply(x.uD.add(x.eD)).add(x.sD.multiply(x.uB.add(x.eB))).doubleValue();
            }
        };
    }

    boolean exactArithmetic();

    /** s exactly (the double s as a BigDecimal in the fast source). */
    default BigDecimal sExact() {
        return new BigDecimal(s());
    }

    /** s<sup>D</sup>e<sub>B</sub> ≤ s<sup>B</sup>e<sub>D</sub>, decided exactly in the exact source. */
    boolean noiseTermNonNegative(double eD, double eB);

    double theta();

    double s();

    double sD();

    double sB();

    double nD();

    double nB();

    double p();

    double q();

    /** The sign case of p and q: {@link SignCase#CRITICAL} is where η* is the paper's critical step. */
    SignCase signCase();

    /** η* as {@link CriticalStep#etaStar(double, double)} defines it. */
    double etaStar();

    double etaLossD();

    double etaLossB();

    /** s·h(θ<sub>t</sub>) = s<sup>D</sup>(τ<sup>B</sup> + n<sub>B</sub>) − s<sup>B</sup>(τ<sup>D</sup> + n<sub>D</sub>). */
    double sTimesH();

    /** 1 − θ<sup>crit</sup>; NaN when θ<sup>crit</sup> does not exist. */
    double oneMinusThetaCrit();

    /** θ<sup>crit</sup>; NaN when it does not exist. */
    double thetaCrit();

    /** The scale of p: the sum of the magnitudes of its two terms. */
    double pScale();
}
