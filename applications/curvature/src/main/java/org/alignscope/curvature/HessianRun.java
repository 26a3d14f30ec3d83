package org.alignscope.curvature;

import static org.alignscope.curvature.HessianSettings.BATCH;
import static org.alignscope.curvature.HessianSettings.BLOCK;
import static org.alignscope.curvature.HessianSettings.CHECKPOINT;
import static org.alignscope.curvature.HessianSettings.DENSITY;
import static org.alignscope.curvature.HessianSettings.DENSITY_PROBES;
import static org.alignscope.curvature.HessianSettings.DENSITY_STEPS;
import static org.alignscope.curvature.HessianSettings.INIT_SCALE;
import static org.alignscope.curvature.HessianSettings.K;
import static org.alignscope.curvature.HessianSettings.LOSS;
import static org.alignscope.curvature.HessianSettings.MODEL;
import static org.alignscope.curvature.HessianSettings.NEGATIVE;
import static org.alignscope.curvature.HessianSettings.OPERATOR;
import static org.alignscope.curvature.HessianSettings.OUT;
import static org.alignscope.curvature.HessianSettings.PRECISION;
import static org.alignscope.curvature.HessianSettings.SEED;
import static org.alignscope.curvature.HessianSettings.THREADS;
import static org.alignscope.curvature.HessianSettings.TOL;
import static org.alignscope.curvature.HessianSettings.TRACE;
import static org.alignscope.curvature.HessianSettings.TRACE_HVPS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.alignscope.io.CsvWriter;
import org.alignscope.linalg.Vectors;
import org.alignscope.linalg.progress.Counter;
import org.alignscope.linalg.progress.Progress;
import org.alignscope.nn.Checkpoint;
import org.alignscope.nn.HvpBenchmark;
import org.alignscope.nn.MeanCurvature;
import org.alignscope.nn.Loss;
import org.alignscope.nn.Model;
import org.alignscope.nn.ModelSpec;
import org.alignscope.nn.Models;
import org.alignscope.nn.OperatorKind;
import org.alignscope.nn.ParameterBlock;
import org.alignscope.nn.Precision;
import org.alignscope.nn.ReferenceSet;
import org.alignscope.nn.TensorInfo;
import org.alignscope.report.LinePlot;
import org.alignscope.report.Manifest;
import org.alignscope.spectral.EigenResult;
import org.alignscope.spectral.Lanczos;
import org.alignscope.spectral.PrincipalSubmatrix;
import org.alignscope.spectral.LanczosOptions;
import org.alignscope.spectral.SpectralDensity;
import org.alignscope.spectral.TraceEstimate;
import org.alignscope.spectral.TraceEstimator;

/**
 * {@code alignscope hessian}: the curvature of a network's mean loss on a reference set — top-k eigenpairs with
 * residual certificates, optionally the most negative ones, the trace and the spectral density — written to a run
 * folder.
 *
 * <p>Files: {@code eigen.csv} ({@value #EIGEN_HEADER_TEXT}; index from 1, eigenvalues descending, residual the
 * absolute ‖Hv − λv‖ for unit v, hvps the operator products the solve used in total, certification included),
 * {@code eigen_negative.csv} (same header, most negative first), {@code trace.csv}, {@code density.csv},
 * {@code density_nodes.csv}, {@code density.png}, the model as a checkpoint in {@code model/}, and
 * {@code manifest.json}. One "HVP" is one product of the operator over the <b>whole</b> reference set (with
 * {@code --batch}, that is ⌈n/B⌉ chunk products).
 *
 * <p>With a block ({@code --block}), every spectral quantity is that of the principal submatrix H[S, S] of the
 * operator for the chosen parameters S (a layer's or a tensor's curvature with the rest of the network fixed,
 * {@link PrincipalSubmatrix}); one product of the block costs one full HVP.
 */
public final class HessianRun {
    static final String EIGEN_HEADER_TEXT = "index,eigenvalue,residual,converged,hvps";
    /** The header of {@code eigen.csv} and {@code eigen_negative.csv}. */
    public static final String[] EIGEN_HEADER = EIGEN_HEADER_TEXT.split(",");
    /** The header of {@code trace.csv}. */
    public static final String[] TRACE_HEADER = {"method", "estimate", "standard_error", "hvps", "probes"};
    /** The value added to the density before it is drawn on a log axis, so that empty regions show. */
    public static final double PLOT_FLOOR = 1e-7;

    private HessianRun() {
    }

    /**
     * A checked run: the model at the point to analyse and the reference set, nothing written yet.
     *
     * @param fromCheckpoint whether the model was loaded rather than initialised
     * @param block          the parameters whose block of the operator is analysed, or null for all
     */
    public record Prepared(HessianSettings settings, Model model, ReferenceData data, boolean fromCheckpoint,
                           ParameterBlock block) {
    }

    /**
     * What a run computed.
     *
     * @param top            the top-k eigenpairs
     * @param negative       the most negative eigenpairs, or null
     * @param hutchinson     Hutchinson's trace estimate, or null
     * @param hutchPlusPlus  the Hutch++ trace estimate, or null
     * @param density        the SLQ density, or null
     * @param loss           the mean loss on the reference set
     * @param gradientNorm   ‖∇L‖ on the reference set
     * @param hvps           operator products over the whole run
     * @param seconds        wall-clock seconds per stage
     */
    public record Result(EigenResult top, EigenResult negative, TraceEstimate hutchinson, TraceEstimate hutchPlusPlus,
                         SpectralDensity.Result density, double loss, double gradientNorm, long hvps,
                         Map<String, Double> seconds) {
    }

    /**
     * Checks the settings, builds or loads the model and loads the reference set; writes nothing.
     *
     * @throws org.alignscope.settings.SettingError naming the setting at fault
     */
    public static Prepared prepare(HessianSettings s) {
        Model model;
        boolean fromCheckpoint = s.get(CHECKPOINT) != null;
        if (fromCheckpoint) {
            model = loadCheckpoint(s);
        } else {
            Loss loss = s.get(LOSS) != null ? s.get(LOSS) : Loss.MSE;
            Precision precision = s.get(PRECISION) != null ? s.get(PRECISION) : Precision.F64;
            ModelSpec spec;
            spec = MODEL.reading(() -> ModelSpec.parse(s.get(MODEL)));
            HessianMemory.check(s, spec, precision, MODEL);
            model = MODEL.reading(() -> Models.create(s.get(MODEL), loss, precision, s.get(SEED), s.get(INIT_SCALE)));
        }
        model.setThreads(s.get(THREADS));
        ParameterBlock block = null;
        if (s.get(BLOCK) != null) {
            Model m = model;
            block = BLOCK.reading(() -> ParameterBlock.select(m, s.get(BLOCK)));
        }
        int p = block == null ? model.parameterCount() : block.size();
        String what = block == null ? "the number of parameters " : "the block's number of parameters ";
        if (s.get(K) >= p) {
            throw K.invalid("must be below " + what + p + " (got " + s.get(K) + ")");
        }
        if (s.get(NEGATIVE) >= p) {
            throw NEGATIVE.invalid("must be below " + what + p + " (got " + s.get(NEGATIVE) + ")");
        }
        ReferenceData data = ReferenceData.load(s.dataSource(), model.inputSize(), model.outputSize());
        return new Prepared(s, model, data, fromCheckpoint, block);
    }

    private static Model loadCheckpoint(HessianSettings s) {
        SavedModel saved = SavedModel.read(CHECKPOINT, s.get(CHECKPOINT), s.get(LOSS), s.get(PRECISION));
        HessianMemory.check(s, saved.spec(), saved.precision(), CHECKPOINT);
        return saved.load();
    }

    /** {@link #prepare} then {@link #run(Prepared, String, Consumer)}. */
    public static Result run(HessianSettings s, String command, Consumer<String> log) {
        return run(prepare(s), command, log);
    }

    /** Computes everything the settings ask for and writes the run folder; {@code log} receives progress lines. */
    public static Result run(Prepared prep, String command, Consumer<String> log) {
        return run(prep, command, log, Progress.NONE);
    }

    /**
     * As {@link #run(Prepared, String, Consumer)}, reporting to {@code progress} each product of the operator (a
     * Lanczos step, a trace probe, a density step) out of the run's budget: the most HVPs each requested phase may
     * use (the Lanczos limits, twice --trace-hvps, probes × steps). A solve that converges early skips the rest of
     * its share when it ends, so the total is reached exactly when the run is done.
     */
    public static Result run(Prepared prep, String command, Consumer<String> log, Progress progress) {
        long start = System.nanoTime();
        HessianSettings s = prep.settings();
        long[] phaseEnds = phaseEnds(s);
        Counter hvps = progress.counter(phaseEnds[phaseEnds.length - 1]);
        Model model = prep.model();
        Path out = s.get(OUT);
        Map<String, Double> seconds = new LinkedHashMap<>();

        Manifest manifest = new Manifest(command);
        s.describe().forEach(manifest::setting);
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("init", prep.fromCheckpoint() ? null : s.get(SEED));
        seeds.put("init_stream", prep.fromCheckpoint() ? null : List.of(s.get(SEED), Models.INIT_STREAM));
        seeds.put("lanczos_start", List.of(s.get(SEED), Lanczos.STREAM));
        seeds.put("trace_probes", List.of(s.get(SEED), TraceEstimator.STREAM));
        seeds.put("density_probes", List.of(s.get(SEED), SpectralDensity.STREAM));
        manifest.put("seeds", seeds);
        Map<String, Object> modelInfo = new LinkedHashMap<>();
        modelInfo.put("spec", model.spec());
        modelInfo.put("parameters", model.parameterCount());
        modelInfo.put("loss", model.lossFunction().label());
        modelInfo.put("precision", model.precision().label());
        modelInfo.put("origin", prep.fromCheckpoint() ? "checkpoint " + s.get(CHECKPOINT)
                : "PyTorch default initialisation x " + s.get(INIT_SCALE) + ", seed " + s.get(SEED));
        modelInfo.put("saved_to", out.resolve("model").toString());
        manifest.put("model", modelInfo);
        manifest.put("data", prep.data().description());
        manifest.put("blas", HvpBenchmark.backend());
        manifest.put("precision", model.precision().label());
        manifest.put("operator", s.get(OPERATOR).label());
        if (prep.block() != null) {
            manifest.put("block", Map.of("tensors", prep.block().tensors().stream().map(TensorInfo::name).toList(),
                    "parameters", prep.block().size()));
        }
        manifest.write(out);

        try {
            Checkpoint.save(model, out.resolve("model"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model in " + out.resolve("model") + ": " + e.getMessage(), e);
        }

        var data = prep.data().dataset();
        long t = System.nanoTime();
        ReferenceSet reference = ReferenceSet.of(data.features(), data.labels(), s.get(BATCH));
        boolean cached = reference.chunkCount() == 1;
        MeanCurvature op = cached ? reference.curvature(model, s.get(OPERATOR))
                : reference.recomputedCurvature(model, s.get(OPERATOR));
        double[] grad = new double[model.parameterCount()];
        double loss = reference.gradient(model, grad);
        double gnorm = Vectors.norm(grad);
        seconds.put("operator_setup", lap(t));
        CountedOperator analysed = new CountedOperator(prep.block() == null ? op
                : new PrincipalSubmatrix(op, prep.block().starts(), prep.block().lengths()), hvps);
        int phase = 0;
        log.accept(String.format(java.util.Locale.ROOT, "%s%s of the mean %s loss on %d samples (%s), %d parameters,"
                + " %s, %s, BLAS %s; loss %.6g, |grad| %.4g", s.get(OPERATOR).label(), blockNote(prep.block()),
                model.lossFunction().label(), data.size(), data.name(), model.parameterCount(), model.precision().label(),
                cached ? "whole set at once" : op.chunkCount() + " chunks of <= " + s.get(BATCH), HvpBenchmark.backend(),
                loss, gnorm));

        t = System.nanoTime();
        EigenResult top = Lanczos.largest(analysed, options(s, s.get(K)));
        seconds.put("top_eigenpairs", lap(t));
        writeEigen(top, out.resolve("eigen.csv"));
        log.accept(String.format(java.util.Locale.ROOT, "top %d: %d/%d converged, %d HVPs, %.1f s", s.get(K),
                top.convergedCount(), top.count(), top.operatorApplications(), seconds.get("top_eigenpairs")));
        analysed.finishPhase(phaseEnds[phase++]);

        EigenResult negative = null;
        if (s.get(NEGATIVE) > 0) {
            t = System.nanoTime();
            negative = Lanczos.smallest(analysed, options(s, s.get(NEGATIVE)));
            seconds.put("negative_eigenpairs", lap(t));
            writeEigen(negative, out.resolve("eigen_negative.csv"));
            log.accept(String.format(java.util.Locale.ROOT, "most negative %d: %d/%d converged, %d HVPs, %.1f s",
                    s.get(NEGATIVE), negative.convergedCount(), negative.count(), negative.operatorApplications(),
                    seconds.get("negative_eigenpairs")));
            analysed.finishPhase(phaseEnds[phase++]);
        }

        TraceEstimate hutch = null;
        TraceEstimate hpp = null;
        if (s.get(TRACE)) {
            t = System.nanoTime();
            hutch = TraceEstimator.hutchinson(analysed, s.get(TRACE_HVPS), s.get(SEED));
            hpp = TraceEstimator.hutchPlusPlus(analysed, s.get(TRACE_HVPS), s.get(SEED));
            seconds.put("trace", lap(t));
            try (CsvWriter csv = new CsvWriter(out.resolve("trace.csv"), false, TRACE_HEADER)) {
                for (TraceEstimate e : List.of(hutch, hpp)) {
                    csv.row(e.method(), e.estimate(), e.standardError(), e.operatorApplications(), e.probes());
                }
            }
            log.accept(String.format(java.util.Locale.ROOT, "trace: hutchinson %.6g ± %.2g, hutch++ %.6g ± %.2g,"
                    + " %.1f s", hutch.estimate(), hutch.standardError(), hpp.estimate(), hpp.standardError(),
                    seconds.get("trace")));
            analysed.finishPhase(phaseEnds[phase++]);
        }

        SpectralDensity.Result density = null;
        if (s.get(DENSITY)) {
            t = System.nanoTime();
            density = SpectralDensity.estimate(analysed, SpectralDensity.Options.defaults().withProbes(s.get(DENSITY_PROBES))
                    .withLanczosSteps(s.get(DENSITY_STEPS)).withSeed(s.get(SEED)));
            seconds.put("density", lap(t));
            writeDensity(density, out, s, model, prep.block(), data.size());
            log.accept(String.format(java.util.Locale.ROOT, "density: %d probes x %d steps, %d HVPs, %.1f s",
                    s.get(DENSITY_PROBES), s.get(DENSITY_STEPS), density.operatorApplications(), seconds.get("density")));
            analysed.finishPhase(phaseEnds[phase++]);
        }

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("loss", loss);
        results.put("gradient_norm", gnorm);
        results.put("top", summary(top));
        if (negative != null) {
            results.put("negative", summary(negative));
        }
        if (hutch != null) {
            results.put("trace_hutchinson", Map.of("estimate", hutch.estimate(), "standard_error",
                    hutch.standardError(), "hvps", hutch.operatorApplications()));
            results.put("trace_hutchpp", Map.of("estimate", hpp.estimate(), "standard_error", hpp.standardError(),
                    "hvps", hpp.operatorApplications()));
        }
        if (density != null) {
            results.put("density", Map.of("sigma", density.sigma(), "hvps", density.operatorApplications(),
                    "integral", density.integral()));
        }
        results.put("hvps_total", op.products());
        results.put("operator_mode", cached ? "whole set, linearised once"
                : "chunked: " + op.chunkCount() + " chunks, forward pass per product and chunk");
        manifest.put("results", results);
        manifest.put("seconds", seconds);
        manifest.put("elapsed_seconds", (System.nanoTime() - start) / 1e9);
        manifest.complete().write(out);
        return new Result(top, negative, hutch, hpp, density, loss, gnorm, op.products(), seconds);
    }

    /**
     * The cumulative HVP budget at the end of each phase the settings ask for: the top pairs, then the negative
     * ones, the two trace estimators and the density.
     */
    static long[] phaseEnds(HessianSettings s) {
        List<Long> shares = new ArrayList<>(List.of((long) s.maxHvps(s.get(K))));
        if (s.get(NEGATIVE) > 0) {
            shares.add((long) s.maxHvps(s.get(NEGATIVE)));
        }
        if (s.get(TRACE)) {
            shares.add(2L * s.get(TRACE_HVPS));
        }
        if (s.get(DENSITY)) {
            shares.add((long) s.get(DENSITY_PROBES) * s.get(DENSITY_STEPS));
        }
        long[] ends = new long[shares.size()];
        long sum = 0;
        for (int i = 0; i < ends.length; i++) {
            sum += shares.get(i);
            ends[i] = sum;
        }
        return ends;
    }

    /** The Lanczos settings of a solve for {@code pairs} pairs. */
    static LanczosOptions options(HessianSettings s, int pairs) {
        return new LanczosOptions(pairs, s.get(TOL), s.maxHvps(pairs), LanczosOptions.krylovFor(pairs), s.get(SEED));
    }

    private static Map<String, Object> summary(EigenResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eigenvalues", r.eigenvalues());
        m.put("residuals", r.residuals());
        m.put("converged", r.convergedCount());
        m.put("hvps", r.operatorApplications());
        m.put("tolerance_absolute", r.tolerance() * r.scale());
        return m;
    }

    private static double lap(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Writes {@code eigen.csv}-style rows. */
    static void writeEigen(EigenResult r, Path file) {
        try (CsvWriter csv = new CsvWriter(file, false, EIGEN_HEADER)) {
            for (int i = 0; i < r.count(); i++) {
                csv.row(i + 1, r.eigenvalues()[i], r.residuals()[i], r.converged()[i], r.operatorApplications());
            }
        }
    }

    /** " block 0.weight,0.bias (P parameters)", or "" for the whole parameter vector. */
    public static String blockNote(ParameterBlock block) {
        return block == null ? "" : " block " + block.label() + " (" + block.size() + " parameters)";
    }

    private static void writeDensity(SpectralDensity.Result d, Path out, HessianSettings s, Model model,
                                     ParameterBlock block, int n) {
        double[] grid = d.grid();
        double[] phi = d.density();
        try (CsvWriter csv = new CsvWriter(out.resolve("density.csv"), false, "eigenvalue", "density")) {
            for (int i = 0; i < grid.length; i++) {
                csv.row(grid[i], phi[i]);
            }
        }
        try (CsvWriter csv = new CsvWriter(out.resolve("density_nodes.csv"), false, "probe", "node", "weight")) {
            for (int p = 0; p < d.nodes().length; p++) {
                for (int j = 0; j < d.nodes()[p].length; j++) {
                    csv.row(p + 1, d.nodes()[p][j], d.weights()[p][j]);
                }
            }
        }
        double[] shown = new double[phi.length];
        for (int i = 0; i < phi.length; i++) {
            shown[i] = phi[i] + PLOT_FLOOR;
        }
        String title = String.format(java.util.Locale.ROOT, "Spectral density of the %s%s (SLQ, %d x %d steps), %s, n = %d",
                s.get(OPERATOR) == OperatorKind.HESSIAN ? "Hessian" : "Gauss-Newton matrix",
                blockNote(block), s.get(DENSITY_PROBES),
                s.get(DENSITY_STEPS), model.spec(), n);
        new LinePlot(title, "eigenvalue", "density (log scale, + 1e-7)", 900, 520).logY()
                .line("density", grid, shown).save(out.resolve("density.png"));
    }
}
