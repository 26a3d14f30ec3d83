package org.alignscope.spectral;

import java.util.Arrays;
import org.alignscope.linalg.SymmetricOperator;

/**
 * The principal submatrix A[S, S] = P<sub>S</sub>ᵀ A P<sub>S</sub> of a symmetric operator A, for an index set S made of
 * contiguous ranges: on a network's Hessian, the curvature of the loss in the parameters S with every other
 * parameter held fixed (a layer's, or one tensor's, Hessian block). Each product embeds v<sub>S</sub> into a zero
 * vector of A's dimension, applies A once and keeps the S entries, so it costs one product of A.
 *
 * <p>By Cauchy's interlacing theorem the j-th largest eigenvalue of A[S, S] lies between the j-th and the
 * (j + n − |S|)-th largest of A, and the traces of the blocks of a partition of the indices add up to tr A.
 */
public final class PrincipalSubmatrix implements SymmetricOperator {
    private final SymmetricOperator full;
    private final int[] starts;
    private final int[] lengths;
    private final int dimension;
    private final double[] embedded;
    private final double[] image;

    /**
     * A[S, S] for S the union of the ranges [starts[r], starts[r] + lengths[r]), taken in the given order.
     *
     * @throws IllegalArgumentException if a range is empty, leaves [0, n) or overlaps another
     */
    public PrincipalSubmatrix(SymmetricOperator full, int[] starts, int[] lengths) {
        if (starts.length != lengths.length || starts.length == 0) {
            throw new IllegalArgumentException("need one length per start and at least one range");
        }
        int n = full.dimension();
        boolean[] taken = new boolean[n];
        int d = 0;
        for (int r = 0; r < starts.length; r++) {
            if (lengths[r] < 1 || starts[r] < 0 || (long) starts[r] + lengths[r] > n) {
                throw new IllegalArgumentException("range [" + starts[r] + ", " + ((long) starts[r] + lengths[r])
                        + ") is empty or outside [0, " + n + ")");
            }
            for (int i = starts[r]; i < starts[r] + lengths[r]; i++) {
                if (taken[i]) {
                    throw new IllegalArgumentException("ranges overlap at index " + i);
                }
                taken[i] = true;
            }
            d += lengths[r];
        }
        this.full = full;
        this.starts = starts.clone();
        this.lengths = lengths.clone();
        this.dimension = d;
        this.embedded = new double[n];
        this.image = new double[n];
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void apply(double[] v, double[] out) {
        Arrays.fill(embedded, 0);
        for (int r = 0, at = 0; r < starts.length; at += lengths[r], r++) {
            System.arraycopy(v, at, embedded, starts[r], lengths[r]);
        }
        full.apply(embedded, image);
        for (int r = 0, at = 0; r < starts.length; at += lengths[r], r++) {
            System.arraycopy(image, starts[r], out, at, lengths[r]);
        }
    }
}
