package org.alignscope.curvature;

import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.progress.Counter;

/**
 * An operator that adds one to a {@link Counter} per product: a Lanczos solve then reports each of its steps (one
 * HVP each), a trace estimate each probe. The products themselves are the wrapped operator's, unchanged.
 */
final class CountedOperator implements SymmetricOperator {
    private final SymmetricOperator op;
    private final Counter counter;

    CountedOperator(SymmetricOperator op, Counter counter) {
        this.op = op;
        this.counter = counter;
    }

    @Override
    public int dimension() {
        return op.dimension();
    }

    @Override
    public void apply(double[] v, double[] out) {
        op.apply(v, out);
        counter.add(1);
    }

    /**
     * Moves the count on to {@code mark}, the end of a phase's share of the budget, when the phase used fewer
     * products than it was allowed (a Lanczos solve that converged early).
     */
    void finishPhase(long mark) {
        counter.add(Math.max(0, mark - counter.done()));
    }
}
