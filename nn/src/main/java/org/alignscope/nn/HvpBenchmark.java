package org.alignscope.nn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.alignscope.linalg.Blas;
import org.alignscope.linalg.random.RandomStream;

/**
 * Times a gradient and an exact Hessian-vector product on one batch: each timed call includes its forward pass
 * ({@link Model#gradient} and {@link Model#hvp}); the calls alternate (gradient, HVP, gradient, ...) so that
 * machine noise hits both alike (a product of the cached {@link Model#hessian} operator is timed in the same loop);
 * the result is the median of each after a warm-up. Inputs are uniform in [0, 1) (pixel-like), labels cycle through
 * the classes, θ is PyTorch's default initialisation (seed 1). The command line is {@code ./alignscope bench hvp},
 * which prints the BLAS backend and the lines {@code grad_ms}, {@code hvp_ms}, {@code hvp_over_grad}; then
 * {@code hessian_operator_apply_ms}: one product of {@link Model#hessian}'s operator, whose forward pass and
 * first-order backward signals are computed once when it is built (the cost per Lanczos step).
 */
public final class HvpBenchmark {
    private HvpBenchmark() {
    }

    /** Medians in milliseconds. */
    public record Result(String backend, String spec, int batch, Loss loss, Precision precision, int parameters,
                         int threads, int reps, double gradMs, double hvpMs, double operatorMs) {
        public double hvpOverGrad() {
            return hvpMs / gradMs;
        }
    }

    /** The BLAS in use, as {@link Blas#backend()} writes it (with OPENBLAS_CORETYPE for the native one). */
    public static String backend() {
        return Blas.backend();
    }

    /**
     * Runs the measurement: warm-up for {@code warmupSeconds}, then {@code reps} (≥ 1) alternating timed pairs; the
     * model evaluates each batch in {@code threads} concurrent parts ({@link Model#setThreads}).
     */
    public static Result measure(String spec, int batch, Loss loss, Precision precision, int reps, double warmupSeconds,
                                 int threads) {
        Setup su = Setup.of(spec, batch, loss, precision);
        Model m = su.model();
        Batch b = su.batch();
        double[] v = su.direction();
        m.setThreads(threads);
        double[] g = new double[v.length];
        double[] hv = new double[v.length];
        warmUp(m, b, v, warmupSeconds);
        // the Lanczos path: H built once (forward pass done), then one R-forward + one R-backward per product
        var h = m.hessian(b);
        double[] ho = new double[v.length];
        for (int i = 0; i < 3; i++) {
            h.apply(v, ho);
        }
        double[] tg = new double[reps];
        double[] th = new double[reps];
        double[] to = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            m.gradient(b, g);
            long t1 = System.nanoTime();
            m.hvp(b, v, hv);
            long t2 = System.nanoTime();
            h.apply(v, ho);
            long t3 = System.nanoTime();
            tg[i] = (t1 - t0) * 1e-6;
            th[i] = (t2 - t1) * 1e-6;
            to[i] = (t3 - t2) * 1e-6;
        }
        return new Result(backend(), spec, batch, loss, precision, m.parameterCount(), threads, reps, median(tg),
                median(th), median(to));
    }

    /** At least three gradient + HVP pairs, and as many more as fit in {@code seconds}. */
    private static void warmUp(Model m, Batch b, double[] v, double seconds) {
        double[] g = new double[v.length];
        double[] hv = new double[v.length];
        long until = System.nanoTime() + (long) (seconds * 1e9);
        for (int warm = 0; warm < 3 || System.nanoTime() < until; warm++) {
            m.gradient(b, g);
            m.hvp(b, v, hv);
        }
    }

    /** Untimed HVPs at the start of each served block (they absorb the wake-up of idle threads and caches). */
    static final int SERVE_UNTIMED = 2;

    /**
     * Times HVPs in blocks on request, so that another process can alternate with this one in short blocks
     * ({@code nn/bench/paired.py} pairs us with PyTorch this way: the host's drift then hits both sides of a pair
     * alike). After the warm-up it writes {@code ready}; then for each input line holding a block size N (1 to
     * 10,000) it runs {@value #SERVE_UNTIMED} untimed HVPs and N timed ones (each with its forward pass, as in
     * {@link #measure}) and writes {@code hvp_ms t1 … tN}; it returns at the end of the input. Output is flushed
     * after every line.
     *
     * @throws IllegalArgumentException for a line that is not such a block size (naming the line)
     */
    public static void serve(String spec, int batch, Loss loss, Precision precision, double warmupSeconds, int threads,
                             BufferedReader in, PrintStream out) throws IOException {
        Setup su = Setup.of(spec, batch, loss, precision);
        Model m = su.model();
        m.setThreads(threads);
        double[] v = su.direction();
        double[] hv = new double[v.length];
        warmUp(m, su.batch(), v, warmupSeconds);
        out.println("ready");
        out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            int count = blockSize(line);
            for (int i = 0; i < SERVE_UNTIMED; i++) {
                m.hvp(su.batch(), v, hv);
            }
            StringBuilder times = new StringBuilder("hvp_ms");
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                m.hvp(su.batch(), v, hv);
                times.append(String.format(Locale.ROOT, " %.4f", (System.nanoTime() - t0) * 1e-6));
            }
            out.println(times);
            out.flush();
        }
    }

    private static int blockSize(String line) {
        try {
            int count = Integer.parseInt(line.strip());
            if (count >= 1 && count <= 10_000) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("serve: each input line must be a block size from 1 to 10000, got '"
                + line + "'");
    }

    /** The benchmark's model (seed 1), batch (pixel-like inputs, cycling labels) and HVP direction. */
    private record Setup(Model model, Batch batch, double[] direction) {
        static Setup of(String spec, int batch, Loss loss, Precision precision) {
            Model m = Models.create(spec, loss, precision, 1, 1.0);
            RandomStream r = RandomStream.of(1, 99);
            double[] x = new double[batch * m.inputSize()];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextDouble();
            }
            int[] y = new int[batch];
            for (int s = 0; s < batch; s++) {
                y[s] = s % m.outputSize();
            }
            double[] v = new double[m.parameterCount()];
            RandomStream.of(1, 98).fillGaussian(v, 0, v.length);
            return new Setup(m, new Batch(x, y, batch), v);
        }
    }

    /**
     * Where one HVP's time goes: medians over {@code reps} HVPs (each with its forward pass, the whole batch on one
     * engine) of every layer's forward, first-order backward, R-forward and R-backward pass.
     *
     * @param layers   "index kind in->out" per layer
     * @param medianMs [pass][layer] in milliseconds, passes in the order forward, backward, R-forward, R-backward
     *                 (the first layer has no backward pass: 0)
     */
    public record LayerTimes(List<String> layers, double[][] medianMs) {
        /** The pass names, in the order of {@link #medianMs}. */
        public static final List<String> PASSES = List.of("forward", "backward", "r_forward", "r_backward");
    }

    /** Runs {@link LayerTimes}' measurement after {@code warmupSeconds} of untimed HVPs. */
    public static LayerTimes measureLayers(String spec, int batch, Loss loss, Precision precision, int reps,
                                           double warmupSeconds) {
        Setup su = Setup.of(spec, batch, loss, precision);
        if (!(su.model() instanceof Network net)) {
            throw new IllegalArgumentException("per-layer timing needs a network (mlp or cnn), not " + spec);
        }
        List<String> layers = net.layerNames();
        int depth = layers.size();
        int passes = LayerTimes.PASSES.size();
        double[] hv = new double[su.direction().length];
        long until = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int warm = 0; warm < 3 || System.nanoTime() < until; warm++) {
            net.hvpTimed(su.batch(), su.direction(), hv, new long[passes][depth]);
        }
        long[][][] nanos = new long[reps][passes][depth];
        for (int r = 0; r < reps; r++) {
            net.hvpTimed(su.batch(), su.direction(), hv, nanos[r]);
        }
        double[][] ms = new double[passes][depth];
        double[] sample = new double[reps];
        for (int pass = 0; pass < passes; pass++) {
            for (int l = 0; l < depth; l++) {
                for (int r = 0; r < reps; r++) {
                    sample[r] = nanos[r][pass][l] * 1e-6;
                }
                ms[pass][l] = median(sample);
            }
        }
        return new LayerTimes(layers, ms);
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
