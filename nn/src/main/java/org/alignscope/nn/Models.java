package org.alignscope.nn;

import org.alignscope.linalg.random.RandomStream;

/** Builds models from spec strings (see {@link ModelSpec} for the grammar). */
public final class Models {
    /** The path element of the initialisation stream: {@code RandomStream.of(seed, INIT_STREAM)}. */
    public static final long INIT_STREAM = 1;

    private Models() {
    }

    /**
     * A model with zero parameters: a {@link Network} for {@code mlp:}/{@code cnn:} specs, a
     * {@link LinearLeastSquares} for {@code lls:} (which requires MSE and f64).
     */
    public static Model create(String spec, Loss loss, Precision precision) {
        ModelSpec s = ModelSpec.parse(spec);
        if (s.kind() == ModelSpec.Kind.LLS) {
            if (loss != Loss.MSE) {
                throw new IllegalArgumentException("model spec '" + spec + "': lls is a least-squares model and"
                        + " needs the mse loss, got " + loss.label());
            }
            if (precision != Precision.F64) {
                throw new IllegalArgumentException("model spec '" + spec + "': lls is available in f64 only");
            }
            return new LinearLeastSquares(s.input().size(), s.output().size());
        }
        return Network.create(s, loss, precision);
    }

    /**
     * A model initialised with PyTorch's default scheme times {@code scale}, from
     * {@code RandomStream.of(seed, INIT_STREAM)}.
     */
    public static Model create(String spec, Loss loss, Precision precision, long seed, double scale) {
        Model m = create(spec, loss, precision);
        m.initialise(RandomStream.of(seed, INIT_STREAM), scale);
        return m;
    }
}
