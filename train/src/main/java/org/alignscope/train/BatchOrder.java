package org.alignscope.train;

import org.alignscope.monitor.SamplerState;

/**
 * The mini-batch of every step, a pure function of (seed, step), so that paired arms and a resumed run see the same
 * batches without saving any stream state.
 */
interface BatchOrder {
    /** The sample indices of step t's mini-batch (a new array). */
    int[] batch(long t);

    /** The law of step t's mini-batch given the batches before it, read without drawing step t's batch. */
    SamplerState stateAt(long t);
}
