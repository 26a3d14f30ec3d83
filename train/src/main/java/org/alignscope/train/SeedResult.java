package org.alignscope.train;

import java.util.List;

/**
 * One seed of an experiment.
 *
 * @param seed         the training seed
 * @param switchStep   the step from which the arms branch (null if the base run diverged first)
 * @param switchReason {@code threshold} (the EMA of χ exceeded it) or {@code fallback}
 * @param switchEma    the EMA of χ at the switch
 * @param arms         per arm, in config order
 */
public record SeedResult(long seed, Long switchStep, String switchReason, Double switchEma, List<ArmResult> arms) {
}
