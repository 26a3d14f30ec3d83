package org.alignscope.quadratic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alignscope.linalg.progress.Counter;
import org.alignscope.linalg.progress.Progress;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.theory.Alignment;
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
 * block order afterwards. Results are therefore bit-identical for any number of threads.
 *
 * <p>Runs with the same seed, noise model, dimension and length see the same noise (common random numbers, as
 * in the authors' code, where a seed fixes the noise whatever m is). They are simulated together: each block
 * draws its noise once per step and applies it to every run of the group, which removes most of the cost of a
 * sweep over m. The result of a run does not depend on which runs it was grouped with.
 */
public final class EigenSimulator {
    /** Stream path component of the noise draws. */
    static final long NOISE_STREAM = 2;
    /** Number of block moments stored per logged step: s, τ, u for D then for B. */
    static final int MOMENTS = 6;

    /** Steps between progress reports of one block (a power of two). */
    private static final int PROGRESS_EVERY = 1024;

    private EigenSimulator() {
    }

    /** One run on {@code threads} threads. */
    public static Trajectory run(QuadraticRun run, int threads) {
        return runAll(List.of(run), threads).get(0);
    }

    /** All runs on one pool of {@code threads} threads; the trajectories come back in input order. */
    public static List<Trajectory> runAll(List<QuadraticRun> runs, int threads) {
        return runAll(runs, threads, Progress.NONE);
    }

    /**
     * As {@link #runAll(List, int)}, reporting progress in block-steps: each group of runs that shares its noise
     * contributes (number of coordinate blocks) × (T + 1) units; a block that stops early (every run of its
     * group diverged) counts its remaining steps as done.
     */
    public static List<Trajectory> runAll(List<QuadraticRun> runs, int threads, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1 (got " + threads + ")");
        }
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            QuadraticRun r = runs.get(i);
            List<Object> key = List.of(r.seed(), r.noise(), r.spectrum().dimension(), r.steps());
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "alignscope-sim");
            t.setDaemon(true);
            return t;
        });
        try {
            List<RunContext> contexts = new ArrayList<>();
            for (QuadraticRun run : runs) {
                contexts.add(new RunContext(run));
            }
            // per run, its blocks' results in block order
            List<List<Future<List<BlockResult>>>> futures = new ArrayList<>();
            List<int[]> members = new ArrayList<>();
            long units = 0;
            for (List<Integer> group : groups.values()) {
                RunContext c = contexts.get(group.get(0));
                units += (long) ((c.d + c.run.noise().blockSize(c.d) - 1) / c.run.noise().blockSize(c.d)) * (c.run.steps() + 1);
            }
            Counter counter = progress.counter(units);
            for (List<Integer> group : groups.values()) {
                List<RunContext> ctx = group.stream().map(contexts::get).toList();
                int d = ctx.get(0).d;
                int size = ctx.get(0).run.noise().blockSize(d);
                List<Future<List<BlockResult>>> blocks = new ArrayList<>();
                for (int b = 0, from = 0; from < d; b++, from += size) {
                    int index = b;
                    int start = from;
                    int end = Math.min(d, from + size);
                    blocks.add(pool.submit(() -> simulateBlock(ctx, index, start, end, counter)));
                }
                futures.add(blocks);
                members.add(group.stream().mapToInt(Integer::intValue).toArray());
            }
            Trajectory[] out = new Trajectory[runs.size()];
            for (int g = 0; g < futures.size(); g++) {
                List<List<BlockResult>> perBlock = new ArrayList<>();
                for (Future<List<BlockResult>> f : futures.get(g)) {
                    perBlock.add(f.get());
                }
                int[] ids = members.get(g);
                for (int m = 0; m < ids.length; m++) {
                    List<BlockResult> parts = new ArrayList<>();
                    for (List<BlockResult> block : perBlock) {
                        parts.add(block.get(m));
                    }
                    out[ids[m]] = combine(contexts.get(ids[m]), parts);
                }
            }
            return List.of(out);
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

    /** One run's coordinates in one block and the partial sums it records. */
    private static final class BlockState {
        final QuadraticRun run;
        final double[] lam;
        final double[] c;
        final int nDom;
        final double wD;
        final double wB;
        final double[] sDom;
        final double[] sBulk;
        final double[] loss;
        final double[] moments;
        int logged;
        int last = -1;

        BlockState(RunContext ctx, int from, int to) {
            run = ctx.run;
            lam = java.util.Arrays.copyOfRange(ctx.lambda, from, to);
            c = java.util.Arrays.copyOfRange(ctx.c0, from, to);
            nDom = Math.max(0, Math.min(ctx.k, to) - from);
            wD = run.projection().dominant();
            wB = run.projection().bulk();
            int steps = (int) run.steps();
            sDom = new double[steps + 1];
            sBulk = new double[steps + 1];
            loss = new double[steps + 1];
            moments = new double[run.loggedCount() * MOMENTS];
        }

        boolean running() {
            return last < 0;
        }

        /** Applies step t's noise xi (t ≥ 1) and records the sums; stops the run once its partial loss diverges. */
        void advance(int t, double[] xi) {
            double lossD = 0;
            double lossB = 0;
            double sD = 0;
            double sB = 0;
            if (t == 0) {
                for (int j = 0; j < lam.length; j++) {
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
                for (int j = 0; j < nDom; j++) {
                    double cj = c[j] - hD * (lam[j] * c[j] + xi[j]);
                    c[j] = cj;
                    double q = lam[j] * cj * cj;
                    lossD += q;
                    sD += lam[j] * q;
                }
                for (int j = nDom; j < lam.length; j++) {
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
            if (Trajectory.diverges(loss[t]) || t == run.steps()) {
                last = t;
            }
        }

        BlockResult result() {
            return new BlockResult(sDom, sBulk, loss, moments, last);
        }
    }

    /** Simulates one block of coordinates for every run of a group, drawing each step's noise once. */
    static List<BlockResult> simulateBlock(List<RunContext> group, int blockIndex, int from, int to, Counter counter) {
        QuadraticRun first = group.get(0).run;
        List<BlockState> states = new ArrayList<>();
        for (RunContext ctx : group) {
            states.add(new BlockState(ctx, from, to));
        }
        double[] xi = new double[to - from];
        RandomStream rng = RandomStream.of(first.seed(), NOISE_STREAM, blockIndex);
        int steps = (int) first.steps();
        boolean running = true;
        int reported = 0;
        for (int t = 0; t <= steps && running; t++) {
            if (t > 0) {
                first.noise().sample(rng, from, to, xi);
            }
            running = false;
            for (BlockState s : states) {
                if (s.running()) {
                    s.advance(t, xi);
                    running |= s.running();
                }
            }
            if ((t & (PROGRESS_EVERY - 1)) == PROGRESS_EVERY - 1) {
                counter.add(t + 1 - reported);
                reported = t + 1;
            }
        }
        counter.add(steps + 1L - reported);
        return states.stream().map(BlockState::result).toList();
    }

    /** s = Σλ²c², τ = Σλ³c², u = Σλ⁴c² over the block's D part, then its B part, written to out[at, at+6). */
    static void storeMoments(double[] lam, double[] c, int nDom, double[] out, int at) {
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

    /** The landscape's noise terms {e_D, n^loss_D, e_B, n^loss_B}, O(d) to compute: done once per run. */
    static double[] noiseTerms(Landscape land) {
        return new double[] {land.eD(), land.nLossD(), land.eB(), land.nLossB()};
    }

    /** The alignment state of moments {s, τ, u} (D then B) with the noise terms of {@link #noiseTerms}. */
    static AlignmentState state(double[] m, int at, double[] noise) {
        return new AlignmentState(new BlockMoments(m[at], m[at + 1], m[at + 2], noise[0], noise[1]),
                new BlockMoments(m[at + 3], m[at + 4], m[at + 5], noise[2], noise[3]));
    }

    /** Adds the blocks' partial sums in block order and finds the first diverged step. */
    static Trajectory combine(RunContext ctx, List<BlockResult> parts) {
        QuadraticRun run = ctx.run;
        int last = (int) run.steps();
        for (BlockResult p : parts) {
            last = Math.min(last, p.last());
        }
        double[] loss = new double[last + 1];
        double[] theta = new double[last + 1];
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
            theta[t] = Alignment.theta(sD, s);
            if (Trajectory.diverges(l)) {
                last = t;
                break;
            }
        }
        List<Long> logged = new ArrayList<>();
        List<AlignmentState> states = new ArrayList<>();
        double[] noise = noiseTerms(ctx.landscape);
        double[] m = new double[MOMENTS];
        for (long t = 0; t <= last; t++) {
            if (!run.logs(t)) {
                continue;
            }
            int at = logged.size() * MOMENTS;
            java.util.Arrays.fill(m, 0);
            for (BlockResult p : parts) {
                for (int j = 0; j < MOMENTS; j++) {
                    m[j] += p.moments()[at + j];
                }
            }
            logged.add(t);
            states.add(state(m, 0, noise));
        }
        return Trajectory.of(run, loss, theta, last, logged, states);
    }
}
