package org.alignscope.verify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code report.md}: one section per claim, generated from the results only. */
final class Report {
    private Report() {
    }

    static String markdown(List<VerifySuite.Entry> entries, Budget budget, long seed, String command, double seconds) {
        StringBuilder b = new StringBuilder();
        b.append("# Theorem verification report\n\n");
        b.append("Paper: Deng et al., \"Suspicious Alignment of SGD\" (ALT 2026, arXiv 2601.11789). Command: `")
                .append(command).append("`; seed ").append(seed).append("; ").append(budget.instances())
                .append(" instances per deterministic claim").append(budget.thorough() ? " (thorough)" : "")
                .append(String.format(Locale.ROOT, "; %.1f s.%n%n", seconds));
        b.append("Each claim is written as left <= right. The margin is (right - left)/|right| (right - left when right = 0), "
                + "negative exactly when an instance violates the claim. Deterministic claims are re-checked in exact "
                + "arithmetic when the double margin is below 1e-6 and are violated only below -1e-9; Monte Carlo claims "
                + "need a 5-standard-error departure; d -> infinity claims need both the extrapolated limit (fit a + b/d "
                + "over d ~ 200..12800) and the largest d to depart. Statuses come from the checks alone.\n\n");
        b.append("| claim | status | instances | worst margin | counterexample |\n|---|---|---|---|---|\n");
        for (VerifySuite.Entry e : entries) {
            ClaimResult r = e.result();
            b.append("| ").append(r.id()).append(" | ").append(r.status().word()).append(" | ").append(r.instances())
                    .append(" | ").append(num(r.worstMargin())).append(" | ")
                    .append(r.status() == Status.VIOLATED ? "`counterexamples/" + r.id() + ".json`" : "").append(" |\n");
        }
        b.append('\n');
        for (VerifySuite.Entry e : entries) {
            section(b, e);
        }
        return b.toString();
    }

    private static void section(StringBuilder b, VerifySuite.Entry e) {
        ClaimResult r = e.result();
        ClaimChecker c = e.checker();
        b.append("## ").append(r.id()).append("\n\n");
        b.append("**Statement.** ").append(c.statement()).append("\n\n");
        b.append("**Tried.** ").append(c.method()).append(' ').append(r.instances()).append(" instances checked")
                .append(String.format(Locale.ROOT, " in %.2f s.%n%n", r.seconds()));
        b.append("**Result: ").append(r.status().word()).append(".** Worst margin ").append(num(r.worstMargin()))
                .append("; ").append(r.violated()).append(" violated and ").append(r.inconclusive())
                .append(" inconclusive instances.");
        if (r.worst() != null) {
            b.append(" Worst instance (`instances/").append(r.id()).append("-worst.json`): ")
                    .append(describe(r.worst(), r.worstEval())).append('.');
        }
        b.append("\n\n");
        if (r.status() == Status.VIOLATED) {
            b.append("**Counterexample** `counterexamples/").append(r.id()).append(".json` (replay: `")
                    .append(VerifySuite.replayCommand("DIR/counterexamples/" + r.id() + ".json")).append("`).");
            if (r.smallest() != null) {
                b.append(" Smallest violating instance: ").append(describe(r.smallest(), r.smallestEval())).append('.');
                if (r.smallest() != r.worst()) {
                    b.append(" File `counterexamples/").append(r.id()).append("-smallest.json`.");
                }
            }
            b.append("\n\n");
        }
        if (e.corrected() != null) {
            ClaimResult f = e.corrected();
            b.append("**Corrected statement** (`").append(f.id()).append("`): ").append(e.correctedChecker().statement())
                    .append(" Checked by the same machinery: **").append(f.status().word()).append("** on ")
                    .append(f.instances()).append(" instances, worst margin ").append(num(f.worstMargin())).append(".\n\n");
        }
    }

    /** One instance in words: its dimensions, spectrum, noise, both sides, the margin and its first quantities. */
    static String describe(Instance inst, Evaluation e) {
        StringBuilder b = new StringBuilder();
        b.append("d = ").append(inst.d()).append(", k = ").append(inst.k()).append(", shape ").append(inst.shape());
        double[] l = inst.lambda();
        b.append(String.format(Locale.ROOT, ", lambda_1 = %.4g, lambda_k = %.4g, lambda_{k+1} = %.4g, lambda_d = %.4g",
                l[0], l[inst.k() - 1], l[inst.k()], l[l.length - 1]));
        b.append(inst.noiseFactor() != null ? ", full noise" : inst.sMin() == inst.sMax() ? ", isotropic noise" : ", diagonal noise");
        b.append("; left = ").append(num(e.left())).append(", right = ").append(num(e.right())).append(", margin = ")
                .append(num(e.margin()));
        int shown = 0;
        for (Map.Entry<String, Object> q : e.quantities().entrySet()) {
            if (shown++ >= 8) {
                break;
            }
            b.append("; ").append(q.getKey()).append(" = ").append(value(q.getValue()));
        }
        return b.toString();
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return num(d);
        }
        if (v instanceof double[] a) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) {
                s.append(i > 0 ? ", " : "").append(num(a[i]));
            }
            return s.append(']').toString();
        }
        return String.valueOf(v);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String arrays(double[] a) {
        return Arrays.toString(a);
    }
}
