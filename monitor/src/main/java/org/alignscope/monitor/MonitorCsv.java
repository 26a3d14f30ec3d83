package org.alignscope.monitor;

import java.nio.file.Path;
import org.alignscope.report.CsvWriter;

/**
 * Writes monitor rows to a CSV file, flushed after every row (a killed run keeps what it wrote). The first
 * fourteen columns are those of issue 6; the rest add the standard errors and diagnostics. Conventions: θ is the
 * paper's squared alignment and χ = √θ; {@code inf} is an unbounded step size (no critical step, every step
 * lowers the loss in expectation); an empty field is a value that does not exist (θ<sup>crit</sup> without a
 * root; η*, predicted loss changes where the optimizer is not SGD; a standard error of an infinite value).
 *
 * <table>
 *   <caption>columns</caption>
 *   <tr><td>step</td><td>the training step t (η<sub>t</sub> moves w<sub>t</sub> to w<sub>t+1</sub>)</td></tr>
 *   <tr><td>theta, chi</td><td>θ and χ of the reference gradient for the chosen k</td></tr>
 *   <tr><td>eta</td><td>the optimizer's step size</td></tr>
 *   <tr><td>eta_star</td><td>η* (eq. 2), {@code inf} without a sign change</td></tr>
 *   <tr><td>eta_loss_dom, eta_loss_bulk</td><td>η<sup>loss</sup><sub>D</sub>, η<sup>loss</sup><sub>B</sub> (Theorem 10)</td></tr>
 *   <tr><td>theta_crit</td><td>θ<sup>crit</sup> (Theorem 11)</td></tr>
 *   <tr><td>regime</td><td>low/stable/high where Σ is known, else the sign case of (p, q)</td></tr>
 *   <tr><td>lambda_1, eta_lambda1</td><td>λ<sub>1</sub> of the reference Hessian and η·λ<sub>1</sub></td></tr>
 *   <tr><td>dloss_pred</td><td>E ΔL of the SGD step taken (−η‖g‖² + ½η²(gᵀHg + E ξᵀHξ))</td></tr>
 *   <tr><td>dloss_real</td><td>the realised change of the reference loss over that step</td></tr>
 *   <tr><td>findings</td><td>finding codes joined by {@code ;}</td></tr>
 * </table>
 */
public final class MonitorCsv implements AutoCloseable {
    /** The columns, in order. */
    public static final String[] HEADER = {"step", "theta", "chi", "eta", "eta_star", "eta_loss_dom", "eta_loss_bulk",
        "theta_crit", "regime", "lambda_1", "eta_lambda1", "dloss_pred", "dloss_real", "findings",
        "k", "loss", "sign_case", "theta_next", "eta_star_se", "eta_loss_dom_se", "eta_loss_bulk_se", "theta_crit_se",
        "dloss_pred_se", "dloss_dom", "dloss_bulk", "max_rel_residual", "subspace_sin", "sharpness_product",
        "stability_edge"};

    private final CsvWriter w;

    public MonitorCsv(Path file) {
        this.w = new CsvWriter(file, true, HEADER);
    }

    /** Writes one row. */
    public void write(MonitorRow row) {
        MonitorResult r = row.result();
        BlockEstimate b = r.main();
        w.row(r.step(), b.theta(), b.chi(), r.eta(), b.etaStar().value(), b.etaLossDom().value(),
                b.etaLossBulk().value(), b.thetaCrit().value(), r.regime(), r.eigen().values()[0],
                r.eta() * r.eigen().values()[0], b.dlossPred().value(), row.dlossReal(), r.findingCodes(),
                b.k(), r.loss(), b.signCase().code(), b.thetaNext().value(), b.etaStar().stdError(),
                b.etaLossDom().stdError(), b.etaLossBulk().stdError(), b.thetaCrit().stdError(),
                b.dlossPred().stdError(), b.dlossDom().value(), b.dlossBulk().value(),
                r.eigen().maxRelativeResidual(), r.eigen().subspaceSin(), r.sharpnessProduct(),
                r.stabilityThreshold());
    }

    @Override
    public void close() {
        w.close();
    }
}
