package org.alignscope.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run-level summary of a trajectory's verdicts: the share of evaluations per verdict, the median η/η* and one line
 * of what the most frequent verdict suggests.
 *
 * @param name   what was summarised, e.g. {@code "base seed 1"}
 * @param counts evaluations per verdict (every verdict present, 0 included)
 * @param medianEtaOverEtaStar the median of eta_over_eta_star over the evaluations where it exists (NaN if none)
 * @param decisive the evaluations whose own verdict (before the hysteresis) was not undetermined
 */
public record VerdictSummary(String name, Map<Verdict, Integer> counts, double medianEtaOverEtaStar, int decisive) {
    /** The summary of verdicts that are each evaluation's own (no hysteresis), with eta_over_eta_star values. */
    public static VerdictSummary of(String name, List<Verdict> verdicts, double[] etaOverEtaStar) {
        return of(name, verdicts, verdicts, etaOverEtaStar);
    }

    /**
     * The summary of these rows' shown verdicts, their evaluations' own verdicts ({@code own}, in the same order)
     * and eta_over_eta_star values (NaN where absent).
     */
    public static VerdictSummary of(String name, List<Verdict> verdicts, List<Verdict> own, double[] etaOverEtaStar) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        for (Verdict v : verdicts) {
            counts.merge(v, 1, Integer::sum);
        }
        double[] defined = Arrays.stream(etaOverEtaStar).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int decisive = (int) own.stream().filter(v -> v != Verdict.UNDETERMINED).count();
        return new VerdictSummary(name, counts, EdgeGauges.quantile(defined, 0.5), decisive);
    }

    /** The number of evaluations. */
    public int evaluations() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The most frequent verdict (the earlier in {@link Verdict}'s order on a tie); undetermined without rows. */
    public Verdict mostFrequent() {
        Verdict best = Verdict.UNDETERMINED;
        int most = 0;
        for (Verdict v : Verdict.values()) {
            if (counts.get(v) > most) {
                best = v;
                most = counts.get(v);
            }
        }
        return best;
    }

    /** What the most frequent verdict suggests, in one line. */
    public String suggestion() {
        switch (mostFrequent()) {
            case EDGE_OF_STABILITY:
                return "edge-of-stability is the most frequent verdict: the curvature has risen to the step size's"
                        + " edge; a smaller step size (or a warm-up) would move training off it";
            case SUSPICIOUS_ALIGNMENT:
                return "suspicious-alignment is the most frequent verdict: eta lies between eta^loss_D and eta^loss_B, so"
                        + " dominant-direction steps raise the loss; a smaller step size or bulk-projected steps would"
                        + " recover that progress";
            case STALLED:
                return "stalled is the most frequent verdict: the reference loss barely moves between evaluations;"
                        + " training has converged or needs a larger step size";
            case HEALTHY:
                return "healthy is the most frequent verdict: the loss falls as predicted; no change suggested";
            default:
                if (2 * decisive > evaluations()) {
                    return "undetermined is the most frequent verdict although " + decisive + " of " + evaluations()
                            + " evaluations gave a verdict of their own: it changed between consecutive evaluations;"
                            + " evaluating more often (monitor.every) lets a verdict hold twice";
                }
                return "undetermined is the most frequent verdict: more noise samples (monitor.samples) or a tighter"
                        + " monitor.tolerance would make the verdicts decisive";
        }
    }

    /** The summary as text: a line of shares and the median, a line of the suggestion. */
    public List<String> lines() {
        int n = evaluations();
        List<String> shares = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            shares.add(String.format(Locale.ROOT, "%s %.0f%% (%d)", v.code(), n == 0 ? 0.0 : 100.0 * counts.get(v) / n,
                    counts.get(v)));
        }
        return List.of(String.format(Locale.ROOT, "%s: %d evaluations: %s; median eta/eta* %s", name, n,
                String.join(", ", shares), Estimate.Format.num(medianEtaOverEtaStar)),
                "  suggests: " + suggestion());
    }
}
