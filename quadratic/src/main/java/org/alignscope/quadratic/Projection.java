package org.alignscope.quadratic;

/**
 * Which part of the stochastic gradient a step keeps: x_{t+1} = x_t − η_t (a P^D + b P^B)(Ax_t + ξ_t).
 * SGD is (1, 1); the paper's DSGD (eq. 3) is (1, 0) and BSGD (eq. 4) is (0, 1): the noise is projected too.
 * Any other (a, b) interpolates between them. (A training arm's projection, {@code org.alignscope.train.ArmProjection},
 * also says what it projects and works through an estimated subspace.)
 */
public record Projection(double dominant, double bulk) {
    public static final Projection SGD = new Projection(1, 1);
    public static final Projection DSGD = new Projection(1, 0);
    public static final Projection BSGD = new Projection(0, 1);

    public Projection {
        if (!Double.isFinite(dominant) || !Double.isFinite(bulk)) {
            throw new IllegalArgumentException("projection weights: must be finite (got " + dominant + ", " + bulk + ")");
        }
    }

    /** The name used in files: sgd, dsgd, bsgd, or "a,b". */
    public String label() {
        if (equals(SGD)) {
            return "sgd";
        }
        if (equals(DSGD)) {
            return "dsgd";
        }
        if (equals(BSGD)) {
            return "bsgd";
        }
        return dominant + "," + bulk;
    }
}
