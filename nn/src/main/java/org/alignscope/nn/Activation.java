package org.alignscope.nn;

import java.util.Locale;

/**
 * Elementwise activations, each with its first and second derivative (needed by the R-operator).
 * <ul>
 *   <li>tanh: f' = 1 − f², f'' = −2 f (1 − f²)</li>
 *   <li>ReLU: f = max(z, 0), f' = [z &gt; 0], f'' = 0 (the kink at 0 is given derivative 0, as PyTorch)</li>
 *   <li>GELU, exact form: f = z Φ(z) with Φ(z) = ½(1 + erf(z/√2)); f' = Φ + z φ; f'' = φ (2 − z²),
 *       φ the standard normal density</li>
 * </ul>
 */
public enum Activation {
    TANH, RELU, GELU;

    /** The spec token: {@code tanh}, {@code relu}, {@code gelu}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether f'' ≡ 0 (ReLU: piecewise linear), so that R-backward is R{gx} = f' ⊙ R{gy} and no f'' array is
     * stored or read.
     */
    boolean piecewiseLinear() {
        return this == RELU;
    }

    /** The activation named by a spec token, or null. */
    static Activation fromToken(String t) {
        for (Activation a : values()) {
            if (a.token().equals(t)) {
                return a;
            }
        }
        return null;
    }
}
