package org.alignscope.nn;

/**
 * A batch of {@code n} labelled samples.
 *
 * @param x      inputs, row-major {@code n × features}; for image models each row is one sample in C×H×W order
 *               (PyTorch's NCHW layout)
 * @param labels class labels in {@code [0, classes)}, one per sample
 * @param n      the number of samples
 */
public record Batch(double[] x, int[] labels, int n) {
    public Batch {
        if (n <= 0) {
            throw new IllegalArgumentException("a batch needs at least one sample, got n = " + n);
        }
        if (labels.length != n) {
            throw new IllegalArgumentException("labels.length = " + labels.length + " but n = " + n);
        }
        if (x.length % n != 0) {
            throw new IllegalArgumentException("x.length = " + x.length + " is not a multiple of n = " + n);
        }
    }

    /** The number of input features per sample, {@code x.length / n}. */
    public int features() {
        return x.length / n;
    }

    /** The batch of these rows, in this order (a row may repeat). */
    public Batch rows(int[] rows) {
        int f = features();
        double[] bx = new double[rows.length * f];
        int[] by = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * f, bx, i * f, f);
            by[i] = labels[rows[i]];
        }
        return new Batch(bx, by, rows.length);
    }
}
