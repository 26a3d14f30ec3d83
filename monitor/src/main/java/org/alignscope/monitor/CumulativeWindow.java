package org.alignscope.monitor;

import java.util.Arrays;
import org.alignscope.linalg.random.RandomStream;

/**
 * The cumulative prediction of a window of W consecutive steps [start, end): E ΔL<sub>t</sub> ({@link LossPrediction})
 * is predicted at p steps drawn uniformly without replacement from the window (every step when p ≥ W), and the
 * window's expected change is estimated by Ŝ = (W/p)·Σ<sub>drawn</sub> ê<sub>t</sub>, to be compared with the
 * realised change of the loss over the window, L(x<sub>end</sub>) − L(x<sub>start</sub>) = Σ<sub>t</sub> ΔL<sub>t</sub>.
 *
 * <p><b>Standard error</b> of the difference realised − Ŝ (the {@code z} of {@link CumulativeRow}); with
 * s² the sample variance of the p predictions, σ<sub>t</sub> their standard errors and v<sub>t</sub> their spreads
 * Var(ΔL<sub>t</sub> | x<sub>t</sub>):
 * <pre>
 *   se² = W²(1 − p/W)·s²/p          the choice of p of the W steps (finite-population correction)
 *       + (W/p)·Σ_drawn σ_t²        the Monte Carlo error of the p predictions (two-stage sampling)
 *       + (W/p)·Σ_drawn v_t         the spread of the realised changes around their conditional expectations
 * </pre>
 * The first two terms are the variance of Ŝ around Σ<sub>t</sub> E[ΔL<sub>t</sub> | x<sub>t</sub>] (Cochran's
 * two-stage estimator: s² also holds the predictions' own error, which the second term completes); the third
 * estimates the variance of the martingale Σ<sub>t</sub>(ΔL<sub>t</sub> − E[ΔL<sub>t</sub> | x<sub>t</sub>]),
 * Σ<sub>t</sub> E Var(ΔL<sub>t</sub> | x<sub>t</sub>). The three errors are uncorrelated: the steps are drawn and the
 * predictions' noise is drawn independently of the training's batches. Not covered: the error of the second-order
 * model of each step (the loss's third and higher derivatives along the step), which is what a |z| beyond 2 tests.
 *
 * <p>The state ({@link #state()}) is plain numbers, summed in a fixed order, so that a checkpoint restores it bit for
 * bit. Not thread-safe.
 */
public final class CumulativeWindow {
    private final long start;
    private final long end;
    private final long[] drawn;
    private final double startLoss;
    private long count;
    private double mean;
    private double m2;
    private double sumVariance;
    private double sumSpread;

    /** The whole state of a window: its steps, the loss at its start and the running sums of its predictions. */
    public record State(long start, long end, long[] drawn, double startLoss, long count, double mean, double m2,
                        double sumVariance, double sumSpread) {
    }

    private CumulativeWindow(State s) {
        if (s.end() <= s.start()) {
            throw new IllegalArgumentException("a window needs end > start, got [" + s.start() + ", " + s.end() + ")");
        }
        this.start = s.start();
        this.end = s.end();
        this.drawn = s.drawn().clone();
        this.startLoss = s.startLoss();
        this.count = s.count();
        this.mean = s.mean();
        this.m2 = s.m2();
        this.sumVariance = s.sumVariance();
        this.sumSpread = s.sumSpread();
    }

    /**
     * A window of steps [start, end) with min(points, W) steps drawn by {@code rng}, at a point of loss
     * {@code startLoss}.
     */
    public static CumulativeWindow open(long start, long end, int points, RandomStream rng, double startLoss) {
        if (end <= start || end - start > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a window needs 0 < end - start <= 2^31 - 1, got [" + start + ", "
                    + end + ")");
        }
        int[] offsets = draw((int) (end - start), points, rng);
        long[] steps = new long[offsets.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = start + offsets[i];
        }
        return new CumulativeWindow(new State(start, end, steps, startLoss, 0, 0, 0, 0, 0));
    }

    /** A window in the given state (e.g. from a checkpoint, or a copy for a trajectory that branches). */
    public static CumulativeWindow restore(State s) {
        return new CumulativeWindow(s);
    }

    /**
     * min(points, size) distinct offsets of [0, size), ascending, uniform over the subsets of that size (a partial
     * Fisher–Yates shuffle by {@code rng}); every offset when points ≥ size, without touching {@code rng}.
     */
    public static int[] draw(int size, int points, RandomStream rng) {
        if (size < 1 || points < 1) {
            throw new IllegalArgumentException("need size >= 1 and points >= 1, got " + size + " and " + points);
        }
        int[] perm = new int[size];
        for (int i = 0; i < size; i++) {
            perm[i] = i;
        }
        if (points >= size) {
            return perm;
        }
        for (int i = 0; i < points; i++) {
            int j = i + rng.nextInt(size - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] chosen = Arrays.copyOf(perm, points);
        Arrays.sort(chosen);
        return chosen;
    }

    public State state() {
        return new State(start, end, drawn.clone(), startLoss, count, mean, m2, sumVariance, sumSpread);
    }

    /** The first step of the window. */
    public long start() {
        return start;
    }

    /** The first step after the window: the realised change is L(x<sub>end</sub>) − L(x<sub>start</sub>). */
    public long end() {
        return end;
    }

    /** The drawn steps, ascending (a copy). */
    public long[] drawn() {
        return drawn.clone();
    }

    /** Whether step t is one of the drawn steps. */
    public boolean due(long t) {
        return Arrays.binarySearch(drawn, t) >= 0;
    }

    /** Adds the prediction of one drawn step (Welford's running mean and sum of squares). */
    public void add(LossPrediction p) {
        count++;
        double delta = p.value() - mean;
        mean += delta / count;
        m2 += delta * (p.value() - mean);
        sumVariance += p.stdError() * p.stdError();
        sumSpread += p.spread();
    }

    /**
     * The row of the completed window, the loss at its end being {@code endLoss}.
     *
     * @throws IllegalStateException when not every drawn step has been predicted
     */
    public CumulativeRow close(double endLoss) {
        if (count != drawn.length) {
            throw new IllegalStateException(count + " of the " + drawn.length + " drawn steps were predicted");
        }
        double w = end - start;
        double p = count;
        double choice = p >= w ? 0 : w * w * (1 - p / w) * (m2 / (p - 1)) / p;
        double draws = w / p * sumVariance;
        double spread = w / p * sumSpread;
        return new CumulativeRow(start, end, (int) p, w * mean, Math.sqrt(choice + draws + spread),
                endLoss - startLoss, Math.sqrt(choice), Math.sqrt(draws), Math.sqrt(spread), startLoss, endLoss);
    }
}
