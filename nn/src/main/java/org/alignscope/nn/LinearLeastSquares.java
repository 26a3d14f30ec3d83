package org.alignscope.nn;

import java.util.List;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;

/**
 * The linear least-squares model f(x) = W x + b (W of shape K × D, PyTorch layout, then b) with the MSE loss
 * L = (1/2n) Σ<sub>s</sub> ‖W x<sub>s</sub> + b − e<sub>y<sub>s</sub></sub>‖². It is a quadratic in θ: with
 * x̃ = (x, 1), the Hessian is block diagonal with one block X̃ᵀX̃ / n per output (acting on row o of [W | b]),
 * independent of θ, and equal to the Gauss–Newton matrix.
 *
 * <p>Written directly from those formulas with plain loops, independently of {@link Network}, so that the two
 * can check each other ({@code lls:D-K} and {@code mlp:D-K} with MSE are the same function). float64 only.
 */
public final class LinearLeastSquares implements Model {
    private final String spec;
    private final int d;
    private final int k;
    private final double[] params;
    private double[] residual = new double[0];
    private double[] jv = new double[0];

    /** The model {@code lls:d-k} with zero parameters. */
    public LinearLeastSquares(int d, int k) {
        if (d <= 0 || k <= 0) {
            throw new IllegalArgumentException("sizes must be positive, got " + d + " and " + k);
        }
        this.spec = "lls:" + d + "-" + k;
        this.d = d;
        this.k = k;
        this.params = new double[k * d + k];
    }

    @Override
    public String spec() {
        return spec;
    }

    @Override
    public Precision precision() {
        return Precision.F64;
    }

    @Override
    public Loss lossFunction() {
        return Loss.MSE;
    }

    @Override
    public int inputSize() {
        return d;
    }

    @Override
    public int outputSize() {
        return k;
    }

    @Override
    public int parameterCount() {
        return params.length;
    }

    @Override
    public double[] parameters() {
        return params;
    }

    @Override
    public List<TensorInfo> tensors() {
        return List.of(new TensorInfo("0.weight", new int[] {k, d}, 0), new TensorInfo("0.bias", new int[] {k}, k * d));
    }

    @Override
    public void initialise(RandomStream r, double scale) {
        double bound = scale / Math.sqrt(d);
        for (int i = 0; i < params.length; i++) {
            params[i] = bound * (2 * r.nextDouble() - 1);
        }
    }

    private void check(Batch b) {
        if (b.features() != d) {
            throw new IllegalArgumentException("batch has " + b.features() + " features, the model expects " + d);
        }
        for (int s = 0; s < b.n(); s++) {
            if (b.labels()[s] < 0 || b.labels()[s] >= k) {
                throw new IllegalArgumentException("label " + b.labels()[s] + " of sample " + s + " is outside [0, "
                        + k + ")");
            }
        }
    }

    /** out[s·k + o] = Σ_j a[o·d + j] x[s·d + j] + a[k·d + o] (the model applied with parameters a). */
    private void outputs(double[] a, Batch b, double[] out) {
        double[] x = b.x();
        for (int s = 0; s < b.n(); s++) {
            for (int o = 0; o < k; o++) {
                double z = a[k * d + o];
                for (int j = 0; j < d; j++) {
                    z += a[o * d + j] * x[s * d + j];
                }
                out[s * k + o] = z;
            }
        }
    }

    /** out = (1/n) [rᵀ X̃] for residual-like r (n × k): the adjoint of {@link #outputs}, scaled. */
    private void adjoint(double[] r, Batch b, double[] out) {
        java.util.Arrays.fill(out, 0);
        double[] x = b.x();
        double inv = 1.0 / b.n();
        for (int s = 0; s < b.n(); s++) {
            for (int o = 0; o < k; o++) {
                double ro = r[s * k + o] * inv;
                for (int j = 0; j < d; j++) {
                    out[o * d + j] += ro * x[s * d + j];
                }
                out[k * d + o] += ro;
            }
        }
    }

    private double residuals(Batch b) {
        check(b);
        if (residual.length < b.n() * k) {
            residual = new double[b.n() * k];
        }
        outputs(params, b, residual);
        double sum = 0;
        for (int s = 0; s < b.n(); s++) {
            residual[s * k + b.labels()[s]] -= 1;
        }
        for (int i = 0; i < b.n() * k; i++) {
            sum += residual[i] * residual[i];
        }
        return 0.5 * sum / b.n();
    }

    @Override
    public double[] outputs(Batch b) {
        check(b);
        double[] out = new double[b.n() * k];
        outputs(params, b, out);
        return out;
    }

    @Override
    public double loss(Batch b) {
        return residuals(b);
    }

    @Override
    public double gradient(Batch b, double[] out) {
        double value = residuals(b);
        adjoint(residual, b, out);
        return value;
    }

    @Override
    public void hvp(Batch b, double[] v, double[] out) {
        check(b);
        if (jv.length < b.n() * k) {
            jv = new double[b.n() * k];
        }
        outputs(v, b, jv);
        adjoint(jv, b, out);
    }

    @Override
    public SymmetricOperator hessian(Batch b) {
        check(b);
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return params.length;
            }

            @Override
            public void apply(double[] v, double[] out) {
                hvp(b, v, out);
            }
        };
    }

    /** Equal to {@link #hessian}: the model is linear in θ and ∇²ℓ = I. */
    @Override
    public SymmetricOperator gaussNewton(Batch b) {
        return hessian(b);
    }
}
