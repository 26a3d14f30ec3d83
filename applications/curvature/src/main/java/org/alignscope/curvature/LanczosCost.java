package org.alignscope.curvature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alignscope.data.Dataset;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Loss;
import org.alignscope.nn.Model;
import org.alignscope.nn.Models;
import org.alignscope.nn.Precision;
import org.alignscope.spectral.EigenResult;
import org.alignscope.spectral.Lanczos;
import org.alignscope.spectral.LanczosOptions;
import org.alignscope.spectral.PrincipalAngles;
import org.alignscope.spectral.WarmEigenSolver;
import org.alignscope.spectral.WarmStart;
import org.alignscope.spectral.Which;

/**
 * The Lanczos cost of a trained network: how many Hessian-vector products the top-k eigenpairs of the reference-set Hessian
 * take, cold and warm-started after one SGD step, on a trained network.
 *
 * <p>Per seed: the model is initialised (PyTorch default, that seed) and trained by plain SGD, L_B(θ) the mean loss
 * of a mini-batch B of {@code batchSize} samples drawn without replacement (a new permutation of the reference
 * set every epoch, from {@code RandomStream.of(seed, DATA_STREAM, epoch)}), θ ← θ − lr ∇L_B(θ). At each measured
 * state θ_t (after {@code steps}, {@code steps + every}, … updates) it solves for the top-k eigenpairs of
 * H_t = ∇²L(θ_t) on the whole set from a random start, takes one more SGD step, and solves for those of H_{t+1}
 * four ways: from a random start (cold, another seed), warm-started with {@link WarmStart#SUBSPACE} from H_t's
 * eigenvectors, warm-started with {@link WarmStart#SUM} from them, and by the block-Davidson
 * {@link WarmEigenSolver} from them (the alignment monitor's warm solve). Every solve has the same tolerance and
 * certifies its pairs with true residuals; a count includes those k certifying products.
 */
public final class LanczosCost {
    /** Path element of the mini-batch order stream ("LCDS"). */
    static final long DATA_STREAM = 0x4C434453L;

    private LanczosCost() {
    }

    /**
     * The settings.
     *
     * @param spec      model spec
     * @param loss      loss
     * @param lr        SGD step size
     * @param batchSize SGD mini-batch size
     * @param steps     SGD steps before the first measured state
     * @param states    measured states per seed
     * @param every     SGD steps between measured states
     * @param k         eigenpairs
     * @param tolerance residual tolerance relative to |λ_1|
     * @param threads   batch parts evaluated concurrently ({@link Model#setThreads})
     */
    public record Settings(String spec, Loss loss, double lr, int batchSize, int steps, int states, int every, int k,
                           double tolerance, int threads) {
    }

    /**
     * One measured state.
     *
     * @param seed           the seed of the model and the data order
     * @param step           SGD steps taken before θ_t
     * @param loss           the mean loss at θ_{t+1}
     * @param lambda1        λ_1 of H_{t+1} (from the cold solve)
     * @param coldBefore     HVPs of the cold solve at θ_t
     * @param cold           HVPs of the cold solve at θ_{t+1}
     * @param subspace       HVPs of the {@link WarmStart#SUBSPACE} solve at θ_{t+1}
     * @param sum            HVPs of the {@link WarmStart#SUM} solve at θ_{t+1}
     * @param davidson       HVPs of the {@link WarmEigenSolver} solve at θ_{t+1}
     * @param converged      whether all five solves certified all k pairs
     * @param largestAngle   the largest principal angle (radians) between the eigenvectors of H_t and H_{t+1}
     * @param secondsPerHvp  wall-clock seconds per HVP in the cold solve at θ_{t+1} (the solver's own work included)
     */
    public record State(long seed, int step, double loss, double lambda1, int coldBefore, int cold, int subspace,
                        int sum, int davidson, boolean converged, double largestAngle, double secondsPerHvp) {
    }

    /** Trains and measures every state of one seed on the reference set {@code data}; reports each state to sink. */
    public static List<State> run(Settings s, Dataset data, long seed, java.util.function.Consumer<State> sink) {
        Model m = Models.create(s.spec(), s.loss(), Precision.F64, seed, 1.0);
        m.setThreads(s.threads());
        Batch all = new Batch(data.features(), data.labels(), data.size());
        Sgd sgd = new Sgd(m, data, s.batchSize(), s.lr(), seed);
        LanczosOptions o = LanczosOptions.of(s.k()).withTolerance(s.tolerance());
        List<State> out = new ArrayList<>();
        sgd.steps(s.steps());
        for (int i = 0; i < s.states(); i++) {
            if (i > 0) {
                sgd.steps(s.every() - 1);
            }
            int step = sgd.taken;
            EigenResult before = Lanczos.largest(m.hessian(all), o.withSeed(2 * step + 1));
            sgd.steps(1);
            double loss = m.loss(all);
            SymmetricOperator h = m.hessian(all);
            long t0 = System.nanoTime();
            EigenResult cold = Lanczos.largest(h, o.withSeed(2 * step + 2));
            double seconds = (System.nanoTime() - t0) * 1e-9;
            EigenResult sub = Lanczos.solve(h, o.withWarmStart(WarmStart.SUBSPACE), Which.LARGEST,
                    before.eigenvectors());
            EigenResult sum = Lanczos.solve(h, o.withWarmStart(WarmStart.SUM), Which.LARGEST, before.eigenvectors());
            EigenResult dav = WarmEigenSolver.solve(h, s.k(), s.tolerance(), o.maxApplications(),
                    before.eigenvectors(), 2 * step + 2);
            double[] angles = PrincipalAngles.between(before.eigenvectors(), cold.eigenvectors());
            State st = new State(seed, step, loss, cold.eigenvalues()[0], before.operatorApplications(),
                    cold.operatorApplications(), sub.operatorApplications(), sum.operatorApplications(),
                    dav.operatorApplications(), before.allConverged() && cold.allConverged() && sub.allConverged()
                            && sum.allConverged() && dav.allConverged(),
                    angles[angles.length - 1], seconds / cold.operatorApplications());
            sink.accept(st);
            out.add(st);
        }
        return out;
    }

    /** min, median and max of the values. */
    public static double[] spread(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
        return new double[] {v[0], median, v[n - 1]};
    }

    /** Plain mini-batch SGD over epochs of a fresh random permutation. */
    private static final class Sgd {
        private final Model m;
        private final Dataset data;
        private final int batchSize;
        private final double lr;
        private final long seed;
        private final double[] grad;
        private int[] order = new int[0];
        private int cursor;
        private int epoch;
        int taken;

        Sgd(Model m, Dataset data, int batchSize, double lr, long seed) {
            this.m = m;
            this.data = data;
            this.batchSize = batchSize;
            this.lr = lr;
            this.seed = seed;
            this.grad = new double[m.parameterCount()];
        }

        void steps(int count) {
            int f = data.featureCount();
            for (int i = 0; i < count; i++) {
                if (cursor + batchSize > order.length) {
                    order = RandomStream.of(seed, DATA_STREAM, epoch++).permutation(data.size());
                    cursor = 0;
                }
                double[] x = new double[batchSize * f];
                int[] y = new int[batchSize];
                for (int b = 0; b < batchSize; b++) {
                    int idx = order[cursor + b];
                    System.arraycopy(data.features(), idx * f, x, b * f, f);
                    y[b] = data.labels()[idx];
                }
                cursor += batchSize;
                m.gradient(new Batch(x, y, batchSize), grad);
                double[] p = m.parameters();
                for (int j = 0; j < p.length; j++) {
                    p[j] -= lr * grad[j];
                }
                taken++;
            }
        }
    }
}
