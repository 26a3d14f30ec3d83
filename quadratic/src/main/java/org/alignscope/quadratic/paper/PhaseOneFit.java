package org.alignscope.quadratic.paper;

import java.util.Optional;

/**
 * App. B.3's test of how the alignment decays in Phase I, as in the authors' code: the cut step is the first t
 * with θ_t &lt; min θ + 0.1 (θ_1 − min θ); on t ∈ [0, cut) (θ_t &gt; 1e−10) an exponential model (ridge, α = 1, on
 * log θ with standardised t, judged by R² of exp(prediction) against θ) is compared with a cubic polynomial in t
 * (ridge, α = 1, on standardised t, t², t³). The paper's claim is that the polynomial fits better.
 *
 * @param cutStep    the first step after the fitting window
 * @param points     how many steps were fitted
 * @param expR2      R² of the exponential model
 * @param polyR2     R² of the cubic polynomial
 * @param expRate    the exponential model's slope d log θ/dt (negative for a decay)
 * @param steps      the fitted steps
 * @param expCurve   the exponential model at those steps
 * @param polyCurve  the cubic model at those steps
 */
public record PhaseOneFit(int cutStep, int points, double expR2, double polyR2, double expRate, double[] steps,
                          double[] expCurve, double[] polyCurve) {
    static final double THRESHOLD_RATIO = 0.1;
    static final double ALPHA = 1.0;

    public boolean polynomialBetter() {
        return polyR2 > expR2;
    }

    /** Empty when the window holds fewer than 4 points (a cubic needs 4). */
    public static Optional<PhaseOneFit> of(double[] theta) {
        if (theta.length < 3) {
            return Optional.empty();
        }
        double min = Double.POSITIVE_INFINITY;
        for (double v : theta) {
            min = Math.min(min, v);
        }
        double threshold = min + THRESHOLD_RATIO * (theta[1] - min);
        int cut = -1;
        for (int t = 0; t < theta.length; t++) {
            if (theta[t] < threshold) {
                cut = t;
                break;
            }
        }
        if (cut < 0) {
            return Optional.empty();
        }
        int n = 0;
        for (int t = 0; t < cut; t++) {
            if (theta[t] > 1e-10) {
                n++;
            }
        }
        if (n < 4) {
            return Optional.empty();
        }
        double[][] linear = new double[n][];
        double[][] cubic = new double[n][];
        double[] y = new double[n];
        double[] logY = new double[n];
        for (int t = 0, i = 0; t < cut; t++) {
            if (theta[t] > 1e-10) {
                linear[i] = new double[] {t};
                cubic[i] = new double[] {t, (double) t * t, (double) t * t * t};
                y[i] = theta[t];
                logY[i] = Math.log(theta[t]);
                i++;
            }
        }
        RidgeRegression exp = RidgeRegression.fit(linear, logY, ALPHA);
        RidgeRegression poly = RidgeRegression.fit(cubic, y, ALPHA);
        double[] expPred = new double[n];
        double[] polyPred = new double[n];
        for (int i = 0; i < n; i++) {
            expPred[i] = Math.exp(exp.predict(linear[i]));
            polyPred[i] = poly.predict(cubic[i]);
        }
        double[] steps = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = linear[i][0];
        }
        return Optional.of(new PhaseOneFit(cut, n, RidgeRegression.rSquared(y, expPred),
                RidgeRegression.rSquared(y, polyPred), exp.rawSlope(0), steps, expPred, polyPred));
    }
}
