package org.alignscope.nn;

import java.util.List;

/**
 * The weights of a mean over chunks: a set of n samples split into chunks of n<sub>c</sub> samples has the mean
 * loss L = Σ<sub>c</sub> (n<sub>c</sub>/n) L<sub>c</sub> when each L<sub>c</sub> is the mean over its chunk, and
 * so, exactly, the same weighted sum for the gradient and every curvature product, also when the last chunk is
 * shorter. Sums run in chunk order, so results never depend on scheduling.
 */
final class ChunkWeights {
    private ChunkWeights() {
    }

    /** w<sub>c</sub> = n<sub>c</sub>/n for chunks of {@code sizes[c]} samples, n their total. */
    static double[] of(int[] sizes) {
        long n = 0;
        for (int s : sizes) {
            n += s;
        }
        double[] w = new double[sizes.length];
        for (int c = 0; c < sizes.length; c++) {
            w[c] = (double) sizes[c] / n;
        }
        return w;
    }

    /** The sample counts of {@code chunks}. */
    static int[] sizes(List<Batch> chunks) {
        return chunks.stream().mapToInt(Batch::n).toArray();
    }

    /**
     * The mean of per-chunk means: (Σ<sub>c</sub> n<sub>c</sub> values<sub>c</sub>) / n, in chunk order. (For a
     * scalar the sum of counts is taken before the one division; vectors use the weights, {@link #add}.)
     */
    static double mean(double[] values, int[] sizes) {
        double s = 0;
        long n = 0;
        for (int c = 0; c < sizes.length; c++) {
            s += values[c] * sizes[c];
            n += sizes[c];
        }
        return s / n;
    }

    /**
     * out = Σ<sub>c</sub> w<sub>c</sub> d<sub>c</sub> over w.length ≥ 2 parts, summed in part order
     * ((w<sub>0</sub> d<sub>0</sub> + w<sub>1</sub> d<sub>1</sub>) + w<sub>2</sub> d<sub>2</sub> + …, the rounding
     * of {@link #add}), in w.length slices of the index range evaluated concurrently ({@link Parallel}).
     */
    static void sum(List<double[]> parts, double[] w, double[] out) {
        int count = w.length;
        Parallel.run(count, t -> sum(parts, w, out, (int) ((long) t * out.length / count),
                (int) ((long) (t + 1) * out.length / count)));
    }

    /** {@link #sum(List, double[], double[])} on out[from, to): the first two parts in one pass. */
    private static void sum(List<double[]> parts, double[] w, double[] out, int from, int to) {
        double[] d0 = parts.get(0);
        double[] d1 = parts.get(1);
        for (int i = from; i < to; i++) {
            out[i] = w[0] * d0[i] + w[1] * d1[i];
        }
        for (int t = 2; t < w.length; t++) {
            double[] d = parts.get(t);
            for (int i = from; i < to; i++) {
                out[i] += w[t] * d[i];
            }
        }
    }

    /**
     * Adds chunk c's share to a running sum: out = w<sub>0</sub> d for c = 0, out += w<sub>c</sub> d after — the
     * same numbers as {@link #sum} with one chunk's vector held at a time.
     */
    static void add(int c, double[] w, double[] d, double[] out) {
        double wc = w[c];
        if (c == 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = wc * d[i];
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] += wc * d[i];
            }
        }
    }
}
