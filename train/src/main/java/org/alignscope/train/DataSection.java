package org.alignscope.train;

import org.alignscope.settings.Bound;
import org.alignscope.settings.Range;
import org.alignscope.settings.Schema;
import org.alignscope.settings.Setting;
import org.alignscope.settings.Types;
import org.alignscope.settings.Values;

/** The {@code data:} section: the training set (the default reference set) and the test set. */
final class DataSection {
    private static final String FASHION_MNIST = "fashion-mnist";
    private static final String GAUSSIAN_MIXTURE = "gaussian-mixture";

    static final Setting<String> SOURCE = Setting.of("source", Types.choice(FASHION_MNIST, GAUSSIAN_MIXTURE),
            FASHION_MNIST, "Where the samples come from: the Fashion-MNIST files, or a Gaussian mixture drawn from"
                    + " data.seed.");
    static final Setting<String> FOLDER = Setting.optional("folder", Types.text("a folder"),
            "Debian's /usr/share/datasets/fashion-mnist", "Folder of the Fashion-MNIST files.");
    static final Setting<Integer> CLASSES = Setting.of("classes", Types.integer(2, 1000), 10, "Classes of the"
            + " gaussian-mixture (Fashion-MNIST has 10).");
    static final Setting<Integer> TRAIN_SAMPLES = Setting.of("train_samples", Types.integer(new Range(
            Bound.of("classes", v -> v.get(CLASSES)), Bound.including(60_000))), 5000, "Size of the balanced training"
            + " subset: the first n/classes samples of each class (a multiple of 10 for fashion-mnist), centred by"
            + " its own per-feature mean.").in("samples");
    static final Setting<Integer> TEST_SAMPLES = Setting.derived("test_samples", Types.integer(new Range(
            Bound.including(0), Bound.of("10000 (gaussian-mixture: 1000000)",
                    v -> gaussianMixture(v) ? 1_000_000 : 10_000))), "10000 (gaussian-mixture: 0)",
            v -> gaussianMixture(v) ? 0 : 10_000, "Test samples for the accuracy: the first ones of the test split,"
                    + " centred by the training mean (0: no test accuracy).").in("samples");
    static final Setting<Integer> DIMENSION = Setting.of("dimension", Types.integer(1, 1_000_000), 20,
            "Features of the gaussian-mixture.");
    static final Setting<Double> SEPARATION = Setting.of("separation", Types.nonNegative(), 3.0, "Norm of the"
            + " gaussian-mixture's class means.");
    static final Setting<Double> NOISE = Setting.of("noise", Types.nonNegative(), 1.0, "Noise σ of the"
            + " gaussian-mixture.");
    static final Setting<Long> SEED = Setting.of("seed", Types.anyLong(), 0L, "Seed of the gaussian-mixture's draw"
            + " (training and test samples; the data stay the same across training seeds).");

    static final Schema SCHEMA = Schema.file("data", "The samples: training set (the reference set unless"
            + " subspace.reference_samples) and test set.", SOURCE, FOLDER, CLASSES, TRAIN_SAMPLES, TEST_SAMPLES,
            DIMENSION, SEPARATION, NOISE, SEED);

    private DataSection() {
    }

    private static boolean gaussianMixture(Values v) {
        return v.get(SOURCE).equals(GAUSSIAN_MIXTURE);
    }

    /** The section's record; Fashion-MNIST's balanced subset needs a multiple of its 10 classes. */
    static TrainConfig.Data from(Values v) {
        int train = v.get(TRAIN_SAMPLES);
        if (!gaussianMixture(v) && train % 10 != 0) {
            throw v.invalid(TRAIN_SAMPLES, "must be a multiple of 10 for fashion-mnist, got " + train);
        }
        return new TrainConfig.Data(v.get(SOURCE), v.get(FOLDER), train, v.get(TEST_SAMPLES), v.get(DIMENSION),
                v.get(CLASSES), v.get(SEPARATION), v.get(NOISE), v.get(SEED));
    }
}
