package org.alignscope.lab.curvature;

import org.alignscope.lab.HeapBudget;
import org.alignscope.nn.ModelSpec;
import org.alignscope.nn.Precision;

/**
 * The checks a {@code hessian} run's sizes get before the model is built: k below the parameter count, and a
 * lower bound of the heap the run needs within the Java heap ({@link HeapBudget}). The bound counts, in doubles,
 * the parameters and the gradient, the Lanczos basis (max(2k + 10, 30) vectors of the parameter count, at most
 * the count itself, plus one) and the layer outputs of one forward pass over the samples evaluated at once (the
 * whole reference set, or a {@code --batch} chunk) in the model's precision; the run needs more (the backward
 * and second-order passes, the data), so a refused run could never have fitted.
 */
final class HessianMemory {
    private HessianMemory() {
    }

    /**
     * @param spec   the model's architecture
     * @param option the option that gave it: {@code --model} or {@code --checkpoint}
     */
    static void check(HessianSettings s, ModelSpec spec, Precision precision, String option) {
        long p = spec.parameterCount();
        if (s.k() >= p) {
            throw new IllegalArgumentException("--k: must be below the model's parameter count " + p + " (got "
                    + s.k() + ")");
        }
        if (s.negative() >= p) {
            throw new IllegalArgumentException("--negative: must be below the model's parameter count " + p
                    + " (got " + s.negative() + ")");
        }
        int pairs = Math.max(s.k(), s.negative());
        long rows = s.batch() > 0 ? Math.min(s.batch(), s.n()) : s.n();
        String model = "the model " + spec.text();
        HeapBudget.require(option, "its parameter count", p, model, count -> bytes(count, 1, 0, spec, precision));
        HeapBudget.require(s.k() >= s.negative() ? "--k" : "--negative", "k", pairs, model + " with " + pairs
                + " eigenpairs", k -> bytes(p, k, 0, spec, precision));
        String chunk = s.batch() > 0 ? "--batch" : "--n";
        HeapBudget.require(chunk, chunk.substring(2), rows, model + " evaluated on " + rows + " samples at once",
                r -> bytes(p, pairs, r, spec, precision));
    }

    private static double bytes(long parameters, long pairs, long rows, ModelSpec spec, Precision precision) {
        double basis = Math.min(Math.max(2 * pairs + 10, 30), parameters) + 1;
        double vectors = Double.BYTES * (2 + basis) * parameters;
        double activations = (precision == Precision.F32 ? Float.BYTES : Double.BYTES) * (double) rows
                * spec.activationsPerSample();
        return vectors + activations;
    }
}
