package org.alignscope.train;

import java.util.List;

/**
 * Optimizer hyperparameters (PyTorch's names and defaults where they exist).
 *
 * @param name        sgd, momentum (heavy ball), nesterov, adam, adamw, rmsprop
 * @param lr          base learning rate η &gt; 0
 * @param momentum    μ of momentum/nesterov, in [0, 1)
 * @param beta1       Adam's β₁ in [0, 1)
 * @param beta2       Adam's β₂ in [0, 1)
 * @param eps         ε &gt; 0 of Adam/RMSprop
 * @param alpha       RMSprop's smoothing α in [0, 1)
 * @param weightDecay λ ≥ 0 (L2 for all but AdamW, decoupled for AdamW)
 * @param schedule    learning-rate multiplier
 */
public record OptimizerConfig(String name, double lr, double momentum, double beta1, double beta2, double eps,
                              double alpha, double weightDecay, LrMultiplier schedule) {
    /** The optimizer names accepted. */
    public static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop");

    /** Plain SGD with a constant learning rate. */
    public static OptimizerConfig sgd(double lr) {
        return new OptimizerConfig("sgd", lr, 0.9, 0.9, 0.999, 1e-8, 0.99, 0, LrMultiplier.constant());
    }

    /** η_t. */
    public double learningRate(long t) {
        return lr * schedule.factor(t);
    }
}
