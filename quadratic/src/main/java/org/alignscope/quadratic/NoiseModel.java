package org.alignscope.quadratic;

import org.alignscope.linalg.random.RandomStream;

/**
 * The gradient noise ξ_t ~ N(0, Σ) of the paper's model x_{t+1} = x_t − η_t(Ax_t + ξ_t) (§3.2), given in
 * eigen-coordinates: ζ_{i,t} = ⟨ξ_t, u_i⟩ has covariance C = UᵀΣU and variances κ_i² = C_ii.
 *
 * <p>Coordinates are simulated in independent blocks, each with its own random stream. A model whose noise
 * couples coordinates (a full C) uses one block of all d coordinates.
 */
public sealed interface NoiseModel permits IsotropicNoise, DiagonalNoise, FullCovarianceNoise {

    /** κ_i² = C_ii for i = 0..d−1. */
    double[] kappaSq(int d);

    /** s_min = λ_min(Σ). */
    double sMin(int d);

    /** s_max = λ_max(Σ). */
    double sMax(int d);

    /** How many consecutive coordinates share one random stream; the last block may be shorter. */
    int blockSize(int d);

    /**
     * Writes ζ_i for i in [from, to) into {@code out[0, to − from)}, drawing standard normals from {@code rng} in
     * index order. {@code [from, to)} is always one whole block.
     */
    void sample(RandomStream rng, int from, int to, double[] out);

    /** A short description for manifests, e.g. "isotropic sigma=0.5". */
    String describe();

    /** Checks that the model fits dimension d; throws IllegalArgumentException naming the field otherwise. */
    default void checkDimension(int d) {
    }
}
