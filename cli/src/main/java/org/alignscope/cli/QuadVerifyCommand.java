package org.alignscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alignscope.report.html.ReportPage;
import org.alignscope.settings.Schema;
import org.alignscope.verify.ClaimResult;
import org.alignscope.verify.VerifySettings;
import org.alignscope.verify.VerifySuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code alignscope quad verify}: every claim of the paper checked numerically ({@code verify.csv},
 * counterexample files, {@code report.md}), or one counterexample file replayed ({@code --replay}, exit code 0 for
 * holds, 1 for violated).
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check the paper's twenty claims numerically; --replay FILE recomputes one saved instance.",
        modelTransformer = SchemaOptions.class)
final class QuadVerifyCommand implements Callable<Integer>, SchemaCommand {
    @picocli.CommandLine.Mixin
    ProgressOptions progress;

    @picocli.CommandLine.Mixin
    OutputOwner owner;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public Schema schema() {
        return VerifySettings.SCHEMA;
    }

    @Override
    public Integer call() {
        VerifySettings s = VerifySettings.of(SchemaOptions.values(spec));
        Path replay = s.get(VerifySettings.REPLAY);
        if (replay != null) {
            VerifySuite.Replay r = VerifySettings.REPLAY.reading(() -> VerifySuite.replay(replay));
            System.out.println(r.line());
            return r.exitCode();
        }
        Path out = s.get(VerifySettings.OUT);
        long start = System.nanoTime();
        String command = "alignscope quad verify --out " + out + (s.given(VerifySettings.INSTANCES) ? " --instances "
                + s.get(VerifySettings.INSTANCES) : "") + " --seed " + s.get(VerifySettings.SEED)
                + (s.get(VerifySettings.THOROUGH) ? " --thorough" : "");
        List<VerifySuite.Entry> entries = new java.util.ArrayList<>();
        owner.write(out, () -> {
            entries.addAll(VerifySuite.run(s, command, progress.progress("quad verify", "claims")));
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
