package org.alignscope.linalg.random;

/**
 * Tables and the rare slow path of the 256-layer ziggurat for the standard normal density
 * f(x) = exp(−x²/2) (unnormalised), after Marsaglia and Tsang (2000).
 *
 * <p>Every layer has area v = 4.92867323399e−3; the base layer is the rectangle [0, r]×[0, f(r)] plus the
 * tail beyond r = 3.6541528853610088. Abscissae: x₀ = v/f(r) (the base layer's virtual width), x₁ = r,
 * x_{i+1} = √(−2 ln(v/x_i + f(x_i))), x₂₅₆ = 0. A draw (layer i, u ∈ [−1, 1)) is accepted at once when
 * |u| &lt; x_{i+1}/x_i (about 99.3 % of draws).
 */
final class Ziggurat {
    static final int LAYERS = 256;
    static final double R = 3.6541528853610088;
    static final double V = 4.92867323399e-3;

    /** x_i, i = 0..256. */
    static final double[] X = new double[LAYERS + 1];
    /** f(x_i). */
    static final double[] F = new double[LAYERS + 1];
    /** x_{i+1}/x_i: the fast-acceptance bound on |u|. */
    static final double[] RATIO = new double[LAYERS];

    static {
        double fr = density(R);
        X[0] = V / fr;
        X[1] = R;
        for (int i = 1; i < LAYERS - 1; i++) {
            X[i + 1] = Math.sqrt(-2 * Math.log(V / X[i] + density(X[i])));
        }
        X[LAYERS] = 0;
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = density(X[i]);
        }
        for (int i = 0; i < LAYERS; i++) {
            RATIO[i] = X[i + 1] / X[i];
        }
    }

    private Ziggurat() {
    }

    static double density(double x) {
        return Math.exp(-0.5 * x * x);
    }

    /** The slow path for a first draw (layer, u) that fell outside the layer's inner rectangle. */
    static double outside(RandomStream rng, int layer, double u) {
        while (true) {
            if (layer == 0) {
                return tail(rng, u < 0);
            }
            double x = u * X[layer];
            double y = F[layer] + rng.nextDouble() * (F[layer + 1] - F[layer]);
            if (y < density(x)) {
                return x;
            }
            long bits = rng.nextLong();
            layer = (int) bits & 0xFF;
            u = (bits >> 11) * 0x1.0p-52;
            if (Math.abs(u) < RATIO[layer]) {
                return u * X[layer];
            }
        }
    }

    /** A draw from the normal tail beyond r (Marsaglia 1964): x = r + e₁/r accepted when 2e₂ ≥ (e₁/r)². */
    private static double tail(RandomStream rng, boolean negative) {
        double x;
        double y;
        do {
            x = -Math.log(rng.nextOpenDouble()) / R;
            y = -Math.log(rng.nextOpenDouble());
        } while (2 * y < x * x);
        return negative ? -(R + x) : R + x;
    }
}
