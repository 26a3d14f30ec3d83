package org.alignscope.theory;

/**
 * The roots of {@code a x² + b x + c = 0} (with {@code a > 0} and real roots) computed without subtractive
 * cancellation: of the two textbook forms {@code (−b ± √Δ)/(2a)} and {@code 2c/(−b ∓ √Δ)}, each root is taken from
 * the one whose denominator or numerator adds two terms of the same sign. The caller passes {@code √Δ}, because
 * the discriminant itself often has a cancellation-free form only the caller knows (e.g. a sum of squares).
 */
final class StableQuadratic {
    private StableQuadratic() {
    }

    /** The larger root {@code (−b + √Δ)/(2a)}. */
    static double largerRoot(double a, double b, double c, double sqrtDisc) {
        if (b <= 0) {
            return (-b + sqrtDisc) / (2 * a);
        }
        return (2 * c) / (-b - sqrtDisc);
    }

    /** The smaller root {@code (−b − √Δ)/(2a)}. */
    static double smallerRoot(double a, double b, double c, double sqrtDisc) {
        if (b >= 0) {
            return (-b - sqrtDisc) / (2 * a);
        }
        return (2 * c) / (-b + sqrtDisc);
    }
}
