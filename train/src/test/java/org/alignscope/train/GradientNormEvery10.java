package org.alignscope.train;

import java.util.List;

/** The guide's example listener: the mini-batch gradient norm every 10 steps, in a column of its own. */
final class GradientNormEvery10 implements TrainingListener {
    static final String COLUMN = "grad_norm_every_10";

    @Override
    public List<TrainingCommand> on(TrainingEvent event, StepContext context) {
        if (event == TrainingEvent.GRADIENT_COMPUTED && context.step() % 10 == 0) {
            context.put(COLUMN, context.gradientNorm());
        }
        return List.of();
    }

    @Override
    public List<String> columns() {
        return List.of(COLUMN);
    }
}
