package org.alignscope.quadratic.paper;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Ridge regression with an intercept on standardised features, the model the authors fit in App. B.3
 * (scikit-learn's StandardScaler followed by Ridge): each feature is centred and divided by its population
 * standard deviation (1 when that is 0), then w = (ZᵀZ + αI)⁻¹ Zᵀ(y − ȳ) and the intercept is ȳ. With α = 0 this
 * is ordinary least squares.
 */
public final class RidgeRegression {
    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double intercept;

    private RidgeRegression(double[] mean, double[] scale, double[] weights, double intercept) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.intercept = intercept;
    }

    /** Fits rows {@code x[i]} (each of p features) to {@code y[i]}. */
    public static RidgeRegression fit(double[][] x, double[] y, double alpha) {
        int n = y.length;
        int p = x[0].length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < p; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1;
        }
        double yMean = 0;
        for (double v : y) {
            yMean += v / n;
        }
        double[][] gram = new double[p][p];
        double[] rhs = new double[p];
        double[] z = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                z[j] = (x[i][j] - mean[j]) / scale[j];
            }
            for (int a = 0; a < p; a++) {
                rhs[a] += z[a] * (y[i] - yMean);
                for (int b = 0; b < p; b++) {
                    gram[a][b] += z[a] * z[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            gram[a][a] += alpha;
        }
        RealMatrix g = new Array2DRowRealMatrix(gram, false);
        double[] w = new LUDecomposition(g).getSolver().solve(new ArrayRealVector(rhs, false)).toArray();
        return new RidgeRegression(mean, scale, w, yMean);
    }

    public double predict(double[] row) {
        double v = intercept;
        for (int j = 0; j < weights.length; j++) {
            v += weights[j] * (row[j] - mean[j]) / scale[j];
        }
        return v;
    }

    /** The slope of feature j in the original (unstandardised) units. */
    public double rawSlope(int j) {
        return weights[j] / scale[j];
    }

    public double intercept() {
        return intercept;
    }

    /** The coefficient of determination R² = 1 − Σ(y − ŷ)²/Σ(y − ȳ)² of predictions ŷ against y. */
    public static double rSquared(double[] y, double[] predicted) {
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double res = 0;
        double tot = 0;
        for (int i = 0; i < y.length; i++) {
            res += (y[i] - predicted[i]) * (y[i] - predicted[i]);
            tot += (y[i] - mean) * (y[i] - mean);
        }
        return 1 - res / tot;
    }
}
