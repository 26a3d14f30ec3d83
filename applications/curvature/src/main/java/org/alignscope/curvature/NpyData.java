package org.alignscope.curvature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.alignscope.data.Dataset;
import org.alignscope.nn.Npy;

/**
 * A data set from two NumPy files, as a Python pipeline exports one ({@code np.save('x.npy', X)},
 * {@code np.save('y.npy', y)}): features of shape [N, …] (any float or integer dtype {@link Npy} reads; the trailing
 * dimensions are one sample, flattened in C order) and labels of shape [N] holding the class indices 0 … C − 1
 * (C = the largest label + 1).
 */
final class NpyData {
    private NpyData() {
    }

    /** Reads the pair; a file that cannot be read or does not fit is a {@link ReferenceData#DATA} error. */
    static Dataset read(Path features, Path labels) {
        Npy.Array x = array(features);
        Npy.Array y = array(labels);
        if (x.shape().length < 2) {
            throw ReferenceData.DATA.invalid(features + " has shape " + Arrays.toString(x.shape())
                    + "; the features need [samples, features...]");
        }
        if (y.shape().length != 1 || y.shape()[0] != x.shape()[0]) {
            throw ReferenceData.DATA.invalid(labels + " has shape " + Arrays.toString(y.shape()) + "; the labels need ["
                    + x.shape()[0] + "], one per sample of " + features);
        }
        int[] label = new int[y.shape()[0]];
        int classes = 0;
        for (int i = 0; i < label.length; i++) {
            double v = y.data()[i];
            if (!(v >= 0 && v == Math.rint(v) && v < Integer.MAX_VALUE)) {
                throw ReferenceData.DATA.invalid(labels + ": label " + i + " is " + v + "; labels are class indices"
                        + " 0, 1, 2, ...");
            }
            label[i] = (int) v;
            classes = Math.max(classes, label[i] + 1);
        }
        int[] sample = Arrays.copyOfRange(x.shape(), 1, x.shape().length);
        return new Dataset(features.getFileName().toString(), x.data(), label, sample, classes);
    }

    private static Npy.Array array(Path file) {
        try {
            return Npy.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw ReferenceData.DATA.invalid("no such file " + file);
        } catch (IOException e) {
            throw ReferenceData.DATA.invalid("cannot read " + file + ": " + e.getMessage());
        }
    }
}
