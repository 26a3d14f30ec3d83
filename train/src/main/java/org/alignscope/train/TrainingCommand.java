package org.alignscope.train;

/**
 * What a {@link TrainingListener} asks the {@link TrainingLoop} to do. The loop applies the commands of one event
 * after all listeners of that event have run, in the listeners' declared order.
 */
public sealed interface TrainingCommand {
    /** Every configured arm branches from the base run's current state at the current step, for {@code reason}. */
    static TrainingCommand branch(String reason) {
        return new Branch(reason);
    }

    /** The named trajectory stops at the current step; {@code reason} becomes its status and its row's event. */
    static TrainingCommand stop(String arm, String reason) {
        return new Stop(arm, reason);
    }

    /** The seed's state at the start of the current step is saved as the run's checkpoint. */
    static TrainingCommand checkpoint() {
        return new Checkpoint();
    }

    /** See {@link #branch(String)}. */
    record Branch(String reason) implements TrainingCommand {
    }

    /** See {@link #stop(String, String)}. */
    record Stop(String arm, String reason) implements TrainingCommand {
    }

    /** See {@link #checkpoint()}. */
    record Checkpoint() implements TrainingCommand {
    }
}
