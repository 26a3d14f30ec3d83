package org.alignscope.theory;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of checking Assumption 14 (Table 2) for a constant step η and a deterministic start x<sub>0</sub>,
 * plus the one extra condition that the formula for t* (Theorem 15) needs.
 *
 * <p>Assumption 14, as printed: 0 &lt; η &lt; 2/λ<sub>1</sub>; η &lt; 2(λ<sub>k</sub> − λ<sub>k+1</sub>)/(λ<sub>1</sub>²
 * − λ<sub>d</sub>²); c<sub>i,0</sub>² &gt; β<sub>i</sub> for every i ∈ D; ϱ<sub>D</sub> &gt; δ − Σ<sub>i∈D</sub>β<sub>i</sub>.
 * The extra condition: η &lt; 1/λ<sub>1</sub>, so that log(1 − ηλ<sub>1</sub>) in t* is defined.
 *
 * <p>Each entry of a list is one failed inequality in words, with both sides' numbers.
 *
 * @param paperViolations the failed inequalities of Assumption 14 itself
 * @param extraViolations the failed extra condition η &lt; 1/λ<sub>1</sub> (empty or one entry)
 */
public record Assumption14(List<String> paperViolations, List<String> extraViolations) {

    /** Copies the lists (unmodifiable). */
    public Assumption14 {
        paperViolations = List.copyOf(paperViolations);
        extraViolations = List.copyOf(extraViolations);
    }

    /** True iff every inequality holds: Assumption 14 and the extra η &lt; 1/λ<sub>1</sub> (all that t* needs). */
    public boolean holds() {
        return paperViolations.isEmpty() && extraViolations.isEmpty();
    }

    /** True iff Assumption 14 as printed holds (ignoring the extra condition). */
    public boolean paperHolds() {
        return paperViolations.isEmpty();
    }

    /** Every failed inequality, those of Assumption 14 first; empty iff {@link #holds()}. */
    public List<String> violations() {
        List<String> all = new ArrayList<>(paperViolations);
        all.addAll(extraViolations);
        return List.copyOf(all);
    }
}
