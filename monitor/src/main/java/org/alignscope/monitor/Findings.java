package org.alignscope.monitor;

import static org.alignscope.monitor.Estimate.Format.num;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one evaluation into findings ({@link FindingCode}), each with advice that carries the number behind it.
 * The wording is deliberately a suggestion: the theory predicts expectations for plain SGD at this point, one step
 * ahead, and says nothing certain about a whole run.
 */
final class Findings {
    private Findings() {
    }

    static List<Finding> derive(MonitorResult r, MonitorOptions o) {
        List<Finding> out = new ArrayList<>();
        BlockEstimate b = r.main();
        OptimizerProfile opt = r.optimizer();
        double eta = r.etaEffective();
        List<String> unreliable = new ArrayList<>();
        String stepName = opt.kind() == OptimizerProfile.Kind.SGD ? "eta" : "the effective step eta/(1-beta)";

        if (!opt.theoryApplies()) {
            out.add(new Finding(FindingCode.THEORY_NA, "the step-size theory is for plain SGD; " + opt.name()
                    + " has no effective SGD step here, so eta*, eta^loss and the predicted loss change are reported"
                    + " but not interpreted (theta = " + num(b.theta()) + " is still the alignment of the reference"
                    + " gradient)" + (opt.kind() == OptimizerProfile.Kind.HEAVY_BALL || opt.kind() == OptimizerProfile.Kind.NESTEROV
                    ? "; OptimizerProfile.withEffectiveStep() applies the theory with eta/(1-beta) as an approximation" : "")));
        } else {
            driftFinding(out, b, eta, stepName, unreliable);
            suspicious(out, b, eta, o, unreliable);
        }

        // The stability edge.
        double product = r.sharpnessProduct();
        double edge = r.stabilityThreshold();
        String what = opt.preconditioned() ? "eta*lambda_1(P^-1 H)" : "eta*lambda_1";
        if (Double.isFinite(product) && product >= o.edgeMargin() * edge) {
            double safe = edge / r.sharpness();
            out.add(new Finding(FindingCode.EDGE_OF_STABILITY, what + " = " + num(product)
                    + (product >= edge ? " is at or above " : " is within " + num(100 * (1 - product / edge))
                    + "% of ") + "the " + opt.name() + " stability edge " + num(edge) + " (lambda = "
                    + num(r.sharpness()) + "): steps along the top eigenvector " + (product >= edge ? "overshoot and grow"
                    : "are close to overshooting") + "; a step below " + num(safe)
                    + " would be stable along it, and at the edge the alignment theory's one-step predictions are least reliable"));
        }

        MonitorResult.EigenSummary e = r.eigen();
        DynamicDimension.Count dynamic = e.dynamic();
        if (dynamic != null && dynamic.count() < o.kMin()) {
            out.add(new Finding(FindingCode.DYNAMIC_K_BELOW_MIN, belowMin(dynamic, e.values(), o)));
        }

        // Reliability of the estimates.
        int unconverged = 0;
        for (boolean c : e.converged()) {
            unconverged += c ? 0 : 1;
        }
        if (unconverged > 0) {
            unreliable.add(unconverged + " of " + e.converged().length + " eigenpairs unconverged (largest relative residual "
                    + num(e.maxRelativeResidual()) + "): a larger HVP budget than " + o.lanczosMaxApplications()
                    + " would let them reach the tolerance " + num(e.tolerance()));
        }
        EigenGap gap = e.gap();
        if (!gap.holds(o.maxSubspaceSin())) {
            unreliable.add(gap.describe(o.maxSubspaceSin()) + " (eigen-tolerance " + num(e.tolerance())
                    + (e.tolerance() < o.lanczosTolerance() ? ", tightened from " + num(o.lanczosTolerance()) : "")
                    + "): a tighter tolerance within a larger HVP budget than " + o.lanczosMaxApplications()
                    + " would shrink the residuals");
        }
        if (dynamic != null && !dynamic.exact()) {
            unreliable.add("k_dyn >= " + dynamic.count() + " is a lower bound: all " + dynamic.count() + " solved"
                    + " eigenvalues lie above c/eta = " + num(dynamic.threshold()) + " and the HVP budget of "
                    + o.lanczosMaxApplications() + " ended the solve's growth; a larger budget would let it count on"
                    + " (up to " + DynamicDimension.LARGEST + ")");
        }
        noiseTerm(unreliable, "e_D", "e_D", b.eD(), o);
        noiseTerm(unreliable, "e_B", "e_B", b.eB(), o);
        noiseTerm(unreliable, "n^loss_D", "nloss_D", b.nLossD(), o);
        noiseTerm(unreliable, "n^loss_B", "nloss_B", b.nLossB(), o);
        if (!unreliable.isEmpty()) {
            out.add(new Finding(FindingCode.UNRELIABLE_ESTIMATE, String.join("; ", unreliable)));
        }
        out.sort((x, y) -> Integer.compare(x.code().ordinal(), y.code().ordinal()));
        return List.copyOf(out);
    }

    /**
     * The detail of {@link FindingCode#DYNAMIC_K_BELOW_MIN}: the threshold, the largest eigenvalue below it and the
     * step above which it would count, e.g. {@code no eigenvalue above c/eta = 40.00: lambda_1 = 12.30 ...}.
     */
    private static String belowMin(DynamicDimension.Count dynamic, double[] values, MonitorOptions o) {
        int j = dynamic.count();
        String next = "lambda_" + (j + 1);
        double lambda = values[j];
        return (j == 0 ? "no eigenvalue" : "only " + j + (j == 1 ? " eigenvalue" : " eigenvalues")) + " above c/eta = "
                + num(dynamic.threshold()) + ": " + next + " = " + num(lambda) + "; the dominant block uses k_min = "
                + o.kMin() + (lambda > 0 ? " (" + next + " would count from a step above c/" + next + " = "
                + num(o.dynamicC() / lambda) + ")" : "");
    }

    private static void noiseTerm(List<String> unreliable, String name, String quantity, Estimate x,
                                  MonitorOptions o) {
        if (x.value() != 0 && x.relativeError() > o.maxRelativeError()) {
            unreliable.add(name + " = " + x.describe(quantity) + " has a relative standard error of "
                    + num(100 * x.relativeError()) + "%: about r = " + samplesFor(x, o.maxRelativeError())
                    + " noise samples instead of " + x.samples() + " would bring it to " + num(100 * o.maxRelativeError())
                    + "%");
        }
    }

    /** The samples at which x's relative standard error, falling as 1/√r, would reach {@code target}. */
    private static long samplesFor(Estimate x, double target) {
        double ratio = x.relativeError() / target;
        return (long) Math.ceil(x.samples() * ratio * ratio);
    }

    /** Whether η lies inside the threshold's 95 % interval, so the side of the threshold it is on is not resolved. */
    private static boolean close(double eta, Estimate threshold) {
        return threshold.hasInterval() && threshold.interval().contains(eta);
    }

    private static void driftFinding(List<Finding> out, BlockEstimate b, double eta, String stepName,
                                     List<String> unreliable) {
        Estimate star = b.etaStar();
        String starText = star.describe("eta_star");
        String at = stepName + " = " + num(eta);
        String next = "; predicted next theta " + num(b.thetaNext().value()) + " from " + num(b.theta());
        switch (b.signCase()) {
            case CRITICAL:
                if (eta < star.value()) {
                    out.add(new Finding(FindingCode.ALIGNMENT_FALLING, "the gradient's share in the top-" + b.k()
                            + " directions falls in expectation: " + at + " < eta* = " + starText + next
                            + "; steps above " + num(star.value()) + " would make it rise"));
                } else {
                    out.add(new Finding(FindingCode.ALIGNMENT_RISING, "the gradient concentrates further in the top-"
                            + b.k() + " directions in expectation: " + at + " > eta* = " + starText + next
                            + "; steps below " + num(star.value()) + " would let the bulk share grow again"));
                }
                if (close(eta, star)) {
                    unreliable.add("eta is inside the 95% interval of eta* = " + starText
                            + ", so the sign of the alignment drift is not resolved; more noise samples than r = "
                            + star.samples() + " would narrow the interval");
                }
                break;
            case FALLS_FOR_ALL:
                out.add(new Finding(FindingCode.SELF_CORRECTING, "p = " + b.p() + " <= 0: no critical step, the alignment"
                        + " falls in expectation for every step size" + next
                        + "; no step-size change is needed on its account"));
                break;
            case RISES_FOR_ALL:
                out.add(new Finding(FindingCode.ALIGNMENT_RISING, "q = " + num(b.q()) + " >= 0 and p >= 0: the alignment"
                        + " rises for every step size" + next + "; this sign case arises only from an inexact dominant"
                        + " subspace, so check the eigen-residuals before acting on it"));
                unreliable.add("sign case rises-for-all (q >= 0) is impossible with exact eigenvectors");
                break;
            default: // RISES_BELOW
                boolean rising = eta < star.value();
                out.add(new Finding(rising ? FindingCode.ALIGNMENT_RISING : FindingCode.ALIGNMENT_FALLING,
                        "q = " + num(b.q()) + " >= 0 > p: the alignment " + (rising ? "rises" : "falls") + " at " + at
                                + " (it rises below -q/p = " + starText + ")" + next
                                + "; this sign case arises only from an inexact dominant subspace"));
                unreliable.add("sign case rises-below (q >= 0) is impossible with exact eigenvectors");
                break;
        }
    }

    private static void suspicious(List<Finding> out, BlockEstimate b, double eta, MonitorOptions o,
                                   List<String> unreliable) {
        Estimate dom = b.etaLossDom();
        Estimate bulk = b.etaLossBulk();
        String domText = dom.describe("eta_loss_dom");
        String bulkText = bulk.describe("eta_loss_bulk");
        if (b.theta() > o.thetaThreshold() && dom.value() < eta && eta < bulk.value()) {
            out.add(new Finding(FindingCode.SUSPICIOUS_ALIGNMENT, "theta = " + num(b.theta()) + " > "
                    + num(o.thetaThreshold()) + " but eta^loss_D = " + domText + " < eta = " + num(eta) + " < eta^loss_B = "
                    + bulkText + ": a step along the top-" + b.k() + " directions raises the loss in expectation (E dL_D = "
                    + b.dlossDom() + ") while one along the bulk lowers it (E dL_B = " + b.dlossBulk()
                    + "); a step below " + num(dom.value()) + " would make dominant steps lower the loss again,"
                    + " or removing the top-" + b.k() + " component of the update (bulk-projected steps) keeps the"
                    + " bulk progress at this step size"));
            if (close(eta, dom) || close(eta, bulk)) {
                unreliable.add("eta is inside the 95% interval of an edge of (eta^loss_D, eta^loss_B) = (" + domText
                        + ", " + bulkText + "); more noise samples than r = " + dom.samples()
                        + " would narrow the intervals");
            }
        }
    }
}
