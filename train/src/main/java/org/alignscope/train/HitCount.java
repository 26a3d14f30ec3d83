package org.alignscope.train;

import org.alignscope.monitor.ConfidenceInterval;

/**
 * A tally of {@link Outcome}s: the hit rate among the resolved ones with its 95 % Wilson interval.
 *
 * @param hits       resolved agreements
 * @param misses     resolved disagreements
 * @param unresolved measured but within 2 SE of zero
 * @param untested   not measured (e.g. no probe at that state)
 */
public record HitCount(long hits, long misses, long unresolved, long untested) {
    /** No outcome yet. */
    public static final HitCount NONE = new HitCount(0, 0, 0, 0);

    /** This tally with one more {@code outcome}. */
    public HitCount plus(Outcome outcome) {
        return new HitCount(hits + (outcome == Outcome.HIT ? 1 : 0), misses + (outcome == Outcome.MISS ? 1 : 0),
                unresolved + (outcome == Outcome.UNRESOLVED ? 1 : 0), untested + (outcome == Outcome.UNTESTED ? 1 : 0));
    }

    /** hits/(hits + misses), NaN without resolved outcomes. */
    public double rate() {
        return hits + misses == 0 ? Double.NaN : (double) hits / (hits + misses);
    }

    /** The 95 % Wilson interval of the hit rate ([0, 1] without resolved outcomes). */
    public ConfidenceInterval interval() {
        return ConfidenceInterval.wilson(hits, hits + misses);
    }
}
