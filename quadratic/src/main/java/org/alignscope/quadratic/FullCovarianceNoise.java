package org.alignscope.quadratic;

import org.alignscope.linalg.random.RandomStream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * A full covariance C = UᵀΣU given in eigen-coordinates, sampled as ζ = L z with C = L Lᵀ (Cholesky) and
 * z ~ N(0, I). O(d²) per step; all d coordinates form one block.
 */
public final class FullCovarianceNoise implements NoiseModel {
    private final int d;
    /** Row-major lower-triangular Cholesky factor. */
    private final double[] lower;
    private final double[] diagonal;
    private final double sMin;
    private final double sMax;

    public FullCovarianceNoise(double[][] covariance) {
        d = covariance.length;
        for (double[] row : covariance) {
            if (row.length != d) {
                throw new IllegalArgumentException("noise covariance: must be square d x d (got a row of length "
                        + row.length + " in a " + d + "-row matrix)");
            }
        }
        RealMatrix c = new Array2DRowRealMatrix(covariance, true);
        if (!MatrixUtils.isSymmetric(c, 1e-12 * Math.max(1, c.getNorm1()))) {
            throw new IllegalArgumentException("noise covariance: must be symmetric");
        }
        RealMatrix l;
        try {
            l = new CholeskyDecomposition(c, 1e-14, 1e-14).getL();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("noise covariance: must be positive definite (" + e.getMessage() + ")");
        }
        lower = new double[d * d];
        diagonal = new double[d];
        for (int i = 0; i < d; i++) {
            diagonal[i] = covariance[i][i];
            for (int j = 0; j <= i; j++) {
                lower[i * d + j] = l.getEntry(i, j);
            }
        }
        double[] eig = new EigenDecompositionSymmetric(c).getEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double e : eig) {
            min = Math.min(min, e);
            max = Math.max(max, e);
        }
        sMin = min;
        sMax = max;
    }

    @Override
    public void checkDimension(int dim) {
        if (dim != d) {
            throw new IllegalArgumentException("noise covariance: must be d x d with d = " + dim + " (got " + d + ")");
        }
    }

    @Override
    public double[] kappaSq(int dim) {
        checkDimension(dim);
        return diagonal.clone();
    }

    @Override
    public double sMin(int dim) {
        return sMin;
    }

    @Override
    public double sMax(int dim) {
        return sMax;
    }

    @Override
    public int blockSize(int dim) {
        return dim;
    }

    /** ζ = L z computed in place, last row first, so that row i still reads the untouched z_0..z_i. */
    @Override
    public void sample(RandomStream rng, int from, int to, double[] out) {
        rng.fillGaussian(out, 0, d);
        for (int i = d - 1; i >= 0; i--) {
            double acc = 0;
            int row = i * d;
            for (int j = 0; j <= i; j++) {
                acc += lower[row + j] * out[j];
            }
            out[i] = acc;
        }
    }

    @Override
    public String describe() {
        return "full covariance d=" + d;
    }
}
