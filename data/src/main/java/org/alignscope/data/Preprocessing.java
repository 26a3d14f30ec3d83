package org.alignscope.data;

/**
 * The fixed input convention of AlignScope (it changes every Hessian eigenvalue, so it is not configurable):
 * pixels are scaled to [0, 1] by dividing by 255 (done by the readers), then every feature is centred by the
 * per-feature mean of the <b>training subset actually used</b>; the same mean (not the test split's own) is
 * subtracted from the test split. No scaling by the standard deviation.
 */
public final class Preprocessing {
    private Preprocessing() {
    }

    /** A training set, an evaluation set, and the training mean that was subtracted from both. */
    public record TrainTest(Dataset train, Dataset test, double[] trainMean) {
    }

    /** The per-feature mean over the samples of {@code d}. */
    public static double[] featureMean(Dataset d) {
        int p = d.featureCount();
        double[] mean = new double[p];
        double[] f = d.features();
        for (int i = 0; i < d.size(); i++) {
            int o = i * p;
            for (int j = 0; j < p; j++) {
                mean[j] += f[o + j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= d.size();
        }
        return mean;
    }

    /** {@code d} with {@code mean} subtracted from every sample (new arrays; the name gets "-centred"). */
    public static Dataset subtract(Dataset d, double[] mean) {
        int p = d.featureCount();
        if (mean.length != p) {
            throw new IllegalArgumentException("mean has " + mean.length + " entries, dataset has " + p + " features");
        }
        double[] f = d.features();
        double[] out = new double[f.length];
        for (int i = 0; i < d.size(); i++) {
            int o = i * p;
            for (int j = 0; j < p; j++) {
                out[o + j] = f[o + j] - mean[j];
            }
        }
        return d.withFeatures(out, d.name() + "-centred");
    }

    /** Centres both sets by the training set's per-feature mean. */
    public static TrainTest centreByTrainingMean(Dataset train, Dataset test) {
        if (train.featureCount() != test.featureCount()) {
            throw new IllegalArgumentException("train has " + train.featureCount() + " features, test "
                    + test.featureCount());
        }
        double[] mean = featureMean(train);
        return new TrainTest(subtract(train, mean), subtract(test, mean), mean);
    }
}
