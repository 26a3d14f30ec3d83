package org.alignscope.data;

import java.util.Arrays;

/**
 * A labelled classification dataset held in memory: n samples of p = ∏ sampleShape features each, stored row-major
 * as one {@code double[n·p]}, and integer labels in [0, classCount).
 *
 * <p>Immutable by convention: {@link #features()} and {@link #labels()} return the internal arrays without copying
 * (a 5,000 × 784 subset is 31 MB); callers must not modify them.
 */
public final class Dataset {
    private final String name;
    private final double[] features;
    private final int[] labels;
    private final int[] sampleShape;
    private final int classCount;
    private final int featureCount;

    /**
     * @throws IllegalArgumentException if the sizes disagree or a label is outside [0, classCount)
     */
    public Dataset(String name, double[] features, int[] labels, int[] sampleShape, int classCount) {
        int p = 1;
        for (int d : sampleShape) {
            if (d <= 0) {
                throw new IllegalArgumentException("sample shape " + Arrays.toString(sampleShape) + " has a non-positive size");
            }
            p *= d;
        }
        if (sampleShape.length == 0) {
            throw new IllegalArgumentException("empty sample shape");
        }
        if (classCount < 1) {
            throw new IllegalArgumentException("classCount must be positive, got " + classCount);
        }
        if ((long) labels.length * p != features.length) {
            throw new IllegalArgumentException(features.length + " feature values do not make " + labels.length
                    + " samples of " + p + " features");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " is outside [0, "
                        + classCount + ")");
            }
        }
        this.name = name;
        this.features = features;
        this.labels = labels;
        this.sampleShape = sampleShape.clone();
        this.classCount = classCount;
        this.featureCount = p;
    }

    public String name() {
        return name;
    }

    /** The number of samples n. */
    public int size() {
        return labels.length;
    }

    /** The number of features p per sample. */
    public int featureCount() {
        return featureCount;
    }

    public int classCount() {
        return classCount;
    }

    /** The shape of one sample, e.g. {1, 28, 28} (channels, height, width) for Fashion-MNIST. */
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** Row-major n × p features (the internal array: do not modify). */
    public double[] features() {
        return features;
    }

    /** Labels in [0, classCount) (the internal array: do not modify). */
    public int[] labels() {
        return labels;
    }

    /** The samples at {@code indices}, in that order (repeats allowed), under the name {@code name[indices]}. */
    public Dataset select(int[] indices) {
        return select(indices, name + "[" + indices.length + " selected]");
    }

    /** The samples at {@code indices}, in that order, with a new name. */
    public Dataset select(int[] indices, String newName) {
        double[] f = new double[indices.length * featureCount];
        int[] l = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            if (i < 0 || i >= labels.length) {
                throw new IndexOutOfBoundsException("index " + i + " outside [0, " + labels.length + ")");
            }
            System.arraycopy(features, i * featureCount, f, r * featureCount, featureCount);
            l[r] = labels[i];
        }
        return new Dataset(newName, f, l, sampleShape, classCount);
    }

    /** The same samples and labels with other features of the same shape (used by preprocessing). */
    public Dataset withFeatures(double[] newFeatures, String newName) {
        return new Dataset(newName, newFeatures, labels, sampleShape, classCount);
    }

    /** Samples per class. */
    public int[] classCounts() {
        int[] c = new int[classCount];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", n=" + size() + ", shape=" + Arrays.toString(sampleShape) + ", classes="
                + classCount + "]";
    }
}
