package org.alignscope.train;

import java.util.Locale;

/** How the training loop draws its mini-batches ({@code training.sampler}). */
public enum Sampler {
    /** A fresh permutation per epoch, consecutive batches of B ({@link DataOrder}). */
    EPOCH,
    /** Each batch B indices drawn independently and uniformly with replacement ({@link ReplacementOrder}). */
    REPLACEMENT;

    /** The word a config writes. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This sampler's batches over n samples of batch size B for a training seed. */
    BatchOrder order(long seed, int n, int batch) {
        return this == EPOCH ? new DataOrder(seed, n, batch) : new ReplacementOrder(seed, n, batch);
    }
}
