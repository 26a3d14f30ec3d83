package org.alignscope.train;

/**
 * What the {@link TrainingLoop} announces to its {@link TrainingListener}s, in this order. Seed events carry no
 * trajectory ({@link StepContext#arm()} is null); trajectory events are published for each running trajectory in
 * turn (the base run before the switch, each arm after it), all of one trajectory's events of step t before the
 * next trajectory's.
 */
public enum TrainingEvent {
    /** A seed starts or resumes; the context's step is the first step to run. */
    RUN_START,
    /** Step t begins, before any trajectory has moved (seed event). */
    STEP_START,
    /** A trajectory is at θ_t with a fresh metrics row; nothing of step t has been computed yet. */
    TRAJECTORY_START,
    /** A new arm has just taken over the base run's exact state and its row of the switch step. */
    ARM_BRANCHED,
    /** Step t's mini-batch loss and gradient are in the context; θ is still θ_t. */
    GRADIENT_COMPUTED,
    /** The update has been applied (θ is θ_t+1); not published for a trajectory stopped at its gradient. */
    STEP_APPLIED,
    /** The trajectory's row of step t (or its end row) is complete and may be written. */
    ROW_COMPLETE,
    /** Every trajectory has done step t (seed event). */
    STEP_END,
    /** A trajectory still running after the last step, with its end row (event {@code end}) at θ_T. */
    TRAJECTORY_END,
    /** The seed is done: its last step taken or every trajectory stopped (seed event). */
    RUN_END
}
