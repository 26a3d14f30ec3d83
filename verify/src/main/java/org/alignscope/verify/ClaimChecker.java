package org.alignscope.verify;

import java.util.Optional;
import org.alignscope.linalg.random.RandomStream;

/**
 * The numerical check of one claim of the paper. {@link #check} searches instances and aggregates their
 * verdicts; {@link #evaluate} recomputes one instance from its data alone (what {@code --replay} runs), so that
 * every verdict is reproducible from the counterexample file.
 */
public interface ClaimChecker {

    /** The stable claim id (one of the twenty in {@link ClaimRegistry#IDS}). */
    String id();

    /** The statement as printed in the paper (transcribed from the digest). */
    String statement();

    /** What is tried: the instance families, how each side is computed, the margin and its tolerance. */
    String method();

    /** Generates and evaluates instances within the budget; the stream fixes everything random. */
    ClaimResult check(Budget budget, RandomStream rng);

    /** Recomputes one instance (deterministically, including its Monte Carlo draws from the stored seed). */
    Evaluation evaluate(Instance instance);

    /** A corrected statement that the same machinery checks, where one is known. */
    default Optional<ClaimChecker> corrected() {
        return Optional.empty();
    }
}
