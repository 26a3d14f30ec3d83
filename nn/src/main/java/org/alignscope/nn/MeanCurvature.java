package org.alignscope.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alignscope.linalg.SymmetricOperator;

/**
 * A curvature matrix (Hessian, Gauss–Newton matrix) of a mean loss over a set of samples split into chunks, as
 * the operator M v = Σ<sub>c</sub> (n<sub>c</sub>/n) M<sub>c</sub> v, where M<sub>c</sub> is the matrix of the
 * mean loss on chunk c ({@link ChunkWeights}). A chunk is a part of a batch evaluated on its own thread (inside
 * {@link Network}) or a chunk of a reference set evaluated one after another ({@link ReferenceSet}).
 *
 * <p>With one chunk the chunk's product is the result; with several, the products are combined in chunk order,
 * either all held at once and computed concurrently, or one at a time in a single buffer (memory of one
 * chunk's product). Both give the same numbers, and the same product twice gives the same bits
 * ({@link #reproduces}). Not thread-safe.
 */
public final class MeanCurvature implements SymmetricOperator {
    /** The product of one chunk's matrix. */
    @FunctionalInterface
    public interface ChunkProduct {
        /** Writes out = M<sub>c</sub> v for chunk {@code c} (out does not alias v). */
        void apply(int c, double[] v, double[] out);
    }

    private final int dimension;
    private final double[] weights;
    private final ChunkProduct product;
    private final List<double[]> results = new ArrayList<>();
    private long products;

    private MeanCurvature(int dimension, double[] weights, ChunkProduct product, boolean concurrent) {
        this.dimension = dimension;
        this.weights = weights;
        this.product = product;
        int buffers = weights.length == 1 ? 0 : concurrent ? weights.length : 1;
        for (int c = 0; c < buffers; c++) {
            results.add(new double[dimension]);
        }
    }

    /**
     * The mean over chunks of {@code sizes[c]} samples, whose products are computed concurrently
     * ({@link Parallel}), each into its own buffer.
     */
    static MeanCurvature concurrent(int dimension, int[] sizes, ChunkProduct product) {
        return new MeanCurvature(dimension, ChunkWeights.of(sizes), product, true);
    }

    /** The mean over chunks of {@code sizes[c]} samples, whose products are computed one after another. */
    static MeanCurvature sequential(int dimension, int[] sizes, ChunkProduct product) {
        return new MeanCurvature(dimension, ChunkWeights.of(sizes), product, false);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The number of chunks each product visits. */
    public int chunkCount() {
        return weights.length;
    }

    /** Products computed so far (each over all chunks). */
    public long products() {
        return products;
    }

    @Override
    public void apply(double[] v, double[] out) {
        if (v.length != dimension || out.length != dimension) {
            throw new IllegalArgumentException("expected vectors of length " + dimension);
        }
        products++;
        if (weights.length == 1) {
            product.apply(0, v, out);
        } else if (results.size() == weights.length) {
            Parallel.run(weights.length, c -> product.apply(c, v, results.get(c)));
            ChunkWeights.sum(results, weights, out);
        } else {
            double[] chunk = results.get(0);
            for (int c = 0; c < weights.length; c++) {
                product.apply(c, v, chunk);
                ChunkWeights.add(c, weights, chunk, out);
            }
        }
    }

    /**
     * Whether two products with {@code v} are identical bit for bit: a check that nothing (a changed parameter,
     * a race between chunks, a reused buffer) makes the operator vary between calls, which Lanczos assumes.
     */
    public boolean reproduces(double[] v) {
        double[] first = new double[dimension];
        double[] second = new double[dimension];
        apply(v, first);
        apply(v, second);
        return Arrays.equals(first, second);
    }
}
