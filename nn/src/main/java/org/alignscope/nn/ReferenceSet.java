package org.alignscope.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.alignscope.linalg.SymmetricOperator;

/**
 * A fixed set of samples split into chunks, so that whole-set quantities of a model's mean loss are evaluated
 * with the memory of one chunk: the loss, its gradient, the accuracy, and the curvature operators of
 * {@link MeanCurvature} (Hessian or Gauss–Newton matrix, linearised once or recomputed per product) and
 * {@link FiniteDifferenceHessian}. Every quantity is the mean over chunks weighted by chunk size
 * ({@link ChunkWeights}), summed in chunk order, so results are reproducible bit for bit.
 */
public final class ReferenceSet {
    private final List<Batch> chunks;
    private final int[] sizes;
    private final double[] weights;
    private final int n;

    private ReferenceSet(List<Batch> chunks) {
        this.chunks = chunks;
        this.sizes = ChunkWeights.sizes(chunks);
        this.n = IntStream.of(sizes).sum();
        this.weights = ChunkWeights.of(sizes);
    }

    /**
     * The samples {@code x} (row-major n × features) with {@code labels}, in chunks of {@code chunk} samples (the
     * last one shorter when n is not a multiple); 0, or ≥ n, keeps the whole set as one chunk.
     */
    public static ReferenceSet of(double[] x, int[] labels, int chunk) {
        int n = labels.length;
        if (n < 1) {
            throw new IllegalArgumentException("the reference set is empty");
        }
        if (chunk < 0) {
            throw new IllegalArgumentException("chunk must be >= 1 (or 0 for the whole set), got " + chunk);
        }
        int p = x.length / n;
        if ((long) p * n != x.length) {
            throw new IllegalArgumentException(x.length + " feature values do not make " + n + " samples");
        }
        if (chunk == 0 || chunk >= n) {
            return new ReferenceSet(List.of(new Batch(x, labels, n)));
        }
        List<Batch> chunks = new ArrayList<>();
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            chunks.add(new Batch(Arrays.copyOfRange(x, from * p, to * p), Arrays.copyOfRange(labels, from, to),
                    to - from));
        }
        return new ReferenceSet(chunks);
    }

    /** The number of samples n. */
    public int size() {
        return n;
    }

    /** The number of chunks. */
    public int chunkCount() {
        return chunks.size();
    }

    /** The mean loss. */
    public double loss(Model model) {
        double[] losses = new double[chunks.size()];
        for (int c = 0; c < chunks.size(); c++) {
            losses[c] = model.loss(chunks.get(c));
        }
        return ChunkWeights.mean(losses, sizes);
    }

    /** Writes the mean gradient into {@code out} (length P) and returns the mean loss. */
    public double gradient(Model model, double[] out) {
        double[] chunkGradient = new double[out.length];
        double[] losses = new double[chunks.size()];
        for (int c = 0; c < chunks.size(); c++) {
            losses[c] = model.gradient(chunks.get(c), chunkGradient);
            ChunkWeights.add(c, weights, chunkGradient, out);
        }
        return ChunkWeights.mean(losses, sizes);
    }

    /** The reference-set Hessian at the model's current parameters: {@code curvature(model, HESSIAN)}. */
    public MeanCurvature hessian(Model model) {
        return curvature(model, OperatorKind.HESSIAN);
    }

    /**
     * The reference-set Hessian or Gauss–Newton matrix at the model's current parameters, each chunk's operator
     * created now and linearised once (one forward pass per chunk). The operator keeps them, so its memory is
     * that of all chunks' activations; each product is one R-forward and one R-backward pass per chunk.
     */
    public MeanCurvature curvature(Model model, OperatorKind kind) {
        List<SymmetricOperator> ops = new ArrayList<>();
        for (Batch b : chunks) {
            ops.add(kind.of(model, b));
        }
        return MeanCurvature.sequential(model.parameterCount(), sizes, (c, v, out) -> ops.get(c).apply(v, out));
    }

    /**
     * The same matrix with nothing kept between products: each product re-runs, chunk by chunk, the forward pass
     * and the R-passes at the model's parameters at that time (as PyHessian does with a data loader), so memory
     * is bounded by one chunk at the cost of about one extra forward pass per chunk and product. The parameters
     * must not change while the operator is used.
     */
    public MeanCurvature recomputedCurvature(Model model, OperatorKind kind) {
        return MeanCurvature.sequential(model.parameterCount(), sizes,
                (c, v, out) -> kind.apply(model, chunks.get(c), v, out));
    }

    /**
     * The Hessian by central differences of this set's gradient ({@link FiniteDifferenceHessian}) with relative
     * step {@code epsilon}: two chunked gradients per product; the model's parameters are moved and restored.
     */
    public FiniteDifferenceHessian finiteDifferenceHessian(Model model, double epsilon) {
        return new FiniteDifferenceHessian(model.parameters(), out -> gradient(model, out), epsilon);
    }

    /** The fraction of samples whose largest output is at the label (first maximum on ties). */
    public double accuracy(Model model) {
        long correct = 0;
        int k = model.outputSize();
        for (Batch b : chunks) {
            double[] z = model.outputs(b);
            for (int s = 0; s < b.n(); s++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (z[s * k + j] > z[s * k + best]) {
                        best = j;
                    }
                }
                if (best == b.labels()[s]) {
                    correct++;
                }
            }
        }
        return correct / (double) n;
    }
}
