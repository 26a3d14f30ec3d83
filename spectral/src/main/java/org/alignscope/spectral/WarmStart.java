package org.alignscope.spectral;

/**
 * How {@link Lanczos#solve} uses previous eigenvectors u_1..u_p.
 *
 * <ul>
 *   <li>{@link #SUBSPACE}: all p vectors (orthonormalised) become the first basis vectors; after p products the
 *       Rayleigh–Ritz pairs of the old subspace are known, each with residual of the order of the operator's
 *       change, and the basis grows from the residual block, the direction of the largest unconverged residual
 *       first. Each wanted pair then costs only the products that its own residual needs (a pair already within
 *       tolerance costs none), but the residual block has up to p independent directions.</li>
 *   <li>{@link #SUM}: one start vector x₀ = Σ u_i/‖u_i‖ (normalised) and the single-vector Lanczos recurrence.
 *       x₀'s component outside the old subspace is small, so fewer steps are needed than from a random vector,
 *       but the Krylov polynomial still has to separate the wanted eigenvalues from each other (costly when they
 *       are clustered).</li>
 * </ul>
 * Which is cheaper depends on the spectrum and on how far the operator moved. {@link #SUBSPACE} wins when the
 * change is tiny and the wanted eigenvalues are clustered (explicit matrices, relative change 1e-6 to 1e-5: 20–34
 * products against 49–50 for {@link #SUM} and 60 cold). After one SGD step of a trained MLP (largest principal
 * angle about 1e-2) {@link #SUM} is cheaper, so it is the default; the measurements are in
 * {@code spectral/README.md} and {@code docs/results/hessian-eigensolve.md}.
 */
public enum WarmStart {
    SUBSPACE,
    SUM
}
