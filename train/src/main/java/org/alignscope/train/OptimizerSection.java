package org.alignscope.train;

import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;

/** The {@code optimizer:} section: the base optimizer (PyTorch's names and defaults) and its schedule. */
final class OptimizerSection {
    static final Setting<String> NAME = Setting.of("name", Types.choice(OptimizerConfig.NAMES.toArray(String[]::new)),
            "sgd", "The update rule (PyTorch's), used before the switch and by every arm after it.");
    static final Setting<Double> LR = Setting.of("lr", Types.positive(1e6), 0.01, "Base learning rate η.");
    static final Setting<Double> MOMENTUM = Setting.of("momentum", Types.realBelow(0, 1), 0.9, "μ of momentum and"
            + " nesterov.");
    static final Setting<Double> BETA1 = Setting.of("beta1", Types.realBelow(0, 1), 0.9, "β₁ of adam and adamw.");
    static final Setting<Double> BETA2 = Setting.of("beta2", Types.realBelow(0, 1), 0.999, "β₂ of adam and adamw.");
    static final Setting<Double> EPS = Setting.of("eps", Types.positive(1), 1e-8, "ε of adam, adamw and rmsprop.");
    static final Setting<Double> ALPHA = Setting.of("alpha", Types.realBelow(0, 1), 0.99, "Smoothing α of"
            + " rmsprop.");
    static final Setting<Double> WEIGHT_DECAY = Setting.of("weight_decay", Types.real(0, 1e6), 0.0, "λ: L2 added to"
            + " the gradient for all but adamw, decoupled for adamw.");

    static final Schema SCHEMA = Schema.file("optimizer", "The base optimizer.", NAME, LR, MOMENTUM, BETA1, BETA2,
            EPS, ALPHA, WEIGHT_DECAY, ScheduleSection.SCHEMA);

    private OptimizerSection() {
    }

    /** The section's record with its schedule. */
    static OptimizerConfig from(Values v, LrMultiplier schedule) {
        return new OptimizerConfig(v.get(NAME), v.get(LR), v.get(MOMENTUM), v.get(BETA1), v.get(BETA2), v.get(EPS),
                v.get(ALPHA), v.get(WEIGHT_DECAY), schedule);
    }
}
