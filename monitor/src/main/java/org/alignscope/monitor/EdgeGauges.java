package org.alignscope.monitor;

import java.util.Arrays;
import org.alignscope.linalg.SampleMean;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.Vectors;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.spectral.EigenResult;
import org.alignscope.spectral.Lanczos;
import org.alignscope.spectral.LanczosOptions;
import org.alignscope.spectral.Which;

/**
 * The edge-of-stability gauges of the mini-batches SGD actually steps on, over r independent mini-batches of the
 * training batch size (uniform subsets of the reference set):
 * <ul>
 *   <li>the <b>batch sharpness</b>, the mean of ĝᵀĤĝ/‖ĝ‖² with Ĥ the Hessian of the same mini-batch's loss — the
 *       quantity SGD stabilises at 2/η (Andreyev &amp; Beneventano 2024, "Edge of stochastic stability"), with
 *       standard error sd/√r;</li>
 *   <li>the 10 %, 50 % and 90 % quantiles of the mini-batch Hessian's λ<sub>max</sub> (linear interpolation between
 *       order statistics), each from a Lanczos run on Ĥ to a relative residual of {@value #LMAX_TOLERANCE} within
 *       {@value #LMAX_HVPS} HVPs; an unconverged run contributes its Ritz value, a lower bound.</li>
 * </ul>
 * Cost per evaluation: r mini-batch gradients and at most r·(1 + {@value #LMAX_HVPS}) mini-batch HVPs. The batches
 * come from {@code RandomStream.of(seed, STREAM, step)}, a stream no other draw uses, so the rest of the evaluation
 * is unchanged by them.
 *
 * @param batchSharpness the mean of ĝᵀĤĝ/‖ĝ‖² with its standard error (NaN where the source has no mini-batch Hessian)
 * @param lmaxQ10        the 10 % quantile of λ<sub>max</sub>(Ĥ)
 * @param lmaxQ50        its median
 * @param lmaxQ90        its 90 % quantile
 */
public record EdgeGauges(Estimate batchSharpness, double lmaxQ10, double lmaxQ50, double lmaxQ90) {
    /** Stream path component of the gauges' mini-batches ("BSHP"). */
    public static final long STREAM = 0x42534850L;
    /** Relative residual target of each mini-batch λ<sub>max</sub>. */
    public static final double LMAX_TOLERANCE = 1e-3;
    /** The HVP budget of each mini-batch λ<sub>max</sub> (certification included). */
    public static final int LMAX_HVPS = 24;

    /** The gauges of a source without mini-batch Hessians: every value absent. */
    public static final EdgeGauges NONE = new EdgeGauges(new Estimate(Double.NaN, Double.NaN, 0), Double.NaN,
            Double.NaN, Double.NaN);

    /** ĝᵀĤĝ/‖ĝ‖² of one mini-batch, from ĝ and Ĥĝ; NaN for ĝ = 0. */
    public static double batchSharpness(double[] g, double[] hg) {
        double gg = Vectors.dot(g, g);
        return gg > 0 ? Vectors.dot(g, hg) / gg : Double.NaN;
    }

    /** The gauges over r mini-batches of {@code src} at evaluation {@code step} (NONE where it has no Ĥ). */
    public static EdgeGauges measure(CurvatureSource src, int r, long seed, long step) {
        BatchCurvature batches = src.batchCurvature(RandomStream.of(seed, STREAM, step));
        if (batches == null) {
            return NONE;
        }
        int n = src.dimension();
        double[] g = new double[n];
        double[] hg = new double[n];
        double[] sharpness = new double[r];
        double[] lmax = new double[r];
        for (int j = 0; j < r; j++) {
            SymmetricOperator h = batches.draw(g);
            h.apply(g, hg);
            sharpness[j] = batchSharpness(g, hg);
            lmax[j] = largestEigenvalue(h, RandomStream.of(seed, STREAM, step, j).nextLong());
        }
        Arrays.sort(lmax);
        return new EdgeGauges(meanWithError(sharpness), quantile(lmax, 0.1), quantile(lmax, 0.5),
                quantile(lmax, 0.9));
    }

    private static double largestEigenvalue(SymmetricOperator h, long seed) {
        EigenResult e = Lanczos.solve(h, new LanczosOptions(1, LMAX_TOLERANCE, LMAX_HVPS, 20, seed),
                Which.LARGEST, null);
        return e.eigenvalues()[0];
    }

    /** The mean of x with its standard error sd/√r (sd with ddof 1). */
    static Estimate meanWithError(double[] x) {
        SampleMean m = SampleMean.of(x);
        return new Estimate(m.mean(), x.length > 1 ? m.standardError() : Double.NaN, x.length);
    }

    /** The p-quantile of ascending {@code sorted} by linear interpolation between order statistics; NaN if empty. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
