package org.alignscope.linalg.random;

/**
 * A reproducible stream of uniform and Gaussian random numbers whose output is fixed by this class alone,
 * not by the JDK.
 *
 * <p><b>Uniform bits:</b> xoshiro256++ 1.0 (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021): 256 bits of state, period 2<sup>256</sup>−1. The state is filled from
 * SplitMix64 (Steele, Lea and Flood, OOPSLA 2014) started at a key derived from the seed and the stream path
 * (see {@link #of(long, long...)}), so that independent streams (one per run, per coordinate block, per
 * purpose) never share a seed.
 *
 * <p><b>Gaussians:</b> the ziggurat method of Marsaglia and Tsang (J. Stat. Softw. 5(8), 2000) with 256
 * layers, in the variant of Doornik (2005) that takes the layer index and the abscissa from disjoint bits
 * of one 64-bit draw (8 low bits for the layer, the top 53 bits for a signed uniform in [−1, 1)). The tail
 * beyond r is sampled by Marsaglia's exponential rejection (1964). See {@link Ziggurat} for the tables.
 *
 * <p>Not thread-safe: give each thread its own stream.
 */
public final class RandomStream {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    private RandomStream(long key) {
        long x = key;
        x += 0x9E3779B97F4A7C15L;
        s0 = mix64(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = mix64(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = mix64(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = mix64(x);
    }

    /** A stream with the given xoshiro256++ state (for known-answer tests). */
    static RandomStream fromState(long s0, long s1, long s2, long s3) {
        RandomStream r = new RandomStream(0);
        r.s0 = s0;
        r.s1 = s1;
        r.s2 = s2;
        r.s3 = s3;
        return r;
    }

    /**
     * The stream named by a seed and a path of integers, e.g. {@code of(seed, RUN, m, BLOCK, b)}.
     * The key is folded as {@code key ← mix64(key ⊕ mix64(p + φ))} over the path, starting from
     * {@code mix64(seed)}, with φ = 0x9E3779B97F4A7C15 and mix64 the SplitMix64 finaliser.
     */
    public static RandomStream of(long seed, long... path) {
        long key = mix64(seed);
        for (long p : path) {
            key = mix64(key ^ mix64(p + 0x9E3779B97F4A7C15L));
        }
        return new RandomStream(key);
    }

    /** The SplitMix64 finaliser (Stafford's variant 13). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The next 64 uniform bits (xoshiro256++). */
    public long nextLong() {
        final long result = Long.rotateLeft(s0 + s3, 23) + s0;
        final long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** A uniform double in [0, 1), from the top 53 bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A uniform double in (0, 1], safe to take the logarithm of. */
    double nextOpenDouble() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /** A uniform integer in [0, bound), by Lemire's multiply-and-reject method. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /**
     * A uniformly random permutation of 0 … n−1 (Fisher–Yates from the top: for i = n−1 down to 1, swap p[i] with
     * p[nextInt(i + 1)]).
     */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[k];
            p[k] = tmp;
        }
        return p;
    }

    /** A standard normal draw (ziggurat). */
    public double nextGaussian() {
        final long bits = nextLong();
        final int layer = (int) bits & 0xFF;
        final double u = (bits >> 11) * 0x1.0p-52;
        if (Math.abs(u) < Ziggurat.RATIO[layer]) {
            return u * Ziggurat.X[layer];
        }
        return Ziggurat.outside(this, layer, u);
    }

    /** Fills {@code out[from..to)} with standard normal draws, in index order. */
    public void fillGaussian(double[] out, int from, int to) {
        fillGaussian(out, from, to, 1.0);
    }

    /**
     * Fills {@code out[from..to)} with {@code scale} times standard normal draws, in index order; the same
     * numbers as {@code scale * nextGaussian()} in a loop. The generator state lives in local variables during
     * the loop (the hot path of the quadratic simulator) and is written back only around the rare slow path.
     */
    public void fillGaussian(double[] out, int from, int to, double scale) {
        long a = s0;
        long b = s1;
        long c = s2;
        long d = s3;
        for (int i = from; i < to; i++) {
            final long bits = Long.rotateLeft(a + d, 23) + a;
            final long t = b << 17;
            c ^= a;
            d ^= b;
            b ^= c;
            a ^= d;
            c ^= t;
            d = Long.rotateLeft(d, 45);
            final int layer = (int) bits & 0xFF;
            final double u = (bits >> 11) * 0x1.0p-52;
            if (Math.abs(u) < Ziggurat.RATIO[layer]) {
                out[i] = scale * (u * Ziggurat.X[layer]);
            } else {
                s0 = a;
                s1 = b;
                s2 = c;
                s3 = d;
                out[i] = scale * Ziggurat.outside(this, layer, u);
                a = s0;
                b = s1;
                c = s2;
                d = s3;
            }
        }
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
    }
}
