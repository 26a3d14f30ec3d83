package org.alignscope.train;

/**
 * What one arm of one seed ended with (null = undefined).
 *
 * @param arm            the arm's name
 * @param projection     its projection label
 * @param status         {@code ok} or {@code diverged}
 * @param divergedStep   the step whose loss or update was not finite or above the limit (null when ok)
 * @param refLossAtSwitch reference-set loss at the switch step (the same for every arm of a seed)
 * @param finalRefLoss   reference-set loss after the last step (the last evaluated value when diverged)
 * @param finalTrainAcc  training-subset accuracy after the last step
 * @param finalTestAcc   test accuracy after the last step (null without a test set)
 * @param finalRefChi    χ of the reference-set gradient after the last step, against the arm's last basis
 * @param refreshes      subspace refreshes of this arm (the base phase's ones included)
 * @param hvps           Hessian-vector products spent by those refreshes
 */
public record ArmResult(String arm, String projection, String status, Long divergedStep, Double refLossAtSwitch,
                        Double finalRefLoss, Double finalTrainAcc, Double finalTestAcc, Double finalRefChi,
                        int refreshes, long hvps) {
}
