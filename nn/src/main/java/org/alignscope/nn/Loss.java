package org.alignscope.nn;

import java.util.Locale;

/**
 * The loss on the network output {@code z} (n × k logits), always the <b>mean over samples</b>.
 *
 * <ul>
 *   <li>{@link #CROSS_ENTROPY}: ℓ(z, y) = −log softmax(z)<sub>y</sub> = logsumexp(z) − z<sub>y</sub>;
 *       ∇<sub>z</sub>ℓ = p − e<sub>y</sub> with p = softmax(z); ∇²<sub>z</sub>ℓ = diag(p) − p pᵀ.</li>
 *   <li>{@link #MSE}: ℓ(z, y) = ½‖z − e<sub>y</sub>‖² summed over the k outputs (one-hot target, as in Song et
 *       al.); ∇<sub>z</sub>ℓ = z − e<sub>y</sub>; ∇²<sub>z</sub>ℓ = I.</li>
 * </ul>
 * The model loss is L = (1/n) Σ<sub>s</sub> ℓ(z<sub>s</sub>, y<sub>s</sub>), so every derivative below carries
 * the factor 1/n. All arithmetic here is in double, also for float32 models.
 */
public enum Loss {
    /** Softmax cross-entropy, mean over samples. */
    CROSS_ENTROPY("ce"),
    /** Half squared error against one-hot targets, summed over outputs, mean over samples. */
    MSE("mse");

    private final String label;

    Loss(String label) {
        this.label = label;
    }

    /** The short name: {@code ce} or {@code mse}. */
    public String label() {
        return label;
    }

    /** Parses {@code ce}/{@code cross-entropy}/{@code xent} or {@code mse}. */
    public static Loss parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "ce": case "cross-entropy": case "crossentropy": case "xent": case "cross_entropy": return CROSS_ENTROPY;
            case "mse": return MSE;
            default: throw new IllegalArgumentException("unknown loss '" + s + "': expected ce or mse");
        }
    }

    /**
     * The mean loss and its gradient with respect to the logits.
     *
     * @param z   logits, n × k row-major
     * @param dz  receives ∂L/∂z (including the 1/n)
     * @param aux receives what {@link #hessianTimes} needs (softmax probabilities for cross-entropy)
     * @return L
     */
    double valueAndGradient(double[] z, int[] labels, int n, int k, double[] dz, double[] aux) {
        double total = 0;
        double invN = 1.0 / n;
        for (int s = 0; s < n; s++) {
            int y = checkLabel(labels[s], k, s);
            int o = s * k;
            if (this == CROSS_ENTROPY) {
                double m = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    m = Math.max(m, z[o + j]);
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += Math.exp(z[o + j] - m);
                }
                double lse = m + Math.log(sum);
                total += lse - z[o + y];
                if (dz != null) {
                    for (int j = 0; j < k; j++) {
                        double p = Math.exp(z[o + j] - lse);
                        aux[o + j] = p;
                        dz[o + j] = (p - (j == y ? 1.0 : 0.0)) * invN;
                    }
                }
            } else {
                for (int j = 0; j < k; j++) {
                    double r = z[o + j] - (j == y ? 1.0 : 0.0);
                    total += 0.5 * r * r;
                    if (dz != null) {
                        dz[o + j] = r * invN;
                    }
                }
            }
        }
        return total * invN;
    }

    /** The mean loss alone. */
    double value(double[] z, int[] labels, int n, int k) {
        return valueAndGradient(z, labels, n, k, null, null);
    }

    /**
     * {@code out = (∇²_z L) r}: the loss Hessian with respect to the logits (block diagonal over samples,
     * including 1/n) times {@code r}. {@code aux} is what {@link #valueAndGradient} left.
     */
    void hessianTimes(double[] aux, int n, int k, double[] r, double[] out) {
        double invN = 1.0 / n;
        for (int s = 0; s < n; s++) {
            int o = s * k;
            if (this == CROSS_ENTROPY) {
                double pr = 0;
                for (int j = 0; j < k; j++) {
                    pr += aux[o + j] * r[o + j];
                }
                for (int j = 0; j < k; j++) {
                    out[o + j] = aux[o + j] * (r[o + j] - pr) * invN;
                }
            } else {
                for (int j = 0; j < k; j++) {
                    out[o + j] = r[o + j] * invN;
                }
            }
        }
    }

    private static int checkLabel(int y, int k, int s) {
        if (y < 0 || y >= k) {
            throw new IllegalArgumentException("label " + y + " of sample " + s + " is outside [0, " + k + ")");
        }
        return y;
    }
}
