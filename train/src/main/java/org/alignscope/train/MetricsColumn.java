package org.alignscope.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One column of {@code metrics.csv} and {@code metrics.jsonl}, declared once: the trainer's rows, the column
 * reference of the documentation ({@code docs/reference/metrics-columns.md}) and the report read {@link #ALL}. Row t
 * describes θ_t and the step that moves it to θ_t+1; θ is the paper's squared alignment ‖P_D v‖²/‖v‖² and χ = √θ
 * Song et al.'s, both against the arm's current basis. {@code lambda_i} and {@code residual_i} stand for k columns
 * each ({@link #names}).
 *
 * @param name    the column's name ({@code lambda_i}: one per i = 1..k)
 * @param when    on which rows it has a value
 * @param meaning what it holds
 */
public record MetricsColumn(String name, String when, String meaning) {
    /** Every column, in the files' order, {@code lambda_i} and {@code residual_i} each standing for k columns. */
    public static final List<MetricsColumn> ALL = List.of(
            new MetricsColumn("step", "always", "t"),
            new MetricsColumn("phase", "always", "`base` before the switch, `arm` from the switch step on"),
            new MetricsColumn("event", "some rows", "`switch:threshold` / `switch:fallback` (the switch step),"
                    + " `diverged` (the arm stops here), `end` (the row for θ_T)"),
            new MetricsColumn("lr", "step rows", "η_t"),
            new MetricsColumn("batch_loss", "step rows", "loss of step t's mini-batch at θ_t"),
            new MetricsColumn("batch_grad_norm", "step rows", "‖g‖ of step t's mini-batch gradient at θ_t"),
            new MetricsColumn("batch_theta", "step rows with a basis", "θ of the mini-batch gradient g"),
            new MetricsColumn("batch_chi", "step rows with a basis", "χ of the mini-batch gradient g"),
            new MetricsColumn("update_norm", "step rows", "‖θ_t+1 − θ_t‖ = η_t‖u_t‖ (after any projection)"),
            new MetricsColumn("update_theta", "step rows with a basis",
                    "θ of the applied update (1 for Dom, 0 for Bulk up to rounding)"),
            new MetricsColumn("update_chi", "step rows with a basis", "χ of the applied update"),
            new MetricsColumn("basis_age", "step rows with a basis", "t − step of the last refresh"),
            new MetricsColumn("ref_loss", "every `eval_every` steps, at checks, at the end", "reference-set loss"),
            new MetricsColumn("ref_grad_norm", "as `ref_loss`", "‖∇L_ref‖"),
            new MetricsColumn("ref_theta", "as `ref_loss`", "θ of the reference-set gradient"),
            new MetricsColumn("ref_chi", "as `ref_loss`", "χ of the reference-set gradient"),
            new MetricsColumn("chi_ema", "base-phase checks", "the moving average of `ref_chi` after this check"),
            new MetricsColumn("train_loss", "every `eval_every` steps, at the end",
                    "loss on the whole training subset (equal to `ref_loss` when the reference set is the training"
                            + " subset)"),
            new MetricsColumn("train_acc", "every `eval_every` steps, at the end", "accuracy on the training subset"),
            new MetricsColumn("test_acc", "every `eval_every` steps, at the end", "accuracy on the test samples"),
            new MetricsColumn("refresh", "refresh rows",
                    "how many refreshes this trajectory has done (base-phase ones included)"),
            new MetricsColumn("hvps", "refresh rows",
                    "Hessian-vector products of this refresh (Lanczos iterations plus the k certifying ones)"),
            new MetricsColumn("converged", "refresh rows", "pairs with residual ≤ tolerance·λ₁"),
            new MetricsColumn("angle_max", "refresh rows after the first",
                    "largest principal angle (radians) between the previous and the new subspace"),
            new MetricsColumn("lambda_i", "refresh rows",
                    "the i-th largest eigenvalue of the reference-set Hessian (or GGN), i = 1..k"),
            new MetricsColumn("residual_i", "refresh rows", "its true residual ‖Hv − λv‖"));

    /** The column names for a subspace of dimension k, in the files' order. */
    public static List<String> names(int k) {
        List<String> n = new ArrayList<>();
        for (MetricsColumn c : ALL) {
            if (c.name().endsWith("_i")) {
                String stem = c.name().substring(0, c.name().length() - 1);
                for (int i = 1; i <= k; i++) {
                    n.add(stem + i);
                }
            } else {
                n.add(c.name());
            }
        }
        return Collections.unmodifiableList(n);
    }
}
