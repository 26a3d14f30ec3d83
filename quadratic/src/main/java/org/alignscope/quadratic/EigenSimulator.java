package org.alignscope.quadratic;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.AlignmentState;
import org.alignscope.theory.BlockMoments;
import org.alignscope.theory.Landscape;

/**
 * Simulates the paper's model in eigen-coordinates, O(d) per step:
 * c_{i,t+1} = c_{i,t} − η_t w_S (λ_i c_{i,t} + ζ_{i,t}) for i in block S ∈ {D, B}, with (w_D, w_B) the
 * {@link Projection} (paper §3.2 and eqs. 3–4).
 *
 * <p>Coordinates evolve independently, so each block of {@link NoiseModel#blockSize} coordinates runs all its
 * steps on its own random stream (seed, NOISE, block) and records per-step partial sums; the sums are added in
 * block order afterwards. Results are therefore bit-identical for any number of threads. Runs of a sweep share
 * one thread pool, and a run with the same seed sees the same start and noise whatever its spectrum (common
 * random numbers, as in the authors' code).
 */
public final class EigenSimulator {
    /** Stream path component of the noise draws. */
    static final long NOISE_STREAM = 2;

    private EigenSimulator() {
    }

    /** One run on {@code threads} threads. */
    public static Trajectory run(QuadraticRun run, int threads) {
        return runAll(List.of(run), threads).get(0);
    }

    /** All runs on one pool of {@code threads} threads; the trajectories come back in input order. */
    public static List<Trajectory> runAll(List<QuadraticRun> runs, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads: must be >= 1 (got " + threads + ")");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "alignscope-sim");
            t.setDaemon(true);
            return t;
        });
        try {
            List<List<Future<BlockResult>>> futures = new ArrayList<>();
            List<RunContext> contexts = new ArrayList<>();
            for (QuadraticRun run : runs) {
                RunContext ctx = new RunContext(run);
                contexts.add(ctx);
                List<Future<BlockResult>> blocks = new ArrayList<>();
                int d = ctx.d;
                int size = run.noise().blockSize(d);
                for (int b = 0, from = 0; from < d; b++, from += size) {
                    int index = b;
                    int start = from;
                    int end = Math.min(d, from + size);
                    blocks.add(pool.submit(() -> simulateBlock(ctx, index, start, end)));
                }
                futures.add(blocks);
            }
            List<Trajectory> out = new ArrayList<>();
            for (int r = 0; r < runs.size(); r++) {
                List<BlockResult> parts = new ArrayList<>();
                for (Future<BlockResult> f : futures.get(r)) {
                    parts.add(f.get());
                }
                out.add(combine(contexts.get(r), parts));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Read-only data of one run shared by its blocks. */
    static final class RunContext {
        final QuadraticRun run;
        final int d;
        final int k;
        final double[] lambda;
        final double[] c0;
        final Landscape landscape;

        RunContext(QuadraticRun run) {
            this.run = run;
            this.lambda = run.spectrum().lambda();
            this.d = lambda.length;
            this.k = run.spectrum().k();
            this.c0 = run.init().coordinates(d, run.seed());
            this.landscape = run.landscape();
        }
    }

    /** Per-step partial sums of one block: s^D, s^B and the loss for t = 0..last, and moments at logged steps. */
    record BlockResult(double[] sDom, double[] sBulk, double[] loss, double[] moments, int last) {
    }

    /** Number of block moments stored per logged step: s, τ, u for D then for B. */
    private static final int MOMENTS = 6;

    static BlockResult simulateBlock(RunContext ctx, int blockIndex, int from, int to) {
        QuadraticRun run = ctx.run;
        int n = to - from;
        int nDom = Math.max(0, Math.min(ctx.k, to) - from);
        double[] lam = java.util.Arrays.copyOfRange(ctx.lambda, from, to);
        double[] c = java.util.Arrays.copyOfRange(ctx.c0, from, to);
        double[] xi = new double[n];
        int steps = (int) run.steps();
        double[] sDom = new double[steps + 1];
        double[] sBulk = new double[steps + 1];
        double[] loss = new double[steps + 1];
        double[] moments = new double[run.loggedCount() * MOMENTS];
        RandomStream rng = RandomStream.of(run.seed(), NOISE_STREAM, blockIndex);
        double wD = run.projection().dominant();
        double wB = run.projection().bulk();
        int logged = 0;
        int last = steps;
        for (int t = 0; t <= steps; t++) {
            double lossD = 0;
            double lossB = 0;
            double sD = 0;
            double sB = 0;
            if (t == 0) {
                for (int j = 0; j < n; j++) {
                    double q = lam[j] * c[j] * c[j];
                    if (j < nDom) {
                        lossD += q;
                        sD += lam[j] * q;
                    } else {
                        lossB += q;
                        sB += lam[j] * q;
                    }
                }
            } else {
                double eta = run.schedule().eta(t - 1L);
                double hD = eta * wD;
                double hB = eta * wB;
                run.noise().sample(rng, from, to, xi);
                for (int j = 0; j < nDom; j++) {
                    double cj = c[j] - hD * (lam[j] * c[j] + xi[j]);
                    c[j] = cj;
                    double q = lam[j] * cj * cj;
                    lossD += q;
                    sD += lam[j] * q;
                }
                for (int j = nDom; j < n; j++) {
                    double cj = c[j] - hB * (lam[j] * c[j] + xi[j]);
                    c[j] = cj;
                    double q = lam[j] * cj * cj;
                    lossB += q;
                    sB += lam[j] * q;
                }
            }
            sDom[t] = sD;
            sBulk[t] = sB;
            loss[t] = 0.5 * (lossD + lossB);
            if (run.logs(t)) {
                storeMoments(lam, c, nDom, moments, logged++ * MOMENTS);
            }
            if (!(loss[t] <= Trajectory.DIVERGENCE_LOSS)) {
                last = t;
                break;
            }
        }
        return new BlockResult(sDom, sBulk, loss, moments, last);
    }

    /** s = Σλ²c², τ = Σλ³c², u = Σλ⁴c² over the block's D part, then its B part. */
    private static void storeMoments(double[] lam, double[] c, int nDom, double[] out, int at) {
        for (int part = 0; part < 2; part++) {
            int lo = part == 0 ? 0 : nDom;
            int hi = part == 0 ? nDom : lam.length;
            double s = 0;
            double tau = 0;
            double u = 0;
            for (int j = lo; j < hi; j++) {
                double w = lam[j] * lam[j] * c[j] * c[j];
                s += w;
                tau += lam[j] * w;
                u += lam[j] * lam[j] * w;
            }
            out[at + 3 * part] = s;
            out[at + 3 * part + 1] = tau;
            out[at + 3 * part + 2] = u;
        }
    }

    /** Adds the blocks' partial sums in block order and finds the first diverged step. */
    static Trajectory combine(RunContext ctx, List<BlockResult> parts) {
        QuadraticRun run = ctx.run;
        int steps = (int) run.steps();
        int last = steps;
        for (BlockResult p : parts) {
            last = Math.min(last, p.last());
        }
        double[] loss = new double[last + 1];
        double[] theta = new double[last + 1];
        int diverged = -1;
        for (int t = 0; t <= last; t++) {
            double sD = 0;
            double sB = 0;
            double l = 0;
            for (BlockResult p : parts) {
                sD += p.sDom()[t];
                sB += p.sBulk()[t];
                l += p.loss()[t];
            }
            loss[t] = l;
            double s = sD + sB;
            theta[t] = s > 0 ? sD / s : 0;
            if (!(l <= Trajectory.DIVERGENCE_LOSS)) {
                diverged = t;
                last = t;
                break;
            }
        }
        if (diverged >= 0) {
            loss = java.util.Arrays.copyOf(loss, last + 1);
            theta = java.util.Arrays.copyOf(theta, last + 1);
        }
        Landscape land = ctx.landscape;
        List<Long> steps2 = new ArrayList<>();
        List<AlignmentState> states = new ArrayList<>();
        int logged = 0;
        for (long t = 0; t <= last; t++) {
            if (!run.logs(t)) {
                continue;
            }
            int at = logged++ * MOMENTS;
            double[] m = new double[MOMENTS];
            for (BlockResult p : parts) {
                for (int j = 0; j < MOMENTS; j++) {
                    m[j] += p.moments()[at + j];
                }
            }
            steps2.add(t);
            states.add(new AlignmentState(new BlockMoments(m[0], m[1], m[2], land.eD(), land.nLossD()),
                    new BlockMoments(m[3], m[4], m[5], land.eB(), land.nLossB())));
        }
        return new Trajectory(run, loss, theta, steps2.stream().mapToLong(Long::longValue).toArray(),
                states.toArray(AlignmentState[]::new), diverged >= 0 ? OptionalInt.of(diverged) : OptionalInt.empty());
    }
}
