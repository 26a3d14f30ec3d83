package org.alignscope.spectral;

import java.util.Arrays;

/**
 * Eigenpairs of a symmetric operator with their certificates.
 *
 * <p>Pair {@code i} is ({@code eigenvalues[i]}, {@code eigenvectors[i]}), most extreme first: descending for
 * {@link Which#LARGEST}, ascending for {@link Which#SMALLEST}. Each eigenvector has unit Euclidean norm and the
 * eigenvalue is its Rayleigh quotient vᵀHv. {@code residuals[i]} is the absolute residual ‖Hv − λv‖, recomputed
 * with one true operator application per pair after the iteration (not the Lanczos estimate), and
 * {@code converged[i]} is {@code residuals[i] <= tolerance * scale}, where {@code scale} = |λ_1| (the first
 * eigenvalue returned; if that is tiny compared with the largest Ritz value seen, that magnitude is used instead).
 * {@code operatorApplications} counts every operator application, certification included.
 */
public record EigenResult(
        Which which,
        double[] eigenvalues,
        double[][] eigenvectors,
        double[] residuals,
        boolean[] converged,
        int operatorApplications,
        double tolerance,
        double scale) {

    /** The number of pairs returned. */
    public int count() {
        return eigenvalues.length;
    }

    /** Whether every returned pair meets the tolerance. */
    public boolean allConverged() {
        for (boolean c : converged) {
            if (!c) {
                return false;
            }
        }
        return true;
    }

    /** The number of pairs that meet the tolerance. */
    public int convergedCount() {
        int c = 0;
        for (boolean b : converged) {
            c += b ? 1 : 0;
        }
        return c;
    }

    @Override
    public String toString() {
        return "EigenResult[" + which + ", eigenvalues=" + Arrays.toString(eigenvalues) + ", residuals="
                + Arrays.toString(residuals) + ", converged=" + Arrays.toString(converged)
                + ", operatorApplications=" + operatorApplications + ", tolerance=" + tolerance + ", scale=" + scale
                + "]";
    }
}
