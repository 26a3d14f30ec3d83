package org.alignscope.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One probed (state, kind) of {@code probe.csv}: a prediction of the monitor at one state against the mean of R
 * one-step replicates taken from it. The kinds are the Theorem 10 probes {@code dom} and {@code bulk}
 * ({@link ProjectedProbe}: predicted E ΔL of the projected step, realised mean ΔL) and the θ-probes
 * ({@link ThetaProbe}: predicted θ̂(η) − θ, realised mean s<sup>D′</sup>/(mean s<sup>D′</sup> + mean s<sup>B′</sup>)
 * − θ) at
 * {@code theta@0.5} and {@code theta@2} (η = 0.5η*, 2η*), {@code theta@eta} (the run's η), and
 * {@code theta@0.5eta}, {@code theta@2eta} where η* is not finite and positive, and the plain step's probe
 * {@code loss@eta} ({@link ThetaProbe}: predicted E ΔL of the run's step, {@code dloss_pred}, realised mean ΔL of
 * the reference loss over the same replicates as {@code theta@eta}).
 *
 * @param step         the training step of the probed state
 * @param kind         the probe's kind
 * @param eta          the step size of the replicates
 * @param predicted    the monitor's prediction
 * @param realisedMean the replicates' estimate of the same quantity
 * @param realisedSe   its standard error over the R replicates (the prediction's own error is not included)
 */
public record ProbeRow(long step, String kind, double eta, double predicted, double realisedMean, double realisedSe) {
    /** The columns of {@code probe.csv}. */
    public static final List<String> COLUMNS = List.of("step", "kind", "eta", "predicted", "realised_mean",
            "realised_se", "z");

    /** The Theorem 10 kinds (projected steps, loss change). */
    public static final List<String> LOSS_KINDS = List.of("dom", "bulk");

    /** The θ-probe kinds. */
    public static final List<String> THETA_KINDS = List.of("theta@0.5", "theta@2", "theta@eta", "theta@0.5eta",
            "theta@2eta");

    /** The plain step's kind (the run's η, unprojected, loss change). */
    public static final List<String> STEP_KINDS = List.of("loss@eta");

    /** How far η may be from η* and still count as near it: |η/η* − 1| &lt; NEAR. */
    public static final double NEAR = 0.25;

    /** z = (realised − predicted)/SE. */
    public double z() {
        return (realisedMean - predicted) / realisedSe;
    }

    /**
     * The direction of the prediction: {@code UNRESOLVED} unless |realised| &gt; 2 SE; then {@code HIT} where
     * sign(realised) = sign(predicted), else {@code MISS}.
     */
    public Outcome outcome() {
        return Outcome.ofSign(realisedMean, realisedSe, predicted);
    }

    /** The row's kind group: {@code theta}, {@code loss} (Theorem 10's projected steps) or {@code step}. */
    public String group() {
        return THETA_KINDS.contains(kind) ? "theta" : LOSS_KINDS.contains(kind) ? "loss" : "step";
    }

    /** Whether η is near η*: |η/η* − 1| &lt; {@link #NEAR} (never where η* is not finite and positive). */
    public boolean near(double etaStar) {
        return etaStar > 0 && Double.isFinite(etaStar) && Math.abs(eta / etaStar - 1) < NEAR;
    }

    /** The values of {@link #COLUMNS}. */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step);
        m.put("kind", kind);
        m.put("eta", eta);
        m.put("predicted", predicted);
        m.put("realised_mean", realisedMean);
        m.put("realised_se", realisedSe);
        m.put("z", z());
        return m;
    }
}
