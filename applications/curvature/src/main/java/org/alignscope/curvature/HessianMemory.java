package org.alignscope.curvature;

import static org.alignscope.curvature.HessianSettings.BATCH;
import static org.alignscope.curvature.HessianSettings.K;
import static org.alignscope.curvature.ReferenceData.N;
import static org.alignscope.curvature.HessianSettings.NEGATIVE;

import org.alignscope.nn.ModelSpec;
import org.alignscope.nn.Precision;
import org.alignscope.settings.HeapBudget;
import org.alignscope.settings.Setting;
import org.alignscope.spectral.LanczosOptions;

/**
 * The checks a {@code hessian} run's sizes get before the model is built: k below the parameter count, and a
 * lower bound of the heap the run needs within the Java heap ({@link HeapBudget}). The bound counts, in doubles,
 * the parameters and the gradient, the Lanczos basis ({@link LanczosOptions#krylovFor} vectors of the parameter count, at most
 * the count itself, plus one) and the layer outputs of one forward pass over the samples evaluated at once (the
 * whole reference set, or a chunk) in the model's precision; the run needs more (the backward
 * and second-order passes, the data), so a refused run could never have fitted.
 */
final class HessianMemory {
    private HessianMemory() {
    }

    /**
     * @param spec   the model's architecture
     * @param source the setting that gave it: the model spec or the checkpoint
     */
    static void check(HessianSettings s, ModelSpec spec, Precision precision, Setting<?> source) {
        long p = spec.parameterCount();
        int k = s.get(K);
        int negative = s.get(NEGATIVE);
        if (k >= p) {
            throw K.invalid("must be below the model's parameter count " + p + " (got " + k + ")");
        }
        if (negative >= p) {
            throw NEGATIVE.invalid("must be below the model's parameter count " + p + " (got " + negative + ")");
        }
        int pairs = Math.max(k, negative);
        int n = s.get(N);
        int batch = s.get(BATCH);
        long rows = batch > 0 ? Math.min(batch, n) : n;
        String model = "the model " + spec.text();
        HeapBudget.require(source.label(), "its parameter count", p, model,
                count -> bytes(count, 1, 0, spec, precision));
        HeapBudget.require((k >= negative ? K : NEGATIVE).label(), "k", pairs, model + " with " + pairs
                + " eigenpairs", pk -> bytes(p, pk, 0, spec, precision));
        Setting<Integer> chunk = batch > 0 ? BATCH : N;
        HeapBudget.require(chunk.label(), chunk.key(), rows, model + " evaluated on " + rows + " samples at once",
                r -> bytes(p, pairs, r, spec, precision));
    }

    private static double bytes(long parameters, long pairs, long rows, ModelSpec spec, Precision precision) {
        double basis = Math.min(LanczosOptions.krylovFor((int) pairs), parameters) + 1;
        double vectors = Double.BYTES * (2 + basis) * parameters;
        double activations = (precision == Precision.F32 ? Float.BYTES : Double.BYTES) * (double) rows
                * spec.activationsPerSample();
        return vectors + activations;
    }
}
