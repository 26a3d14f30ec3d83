package org.alignscope.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One column of a monitor row — {@code monitor.csv} and {@code monitor.jsonl} of every command that writes them — with
 * its unit and meaning, declared once: the writers, the column tables of the documentation and the report read
 * {@link #ALL}. Conventions: θ is the paper's squared alignment and χ = √θ; an unbounded step size is {@code inf}
 * (no critical step: every step lowers the loss in expectation); an empty field is a value that does not exist
 * (θ<sup>crit</sup> without a root; η* and predicted loss changes where the optimizer is not SGD; the standard error
 * of an infinite value).
 *
 * @param name    the column's name
 * @param unit    its unit ({@code 1} for a pure number, {@code loss} for the loss's unit, ...)
 * @param meaning what it holds, in one line
 * @param value   its value in a row (integers as {@code long})
 */
public record MonitorColumn(String name, String unit, String meaning, Function<MonitorRow, Object> value) {
    /** Every column, in the files' order. */
    public static final List<MonitorColumn> ALL = declare();

    /** The names of {@link #ALL}, in order. */
    public static List<String> names() {
        List<String> n = new ArrayList<>();
        for (MonitorColumn c : ALL) {
            n.add(c.name());
        }
        return Collections.unmodifiableList(n);
    }

    /** The declarations without their value functions, for a manifest: name, unit and meaning of each column. */
    public static List<Map<String, String>> describe() {
        List<Map<String, String>> d = new ArrayList<>();
        for (MonitorColumn c : ALL) {
            d.add(Map.of("name", c.name(), "unit", c.unit(), "meaning", c.meaning()));
        }
        return Collections.unmodifiableList(d);
    }

    /** A row's values by column name, in the files' order. */
    public static Map<String, Object> values(MonitorRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (MonitorColumn c : ALL) {
            m.put(c.name(), c.value().apply(row));
        }
        return m;
    }

    private static List<MonitorColumn> declare() {
        List<MonitorColumn> c = new ArrayList<>();
        c.add(col("step", "step", "the training step t (η_t moves w_t to w_t+1)", r -> r.result().step()));
        c.add(col("theta", "1", "θ of the reference gradient for the chosen k", r -> main(r).theta()));
        c.add(col("chi", "1", "χ = √θ", r -> main(r).chi()));
        c.add(col("eta", "step size", "the optimizer's step size η_t", r -> r.result().eta()));
        c.add(col("eta_star", "step size", "η* (eq. 2), inf without a sign change", r -> main(r).etaStar().value()));
        c.add(col("eta_loss_dom", "step size", "η^loss_D (Theorem 10)", r -> main(r).etaLossDom().value()));
        c.add(col("eta_loss_bulk", "step size", "η^loss_B (Theorem 10)", r -> main(r).etaLossBulk().value()));
        c.add(col("theta_crit", "1", "θ^crit (Theorem 11)", r -> main(r).thetaCrit().value()));
        c.add(col("regime", "", "low/stable/high where Σ is known, else the sign case of (p, q)",
                r -> r.result().regime()));
        c.add(col("lambda_1", "1/step size", "λ_1 of the reference Hessian", r -> lambda1(r)));
        c.add(col("eta_lambda1", "1", "η·λ_1", r -> r.result().eta() * lambda1(r)));
        c.add(col("dloss_pred", "loss", "E ΔL of the SGD step taken: −η(‖g‖² + gᵀm) + ½η²(gᵀHg + 2gᵀHm + E ξᵀHξ),"
                + " m = E ĝ − g the next batch's mean offset",
                r -> main(r).dlossPred().value()));
        c.add(col("dloss_real", "loss", "the realised change of the reference loss over that step",
                MonitorRow::dlossReal));
        c.add(col("findings", "", "finding codes joined by ;", r -> r.result().findingCodes()));
        c.add(col("k", "1", "the dominant dimension k asked for (monitor.k); empty with k: auto and with"
                + " dynamic_k",
                r -> r.result().eigen().kChosen() ? Double.NaN : (Object) (long) main(r).k()));
        c.add(col("loss", "loss", "the reference loss at w_t", r -> r.result().loss()));
        c.add(col("sign_case", "", "the sign case of (p, q)", r -> main(r).signCase().code()));
        c.add(col("theta_next", "1", "the predicted next alignment θ̂(η) at the step used", r -> main(r).thetaNext().value()));
        c.add(col("eta_star_se", "step size", "standard error of eta_star", r -> main(r).etaStar().stdError()));
        c.add(col("eta_loss_dom_se", "step size", "standard error of eta_loss_dom",
                r -> main(r).etaLossDom().stdError()));
        c.add(col("eta_loss_bulk_se", "step size", "standard error of eta_loss_bulk",
                r -> main(r).etaLossBulk().stdError()));
        c.add(col("theta_crit_se", "1", "standard error of theta_crit", r -> main(r).thetaCrit().stdError()));
        c.add(col("dloss_pred_se", "loss", "standard error of dloss_pred", r -> main(r).dlossPred().stdError()));
        c.add(col("dloss_dom", "loss", "E ΔL of a dominant-projected step at the step used (Theorem 10)", r -> main(r).dlossDom().value()));
        c.add(col("dloss_bulk", "loss", "E ΔL of a bulk-projected step at the step used (Theorem 10)",
                r -> main(r).dlossBulk().value()));
        c.add(col("max_rel_residual", "1", "the largest residual ‖Hv − λv‖ relative to |λ_1| of the eigenpairs used",
                r -> r.result().eigen().maxRelativeResidual()));
        c.add(col("subspace_sin", "1", "the Davis–Kahan bound ‖R_k‖_F/(λ_k − λ_k+1 − ‖r_k+1‖) on sin Θ between the computed and the true dominant subspace",
                r -> r.result().eigen().subspaceSin()));
        c.add(col("sharpness_product", "1", "η times the sharpness λ_1 (λ_1(P⁻¹H) for Adam/RMSprop)",
                r -> r.result().sharpnessProduct()));
        c.add(col("stability_edge", "1", "the optimizer's edge for sharpness_product",
                r -> r.result().stabilityThreshold()));
        c.add(col("k_used", "1", "the dominant dimension the row's quantities use: k, the k in [2, 30] with the"
                + " largest λ_k/λ_k+1 with k: auto, or clamp(k_dyn, k_min, 50) with dynamic_k",
                r -> (long) r.result().eigen().k()));
        c.add(col("k_dyn", "1", "with dynamic_k: c, the number of reference-Hessian eigenvalues above c/η (η the step"
                + " the theory uses), counted up to 50; empty without dynamic_k", r -> kDyn(r)));
        c.add(col("batch_sharpness", "1/step size", "mean over r mini-batches of ĝᵀĤĝ/‖ĝ‖², Ĥ the Hessian of the same"
                + " mini-batch (Andreyev & Beneventano 2024: SGD stabilises it at 2/η); empty without mini-batch HVPs",
                r -> gauges(r).batchSharpness().value()));
        c.add(col("batch_sharpness_se", "1/step size", "standard error of batch_sharpness, sd/√r",
                r -> gauges(r).batchSharpness().stdError()));
        c.add(col("batch_lmax_q10", "1/step size", "10% quantile of the mini-batch Hessian's λ_max over the same r"
                + " mini-batches (Lanczos to a relative residual of 1e-3 within 24 HVPs each)", r -> gauges(r).lmaxQ10()));
        c.add(col("batch_lmax_q50", "1/step size", "median of the mini-batch Hessian's λ_max", r -> gauges(r).lmaxQ50()));
        c.add(col("batch_lmax_q90", "1/step size", "90% quantile of the mini-batch Hessian's λ_max",
                r -> gauges(r).lmaxQ90()));
        c.add(col("two_over_eta", "1/step size", "the stability edge as a sharpness: 2/η for SGD, stability_edge/η"
                + " for the others ((2 + 2β)/η heavy ball)", r -> r.result().edgeSharpness()));
        c.add(col("eta_over_eta_star", "1", "η/η* of the step the theory uses (0 where η* = inf)",
                r -> r.result().etaOverEtaStar()));
        c.add(col("eval_reference_passes", "1", "the evaluation's passes over the reference set: gradients (with"
                + " the next batch's exact mean gradient) and Hessian-vector products (eigen-solve, noise terms,"
                + " sensitivity)", r -> (long) r.result().cost().referencePasses()));
        c.add(col("eval_batch_passes", "1", "the evaluation's passes over a mini-batch: the noise draws' gradients"
                + " and the gauges' batch gradients and batch Hessian-vector products",
                r -> (long) r.result().cost().batchPasses()));
        c.add(col("verdict", "", "healthy, suspicious-alignment, edge-of-stability, stalled or undetermined"
                + " (monitor README, \"Verdicts\"); changes only when the new one holds at two consecutive evaluations",
                r -> r.result().verdict().shown().code()));
        c.add(col("verdict_reason", "", "one sentence with the number behind this evaluation's verdict",
                r -> r.result().verdict().reason()));
        return Collections.unmodifiableList(c);
    }

    private static MonitorColumn col(String name, String unit, String meaning, Function<MonitorRow, Object> value) {
        return new MonitorColumn(name, unit, meaning, value);
    }

    private static BlockEstimate main(MonitorRow r) {
        return r.result().main();
    }

    private static EdgeGauges gauges(MonitorRow r) {
        return r.result().gauges();
    }

    private static Object kDyn(MonitorRow r) {
        DynamicDimension.Count c = r.result().eigen().dynamic();
        return c == null ? Double.NaN : (Object) (long) c.count();
    }

    private static double lambda1(MonitorRow r) {
        return r.result().eigen().values()[0];
    }
}
