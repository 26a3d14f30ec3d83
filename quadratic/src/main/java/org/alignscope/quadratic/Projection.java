package org.alignscope.quadratic;

/**
 * Which part of the stochastic gradient a step keeps: x_{t+1} = x_t − η_t (a P^D + b P^B)(Ax_t + ξ_t).
 * SGD is (1, 1); the paper's DSGD (eq. 3) is (1, 0) and BSGD (eq. 4) is (0, 1): the noise is projected too.
 * Any other (a, b) interpolates between them.
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

    /** Parses "sgd", "dsgd", "bsgd" or "a,b" (the weights of P^D and P^B). */
    public static Projection parse(String text) {
        switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "sgd":
                return SGD;
            case "dsgd":
                return DSGD;
            case "bsgd":
                return BSGD;
            default:
                String[] parts = text.split(",");
                if (parts.length == 2) {
                    try {
                        return new Projection(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
                    } catch (NumberFormatException e) {
                        // fall through to the error below
                    }
                }
                throw new IllegalArgumentException("--step: must be sgd, dsgd, bsgd or 'a,b' (weights of P^D and P^B), got '"
                        + text + "'");
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
