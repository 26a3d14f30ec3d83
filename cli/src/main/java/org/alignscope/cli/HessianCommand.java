package org.alignscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.alignscope.linalg.progress.Progress;
import org.alignscope.curvature.HessianRun;
import org.alignscope.curvature.HessianSettings;
import org.alignscope.nn.OperatorKind;
import org.alignscope.spectral.EigenResult;
import org.alignscope.spectral.TraceEstimate;
import org.alignscope.report.html.ReportPage;
import org.alignscope.settings.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code alignscope hessian}: top-k eigenpairs (and more) of a network's loss Hessian on a reference set. */
@Command(name = "hessian", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Top-k eigenpairs of the Hessian (or Gauss-Newton matrix) of the mean loss of a network on a "
                + "class-balanced reference set, by Lanczos with residual certificates; optionally the most negative "
                + "eigenvalues, the trace and the spectral density.",
            "Writes DIR/eigen.csv (index,eigenvalue,residual,converged,hvps), DIR/model/ (checkpoint), "
                + "DIR/manifest.json, and with the options below eigen_negative.csv, trace.csv, density.csv, "
                + "density_nodes.csv, density.png."}, modelTransformer = SchemaOptions.class)
final class HessianCommand implements Runnable, CellCheck, SchemaCommand {
    @picocli.CommandLine.Mixin
    ProgressOptions progress;

    @picocli.CommandLine.Mixin
    OutputOwner owner;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public Schema schema() {
        return HessianSettings.SCHEMA;
    }

    /** The validated settings of the options (each error names its option). */
    private HessianSettings settings() {
        return HessianSettings.of(SchemaOptions.values(spec));
    }

    /** Validates the options without reading data or building the model (for {@code alignscope sweep}). */
    @Override
    public void check() {
        settings();
    }

    @Override
    public void run() {
        HessianSettings s = settings();
        OperatorKind op = s.get(HessianSettings.OPERATOR);
        Path out = s.get(HessianSettings.OUT);
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
