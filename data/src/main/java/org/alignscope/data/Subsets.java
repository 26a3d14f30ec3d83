package org.alignscope.data;

/** Deterministic subsets. */
public final class Subsets {
    private Subsets() {
    }

    /**
     * The class-balanced subset of n samples: the first n/C samples of each class in dataset (file) order, returned
     * as increasing indices (so the subset keeps file order). For Fashion-MNIST with n = 5,000 that is the first 500
     * images of each of the 10 classes.
     *
     * @throws DataException if n is not a positive multiple of the class count C, or a class has fewer than n/C samples
     */
    public static int[] classBalancedIndices(int[] labels, int classCount, int n) {
        if (n <= 0 || n % classCount != 0) {
            throw new DataException("a class-balanced subset needs a positive multiple of the class count "
                    + classCount + ", got n = " + n);
        }
        int per = n / classCount;
        int[] taken = new int[classCount];
        int[] out = new int[n];
        int count = 0;
        for (int i = 0; i < labels.length && count < n; i++) {
            int c = labels[i];
            if (taken[c] < per) {
                taken[c]++;
                out[count++] = i;
            }
        }
        for (int c = 0; c < classCount; c++) {
            if (taken[c] < per) {
                throw new DataException("class " + c + " has only " + taken[c] + " samples, fewer than the " + per
                        + " that a balanced subset of " + n + " needs");
            }
        }
        return out;
    }

    /** The class-balanced subset of n samples of {@code d}; see {@link #classBalancedIndices}. */
    public static Dataset classBalanced(Dataset d, int n) {
        return d.select(classBalancedIndices(d.labels(), d.classCount(), n), d.name() + "-balanced-" + n);
    }
}
