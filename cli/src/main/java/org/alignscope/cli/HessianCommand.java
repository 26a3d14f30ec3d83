package org.alignscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.alignscope.linalg.progress.Progress;
import org.alignscope.lab.curvature.HessianRun;
import org.alignscope.lab.curvature.HessianSettings;
import org.alignscope.nn.OperatorKind;
import org.alignscope.nn.Loss;
import org.alignscope.nn.Precision;
import org.alignscope.spectral.EigenResult;
import org.alignscope.spectral.TraceEstimate;
import org.alignscope.report.html.ReportPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alignscope hessian}: top-k eigenpairs (and more) of a network's loss Hessian on a reference set. */
@Command(name = "hessian", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Top-k eigenpairs of the Hessian (or Gauss-Newton matrix) of the mean loss of a network on a "
                + "class-balanced reference set, by Lanczos with residual certificates; optionally the most negative "
                + "eigenvalues, the trace and the spectral density.",
            "Writes DIR/eigen.csv (index,eigenvalue,residual,converged,hvps), DIR/model/ (checkpoint), "
                + "DIR/manifest.json, and with the options below eigen_negative.csv, trace.csv, density.csv, "
                + "density_nodes.csv, density.png."})
final class HessianCommand implements Runnable, CellCheck {
    @picocli.CommandLine.Mixin
    ProgressOptions progress;

    @Option(names = "--model", description = "Model spec, e.g. mlp:784-200-200-10:tanh or "
            + "cnn:1x28x28:c16k3p1-relu-max2-c32k3p1-relu-max2-d10 (see nn/README.md).")
    String model;

    @Option(names = "--checkpoint", description = "Analyse the model saved in this folder (index.json + .npy) "
            + "instead of a new --model.")
    Path checkpoint;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the initialisation (new model), the Lanczos "
            + "start and the random probes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--init-scale", defaultValue = "1", description = "Factor on PyTorch's default initialisation, "
            + "new model only (default: ${DEFAULT-VALUE}).")
    double initScale;

    @Option(names = "--loss", description = "ce or mse (default: the checkpoint's, else mse).")
    String loss;

    @Option(names = "--precision", description = "f64 or f32 (default: the checkpoint's, else f64).")
    String precision;

    @Option(names = "--data", defaultValue = "fashion-mnist", description = "fashion-mnist, synthetic or csv:PATH "
            + "(default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--data-path", description = "Folder of the Fashion-MNIST IDX files (default: "
            + "/usr/share/datasets/fashion-mnist).")
    Path dataPath;

    @Option(names = "--label-column", defaultValue = "label", description = "Label column of a CSV file "
            + "(default: ${DEFAULT-VALUE}).")
    String labelColumn;

    @Option(names = "--data-seed", defaultValue = "1", description = "Seed of --data synthetic (default: ${DEFAULT-VALUE}).")
    long dataSeed;

    @Option(names = "--n", defaultValue = "5000", description = "Samples in the class-balanced reference set, a "
            + "multiple of the class count (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--k", defaultValue = "10", description = "Top eigenpairs (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--tol", defaultValue = "1e-6", description = "Converged when ||Hv - lambda v|| <= tol * "
            + "|lambda_1| (default: ${DEFAULT-VALUE}).")
    double tol;

    @Option(names = "--max-hvps", defaultValue = "0", description = "Most HVPs per Lanczos solve, certification "
            + "included (default: 50k + 500).")
    int maxHvps;

    @Option(names = "--negative", defaultValue = "0", description = "Also the K most negative eigenpairs -> "
            + "eigen_negative.csv (default: none).")
    int negative;

    @Option(names = "--trace", description = "Estimate the trace (Hutchinson and Hutch++, with standard errors) -> "
            + "trace.csv.")
    boolean trace;

    @Option(names = "--trace-hvps", defaultValue = "99", description = "HVPs per trace estimator (default: "
            + "${DEFAULT-VALUE}).")
    int traceHvps;

    @Option(names = "--density", description = "Spectral density by stochastic Lanczos quadrature -> density.csv, "
            + "density_nodes.csv, density.png.")
    boolean density;

    @Option(names = "--density-probes", defaultValue = "1", description = "SLQ probe vectors (default: "
            + "${DEFAULT-VALUE}).")
    int densityProbes;

    @Option(names = "--density-steps", defaultValue = "90", description = "Lanczos steps per SLQ probe (default: "
            + "${DEFAULT-VALUE}).")
    int densitySteps;

    @Option(names = "--operator", defaultValue = "hessian", description = "hessian or ggn (generalised Gauss-Newton) "
            + "(default: ${DEFAULT-VALUE}).")
    String operator;

    @Option(names = "--block", description = "Analyse only the diagonal block of these parameters, all others held "
            + "fixed: comma-separated tensor names (0.weight, 2.bias) or module indices (2 = 2.weight and 2.bias), "
            + "PyTorch's names as in the checkpoint (default: all parameters).")
    String block;

    @Option(names = "--batch", defaultValue = "0", description = "Evaluate the operator in chunks of B samples "
            + "(exact mean-loss average; bounded memory, one forward pass per chunk and HVP); 0: the whole set at once "
            + "(default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", defaultValue = "1", description = "Split each batch (or chunk) into this many parts "
            + "evaluated concurrently, one engine per thread, 1 to 64; with OpenBLAS set OPENBLAS_NUM_THREADS=1 when "
            + "> 1 (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--out", defaultValue = "runs/hessian", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @picocli.CommandLine.Mixin
    OutputOwner owner;

    /** The validated settings of these options (each error names its option). */
    private HessianSettings settings() {
        Loss l = loss == null ? null : parse(() -> Loss.parse(loss), "--loss");
        Precision p = precision == null ? null : parse(() -> Precision.parse(precision), "--precision");
        return new HessianSettings(model, checkpoint, seed, initScale, l, p, data, dataPath, labelColumn, dataSeed, n,
                k, tol, maxHvps, negative, trace, traceHvps, density, densityProbes, densitySteps,
                parse(() -> OperatorKind.parse(operator), "--operator"), block, batch, threads, out);
    }

    /** Validates the options without reading data or building the model (for {@code alignscope sweep}). */
    @Override
    public void check() {
        settings().validate();
    }

    @Override
    public void run() {
        HessianSettings s = settings();
        OperatorKind op = s.operator();
        long start = System.nanoTime();
        HessianRun.Prepared prep = HessianRun.prepare(s);
        String command = owner.commandLine();
        Progress hvps = progress.progress("hessian", "HVPs");
        HessianRun.Result r = owner.write(out, () -> {
            HessianRun.Result result = HessianRun.run(prep, command, line -> ProgressBar.message(hvps, line), hvps);
            ReportPage.write(out);
            return result;
        });
        System.out.println((op == OperatorKind.HESSIAN ? "top eigenvalues of the Hessian" : "top eigenvalues of the GGN")
                + HessianRun.blockNote(prep.block()));
        printTable(r.top());
        if (r.negative() != null) {
            System.out.println("most negative eigenvalues");
            printTable(r.negative());
        }
        if (r.hutchinson() != null) {
            for (TraceEstimate e : new TraceEstimate[] {r.hutchinson(), r.hutchPlusPlus()}) {
                System.out.println(String.format(Locale.ROOT, "trace (%s): %.6g +- %.2g (%d HVPs)", e.method(),
                        e.estimate(), e.standardError(), e.operatorApplications()));
            }
        }
        System.out.println(String.format(Locale.ROOT, "wrote %s (%d HVPs in all) in %.1f s", out, r.hvps(),
                (System.nanoTime() - start) / 1e9));
    }

    private static <T> T parse(java.util.function.Supplier<T> f, String option) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    static void printTable(EigenResult r) {
        System.out.println("index\teigenvalue\tresidual\tconverged");
        for (int i = 0; i < r.count(); i++) {
            System.out.println(String.format(Locale.ROOT, "%d\t%.8g\t%.3g\t%s", i + 1, r.eigenvalues()[i],
                    r.residuals()[i], r.converged()[i] ? "yes" : "no"));
        }
        System.out.println(String.format(Locale.ROOT, "%d/%d converged to %.3g (tol x |lambda_1|), %d HVPs",
                r.convergedCount(), r.count(), r.tolerance() * r.scale(), r.operatorApplications()));
    }
}
