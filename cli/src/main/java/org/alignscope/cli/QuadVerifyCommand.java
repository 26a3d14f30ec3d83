package org.alignscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alignscope.verify.Budget;
import org.alignscope.verify.ClaimResult;
import org.alignscope.verify.VerifySuite;
import org.alignscope.report.html.ReportPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alignscope quad verify}: every claim of the paper checked numerically ({@code verify.csv},
 * counterexample files, {@code report.md}), or one counterexample file replayed ({@code --replay}, exit code 0 for
 * holds, 1 for violated).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the paper's twenty claims numerically; --replay FILE recomputes one saved instance.")
final class QuadVerifyCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ProgressOptions progress;

    @Option(names = "--out", defaultValue = "runs/quad-verify", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--instances", description = "Random instances per deterministic claim (default: 2000; 20000 with --thorough).")
    Integer instances;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of all random instances (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--thorough", description = "Ten times the instances and five times the Monte Carlo draws.")
    boolean thorough;

    @Option(names = "--threads", description = "Worker threads (default: the number of cores); results do not depend on it.")
    Integer threads;

    @Option(names = "--replay", paramLabel = "FILE", description = "Recompute the instance in FILE and print one line; exit 0 (holds) or 1 (violated).")
    Path replay;

    @picocli.CommandLine.Mixin
    OutputOwner owner;

    @Override
    public Integer call() {
        if (replay != null) {
            VerifySuite.Replay r = VerifySuite.replay(replay);
            System.out.println(r.line());
            return r.exitCode();
        }
        if (instances != null && instances < 1) {
            throw new IllegalArgumentException("--instances: must be >= 1 (got " + instances + ")");
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new IllegalArgumentException("--threads: must be >= 1 (got " + n + ")");
        }
        Budget budget = Budget.of(instances, thorough);
        long start = System.nanoTime();
        String command = "alignscope quad verify --out " + out + (instances != null ? " --instances " + instances : "")
                + " --seed " + seed + (thorough ? " --thorough" : "");
        List<VerifySuite.Entry> entries = new java.util.ArrayList<>();
        owner.write(out, () -> {
            entries.addAll(VerifySuite.run(out, budget, seed, n, command, progress.progress("quad verify", "claims")));
            ReportPage.write(out);
        });
        System.out.println("claim\tstatus\tinstances\tworst_margin");
        for (VerifySuite.Entry e : entries) {
            ClaimResult r = e.result();
            System.out.println(String.format(Locale.ROOT, "%s\t%s\t%d\t%.4g", r.id(), r.status().word(), r.instances(),
                    r.worstMargin()));
        }
        System.out.println(String.format(Locale.ROOT, "wrote %s (verify.csv, report.md, counterexamples/) in %.1f s", out,
                (System.nanoTime() - start) / 1e9));
        return 0;
    }
}
