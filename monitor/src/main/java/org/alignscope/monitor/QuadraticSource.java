package org.alignscope.monitor;

import org.alignscope.linalg.Blas;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.Vectors;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.AlignmentState;
import org.alignscope.theory.Landscape;

/**
 * The paper's quadratic L(x) = ½xᵀAx with additive Gaussian gradient noise, in a random rotated basis, behind
 * the general {@link CurvatureSource} interface: A = QΛQᵀ (Q any orthogonal basis, e.g. a random rotation), the
 * noise ξ = Q(κ ⊙ z), z ~ N(0, I), so Σ = Q diag(κ²) Qᵀ (κ² = σ² for the isotropic noise of the paper). HVPs are
 * exact dense products A·v (O(d²)); nothing tells the monitor that the basis is special.
 *
 * <p>Because the eigen-coordinates c = Qᵀx of the state and the per-direction noise variances κ² are known,
 * {@link #exactState(int)} gives every quantity of the theory module exactly: that is the reference the
 * cross-check compares the general HVP path against.
 */
public final class QuadraticSource implements CurvatureSource {
    /** Stream path component of the noise draws ("NOIS"). */
    public static final long NOISE_STREAM = 0x4E4F4953L;

    private final double[] lambda;
    private final double[] kappa;
    private final double[] kappaSq;
    private final double[] q;
    private final double[] a;
    private final double[] x;
    private final int d;
    private final RandomStream noise;
    private final double[] z;
    private final String description;

    private QuadraticSource(double[] lambda, double[] kappaSq, double[] q, double[] c, long seed, String description) {
        this.d = lambda.length;
        this.lambda = lambda.clone();
        this.kappaSq = kappaSq.clone();
        this.kappa = new double[d];
        for (int i = 0; i < d; i++) {
            kappa[i] = Math.sqrt(kappaSq[i]);
        }
        this.q = q;
        this.a = new double[d * d];
        for (int l = 0; l < d; l++) {
            for (int j = 0; j < d; j++) {
                double ql = q[l * d + j] * lambda[l];
                if (ql == 0) {
                    continue;
                }
                for (int i = 0; i < d; i++) {
                    a[j * d + i] += q[l * d + i] * ql;
                }
            }
        }
        this.x = new double[d];
        Blas.multiply(q, d, d, c, x);
        this.noise = RandomStream.of(seed, NOISE_STREAM);
        this.z = new double[d];
        this.description = description;
    }

    /**
     * A quadratic with the given eigenvalues (any order, positive or not), per-direction noise variances κ², a
     * column-major orthogonal basis q (column i is u<sub>i</sub>) and eigen-coordinates c of the state.
     */
    public static QuadraticSource of(double[] lambda, double[] kappaSq, double[] q, double[] c, long seed) {
        return of(lambda, kappaSq, q, c, seed, "quadratic d=" + lambda.length);
    }

    /** As {@link #of(double[], double[], double[], double[], long)}, with the text {@link #describe()} returns. */
    public static QuadraticSource of(double[] lambda, double[] kappaSq, double[] q, double[] c, long seed,
                                     String description) {
        int d = lambda.length;
        if (kappaSq.length != d || c.length != d || q.length != d * d) {
            throw new IllegalArgumentException("lambda, kappaSq, c must have length d = " + d + " and q d*d");
        }
        return new QuadraticSource(lambda, kappaSq, q, c, seed, description);
    }

    @Override
    public int dimension() {
        return d;
    }

    /** The live state x (writes move the point). */
    public double[] state() {
        return x;
    }

    /** The eigen-coordinates c = Qᵀx of the current state. */
    public double[] coordinates() {
        double[] c = new double[d];
        Blas.multiplyTransposed(q, d, d, x, c);
        return c;
    }

    /** The eigenvalues in the order given (index i belongs to column i of Q). */
    public double[] lambda() {
        return lambda.clone();
    }

    /** κ<sub>i</sub>² = u<sub>i</sub>ᵀΣu<sub>i</sub>. */
    public double[] kappaSq() {
        return kappaSq.clone();
    }

    /**
     * The landscape of the theory module (Σ known, so g<sub>gap</sub>, θ*, regimes apply), when the
     * eigenvalues are positive, descending and have a gap at k; otherwise an exception naming the problem.
     */
    public Landscape landscape(int k) {
        return Landscape.withDiagonalNoise(lambda, k, kappaSq);
    }

    /** The exact dominant/bulk moments of the current state in eigen-coordinates (D = the first k indices). */
    public AlignmentState exactState(int k) {
        return exactState(k, coordinates());
    }

    /** The exact moments for given eigen-coordinates c (use the ones the state was built from, free of rounding). */
    public AlignmentState exactState(int k, double[] c) {
        return AlignmentState.of(lambda, c, kappaSq, k);
    }

    @Override
    public double loss() {
        double[] g = new double[d];
        Blas.multiply(a, d, d, x, g);
        return 0.5 * Vectors.dot(x, g);
    }

    @Override
    public double gradient(double[] out) {
        Blas.multiply(a, d, d, x, out);
        return 0.5 * Vectors.dot(x, out);
    }

    @Override
    public void noiseSample(double[] g, double[] out) {
        noise.fillGaussian(z, 0, d);
        for (int i = 0; i < d; i++) {
            z[i] *= kappa[i];
        }
        Blas.multiply(q, d, d, z, out);
    }

    /**
     * The quadratic's mini-batch: ĝ = Ax + ξ with ξ = Q(κ ⊙ z), z from {@code stream} (so {@link #noiseSample}'s draws
     * do not move), and Ĥ = A (additive noise leaves the Hessian unchanged).
     */
    @Override
    public BatchCurvature batchCurvature(RandomStream stream) {
        double[] zb = new double[d];
        double[] xi = new double[d];
        return gradient -> {
            gradient(gradient);
            stream.fillGaussian(zb, 0, d);
            for (int i = 0; i < d; i++) {
                zb[i] *= kappa[i];
            }
            Blas.multiply(q, d, d, zb, xi);
            Vectors.axpy(1, xi, gradient);
            return hessian();
        };
    }

    @Override
    public SymmetricOperator hessian() {
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public void apply(double[] v, double[] out) {
                Blas.multiply(a, d, d, v, out);
            }
        };
    }

    @Override
    public String describe() {
        return description;
    }
}
