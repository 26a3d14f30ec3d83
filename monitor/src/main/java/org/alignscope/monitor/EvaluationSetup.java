package org.alignscope.monitor;

/**
 * What a {@link TrainingMonitor} evaluates at a step: the curvature source of the current point and the monitor's
 * settings. A user's loop has one of each ({@link #of}); a training run with fresh noise batches and a Lanczos seed
 * per step (so that a resumed run evaluates identically) gives them per step.
 */
public interface EvaluationSetup {
    /** The source whose current point is evaluated at {@code step}. */
    CurvatureSource source(long step);

    /** The settings of the evaluation at {@code step}. */
    MonitorOptions options(long step);

    /** The same source and settings at every step. */
    static EvaluationSetup of(CurvatureSource source, MonitorOptions options) {
        return new EvaluationSetup() {
            @Override
            public CurvatureSource source(long step) {
                return source;
            }

            @Override
            public MonitorOptions options(long step) {
                return options;
            }
        };
    }
}
