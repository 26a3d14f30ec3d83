package org.alignscope.train;

import org.alignscope.nn.Loss;
import org.alignscope.nn.ModelSpec;
import org.alignscope.nn.Precision;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;

/** The {@code model:} section: the network, its loss and precision, its initialisation and its threads. */
final class ModelSection {
    static final Setting<String> SPEC = Setting.of("spec", Types.parsed("a model spec (nn/README.md)", s -> {
        ModelSpec.parse(s);
        return s;
    }, s -> s), "mlp:784-200-200-10:tanh", "The network, in the grammar of nn/README.md; its input and output sizes"
            + " must match the data.");
    static final Setting<Loss> LOSS = Setting.of("loss", Types.choice(Loss::parse, Loss::label, "mse", "ce"),
            Loss.MSE, "mse: mean over samples of ½‖f(x) − onehot(y)‖²; ce: softmax cross-entropy.");
    static final Setting<Precision> PRECISION = Setting.of("precision", Types.choice(Precision::parse,
            Precision::label, "f64", "f32"), Precision.F64, "Floating-point precision of the network's arithmetic.");
    static final Setting<Double> INIT_SCALE = Setting.of("init_scale", Types.positive(1e6), 1.0, "Multiplies"
            + " PyTorch's default initialisation.");
    static final Setting<Integer> THREADS = Setting.of("threads", Types.integer(1, 64), 1, "Parts every batch"
            + " (mini-batch, reference-set chunk) is split into and evaluated concurrently; results change with it"
            + " in the last bits only.");

    static final Schema SCHEMA = Schema.file("model", "The network.", SPEC, LOSS, PRECISION, INIT_SCALE, THREADS);

    private ModelSection() {
    }

    /** The section's record. */
    static TrainConfig.ModelSettings from(Values v) {
        return new TrainConfig.ModelSettings(v.get(SPEC), v.get(LOSS), v.get(PRECISION), v.get(INIT_SCALE),
                v.get(THREADS));
    }
}
