package org.alignscope.monitor;

import java.util.Arrays;

/**
 * What the training sampler says about the next mini-batch, read without drawing from the sampler's random stream:
 * the law of the next batch, from which the sampler-true mean and covariance of its gradient follow
 * ({@code org.alignscope.theory.SamplerMoments}).
 */
public sealed interface SamplerState {
    /** A sampler that does not say how it draws (a library user's callbacks by default). */
    static SamplerState unknown() {
        return Unknown.INSTANCE;
    }

    /** Every batch is B indices drawn independently and uniformly with replacement from the training set. */
    static SamplerState replacement() {
        return Replacement.INSTANCE;
    }

    /**
     * An epoch sampler between batches: the next batch is a uniform B-subset of the training samples not yet used in
     * the current epoch.
     *
     * @param remaining those samples' indices (copied and sorted, so that the order of the epoch's rest stays unread)
     */
    static SamplerState epoch(int[] remaining) {
        int[] sorted = remaining.clone();
        Arrays.sort(sorted);
        return new Epoch(sorted);
    }

    /** The law of the next batch is not known. */
    enum Unknown implements SamplerState {
        INSTANCE
    }

    /** Batches drawn with replacement: the next one has mean gradient g and covariance S/B. */
    enum Replacement implements SamplerState {
        INSTANCE
    }

    /** Mid-epoch without replacement: the next batch is a uniform B-subset of {@link #remaining()}. */
    final class Epoch implements SamplerState {
        private final int[] remaining;

        private Epoch(int[] remaining) {
            this.remaining = remaining;
        }

        /** The indices not yet used in this epoch, ascending (a copy). */
        public int[] remaining() {
            return remaining.clone();
        }

        /** R: how many samples are left in this epoch. */
        public int count() {
            return remaining.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Epoch e && Arrays.equals(remaining, e.remaining);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(remaining);
        }

        @Override
        public String toString() {
            return "epoch (" + remaining.length + " samples left)";
        }
    }
}
