package org.alignscope.train;

import org.alignscope.nn.Batch;

/**
 * What a {@link TrainingListener} sees of the run at an event: the step, the trajectory (null at seed events), its
 * parameters, optimizer, basis and step t's batch and gradient, and the metrics row being filled. The arrays are the
 * run's own: a listener reads them and must not modify them; it writes only to the row ({@link #put}).
 */
public final class StepContext {
    private final Trainer.SeedState seed;
    private final long step;
    private final Trainer.Arm arm;
    private final Batch batch;
    private final Trainer.Row row;
    private double batchLoss = Double.NaN;
    private double gradientNorm = Double.NaN;
    private double updateNorm = Double.NaN;

    StepContext(Trainer.SeedState seed, long step, Trainer.Arm arm, Batch batch, Trainer.Row row) {
        this.seed = seed;
        this.step = step;
        this.arm = arm;
        this.batch = batch;
        this.row = row;
    }

    /** The step t (at {@link TrainingEvent#RUN_START}: the first step to run; at RUN_END: the number of steps). */
    public long step() {
        return step;
    }

    /** The seed being run. */
    public long seed() {
        return seed.seed;
    }

    /** The trajectory's name ({@code base} before the switch), or null at a seed event. */
    public String arm() {
        return arm == null ? null : arm.name;
    }

    /** Whether the trajectory is still running (false once a stop was applied). */
    public boolean running() {
        return arm != null && arm.running();
    }

    /** The trajectory's parameters θ (read only). */
    public double[] parameters() {
        return arm.model.parameters();
    }

    /** The trajectory's optimizer and its state (read only). */
    public Optimizer optimizer() {
        return arm.opt;
    }

    /** The trajectory's current basis (rows), or null when it has none (read only). */
    public double[][] basis() {
        return arm.basis();
    }

    /** Step t's mini-batch, or null at events outside a step. */
    public Batch batch() {
        return batch;
    }

    /** Step t's mini-batch gradient at θ_t (from {@link TrainingEvent#GRADIENT_COMPUTED} on; read only). */
    public double[] gradient() {
        return arm.g;
    }

    /** Step t's mini-batch loss at θ_t (NaN before {@link TrainingEvent#GRADIENT_COMPUTED}). */
    public double batchLoss() {
        return batchLoss;
    }

    /** ‖g‖ of step t's mini-batch gradient (NaN before {@link TrainingEvent#GRADIENT_COMPUTED}). */
    public double gradientNorm() {
        return gradientNorm;
    }

    /** ‖u‖ of the applied update before the learning rate (NaN before {@link TrainingEvent#STEP_APPLIED}). */
    public double updateNorm() {
        return updateNorm;
    }

    /** The value of a column of the row being filled, or null. */
    public Object value(String column) {
        return row == null ? null : row.v.get(column);
    }

    /** Sets a column of the row being filled. */
    public void put(String column, Object value) {
        row.put(column, value);
    }

    Trainer.SeedState seedState() {
        return seed;
    }

    Trainer.Arm trajectory() {
        return arm;
    }

    Trainer.Row row() {
        return row;
    }

    void gradientDone(double loss, double norm) {
        batchLoss = loss;
        gradientNorm = norm;
    }

    void updateDone(double norm) {
        updateNorm = norm;
    }
}
