package org.alignscope.monitor;

import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.Vectors;
import org.alignscope.theory.LossChangeSpread;
import org.alignscope.theory.MeanOffset;
import org.alignscope.theory.ProjectedLoss;

/**
 * A cheap prediction of one SGD step's loss change at a source's current point, without an eigen-solve: the step
 * x<sub>t+1</sub> = x<sub>t</sub> − ηPĝ with the trajectory's symmetric step map P ({@link StepMap}: I for plain
 * SGD, the arm's projection for a projected one) and the source's law of the next batch gradient
 * ĝ = g + m + ζ ({@link BatchNoise}).
 *
 * <p>The expectation is {@link ProjectedLoss#expectedChange(double, double, double, MeanOffset, double)} with
 * s = gᵀPg, τ = (Pg)ᵀHPg, the mean offset's terms of Pm and E ξᵀQξ = mᵀQm + f·mean<sub>j</sub> ζ<sub>j</sub>ᵀQζ<sub>j</sub>
 * (Q = PHP): with P = I it is the monitor's {@code dloss_pred} on the same source and draws. Its standard error
 * ½η²·√(var<sub>j</sub>(mᵀQm + f·ζ<sub>j</sub>ᵀQζ<sub>j</sub>)/r) (ddof 1) is that of the only estimated term. The
 * spread Var(ΔL | x<sub>t</sub>) of the realised change around the expectation is the sample variance of
 * {@link LossChangeSpread#deviation} over the same draws.
 *
 * <p>Cost: one reference gradient, one HVP for HPg, with m ≠ 0 one for HPm and the pool's mean gradient, and r noise
 * gradients with one HVP each. When the next batch is determined (f = 0) nothing is drawn and the standard error and
 * the spread are 0.
 *
 * @param value    E[ΔL | x<sub>t</sub>] of the step, to second order (exact for a quadratic loss)
 * @param stdError its standard error over the r draws
 * @param spread   the estimated Var(ΔL | x<sub>t</sub>), (S2) of {@link LossChangeSpread}
 */
public record LossPrediction(double value, double stdError, double spread) {
    /** The linear, symmetric map a trajectory applies to its batch gradient to get its step direction, in place. */
    @FunctionalInterface
    public interface StepMap {
        /** The plain SGD step: P = I. */
        StepMap IDENTITY = v -> { };

        /** v ← Pv. */
        void apply(double[] v);
    }

    /**
     * Predicts the loss change of the step at the source's current point.
     *
     * @param src   the reference loss, gradient, Hessian and batch law at the point
     * @param eta   the step size η &gt; 0
     * @param draws r ≥ 2 noise draws
     * @param step  the step map P
     */
    public static LossPrediction of(CurvatureSource src, double eta, int draws, StepMap step) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be finite and > 0, got " + eta);
        }
        if (draws < 2) {
            throw new IllegalArgumentException("draws must be >= 2, got " + draws);
        }
        int n = src.dimension();
        double[] g = new double[n];
        src.gradient(g);
        SymmetricOperator h = src.hessian();
        double[] pg = mapped(step, g);
        double[] hpg = new double[n];
        h.apply(pg, hpg);
        BatchNoise noise = src.batchNoise(g);
        double[] m = noise.meanOffset();
        double f = noise.covarianceScale();
        MeanOffset offset = MeanOffset.ZERO;
        double mQm = 0;
        double[] hpmu = hpg.clone(); // HPμ, μ = g + m
        if (m != null) {
            double[] pm = mapped(step, m);
            double[] hpm = new double[n];
            h.apply(pm, hpm);
            offset = new MeanOffset(Vectors.dot(g, pm), Vectors.dot(hpg, pm), Vectors.dot(hpg, hpm));
            mQm = Vectors.dot(pm, hpm);
            Vectors.axpy(1, hpm, hpmu);
        }
        double s = Vectors.dot(g, pg);
        double tau = Vectors.dot(pg, hpg);
        if (f == 0) {
            return new LossPrediction(ProjectedLoss.expectedChange(s, tau, mQm, offset, eta), 0, 0);
        }
        double[] quadratic = new double[draws];
        double[] deviation = new double[draws];
        double[] zeta = new double[n];
        double[] hpz = new double[n];
        double sum = 0;
        for (int j = 0; j < draws; j++) {
            noise.sample(zeta);
            step.apply(zeta);
            h.apply(zeta, hpz);
            double zQz = Vectors.dot(zeta, hpz);
            quadratic[j] = mQm + f * zQz;
            sum += quadratic[j];
            // gᵀPζ and (HPμ)ᵀPζ, μ = g + m: the terms of (S1) linear in the draw
            deviation[j] = LossChangeSpread.deviation(Vectors.dot(g, zeta), Vectors.dot(hpmu, zeta), zQz, f, eta);
        }
        double nLoss = sum / draws;
        double se = 0.5 * eta * eta * Math.sqrt(variance(quadratic) / draws);
        return new LossPrediction(ProjectedLoss.expectedChange(s, tau, nLoss, offset, eta), se, variance(deviation));
    }

    /** Pv as a new array (v itself is not changed). */
    private static double[] mapped(StepMap step, double[] v) {
        double[] out = v.clone();
        step.apply(out);
        return out;
    }

    /** The sample variance (ddof 1), two-pass. */
    private static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (x.length - 1);
    }
}
