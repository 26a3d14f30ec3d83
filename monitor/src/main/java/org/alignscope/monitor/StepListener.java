package org.alignscope.monitor;

/**
 * The two calls a training loop makes around each parameter update: {@code beforeStep} at the current point
 * with the step size about to be used, {@code afterStep} once the parameters have been updated.
 */
public interface StepListener {
    /** Called at step t before the update that uses step size η (the point is w<sub>t</sub>). */
    void beforeStep(long step, double eta);

    /** Called after the update of step t (the point is now w<sub>t+1</sub>). */
    void afterStep(long step);
}
