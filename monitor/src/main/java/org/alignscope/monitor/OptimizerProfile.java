package org.alignscope.monitor;

import java.util.function.Supplier;

/**
 * The optimizer of the training run, which decides whether the SGD theory applies and where the stability edge
 * lies ({@code monitor-theory.md}, "Scope"):
 * <table>
 *   <caption>stability edges (the quantity against its threshold)</caption>
 *   <tr><th>optimizer</th><th>sharpness product</th><th>edge</th><th>SGD theory</th></tr>
 *   <tr><td>SGD</td><td>η·λ<sub>1</sub></td><td>2</td><td>applies with η</td></tr>
 *   <tr><td>heavy ball (β)</td><td>η·λ<sub>1</sub></td><td>2 + 2β</td><td>n/a, or with the effective step η/(1 − β) if asked</td></tr>
 *   <tr><td>Nesterov (β)</td><td>η·λ<sub>1</sub></td><td>(2 + 2β)/(1 + 2β)</td><td>n/a, or with η/(1 − β) if asked</td></tr>
 *   <tr><td>Adam (β<sub>1</sub>)</td><td>η·λ<sub>1</sub>(P⁻¹H)</td><td>(2 + 2β<sub>1</sub>)/(1 − β<sub>1</sub>)</td><td>n/a</td></tr>
 *   <tr><td>RMSprop</td><td>η·λ<sub>1</sub>(P⁻¹H)</td><td>2</td><td>n/a</td></tr>
 * </table>
 * The quadratic-model edges are those of the linear recursions of each method along one eigen-direction (heavy
 * ball and Nesterov), and the preconditioned-sharpness edges of Cohen et al. (2022), "Adaptive gradient methods at
 * the edge of stability", for Adam and RMSprop (P = diag(√v̂ + ε), the optimizer's current preconditioner, which
 * the training loop supplies; without it the adaptive edge is not evaluated).
 */
public final class OptimizerProfile {
    /** The optimizer family. */
    public enum Kind { SGD, HEAVY_BALL, NESTEROV, ADAM, RMSPROP }

    private final Kind kind;
    private final double beta;
    private final boolean effectiveStep;
    private final Supplier<double[]> preconditioner;

    private OptimizerProfile(Kind kind, double beta, boolean effectiveStep, Supplier<double[]> preconditioner) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("momentum beta must lie in [0, 1), got " + beta);
        }
        this.kind = kind;
        this.beta = beta;
        this.effectiveStep = effectiveStep;
        this.preconditioner = preconditioner;
    }

    /** Plain SGD: the theory applies as it is. */
    public static OptimizerProfile sgd() {
        return new OptimizerProfile(Kind.SGD, 0, false, null);
    }

    /** Heavy-ball momentum β; the SGD theory is reported as not applicable (see {@link #withEffectiveStep()}). */
    public static OptimizerProfile heavyBall(double beta) {
        return new OptimizerProfile(Kind.HEAVY_BALL, beta, false, null);
    }

    /** Nesterov momentum β. */
    public static OptimizerProfile nesterov(double beta) {
        return new OptimizerProfile(Kind.NESTEROV, beta, false, null);
    }

    /**
     * Adam with first-moment decay β<sub>1</sub>; {@code preconditioner} returns the current diagonal
     * √v̂ + ε (or is null: the adaptive edge is then not evaluated).
     */
    public static OptimizerProfile adam(double beta1, Supplier<double[]> preconditioner) {
        return new OptimizerProfile(Kind.ADAM, beta1, false, preconditioner);
    }

    /** RMSprop without momentum; {@code preconditioner} as for {@link #adam}. */
    public static OptimizerProfile rmsprop(Supplier<double[]> preconditioner) {
        return new OptimizerProfile(Kind.RMSPROP, 0, false, preconditioner);
    }

    /**
     * For heavy ball and Nesterov: apply the SGD theory with the effective step η/(1 − β) (the long-run step of
     * a constant gradient). An approximation the findings state; unavailable for Adam and RMSprop.
     */
    public OptimizerProfile withEffectiveStep() {
        if (kind == Kind.ADAM || kind == Kind.RMSPROP) {
            throw new IllegalArgumentException("no effective SGD step for " + name());
        }
        return new OptimizerProfile(kind, beta, true, preconditioner);
    }

    public Kind kind() {
        return kind;
    }

    public double beta() {
        return beta;
    }

    /** Whether the SGD step-size theory is evaluated (SGD, or momentum with the effective step). */
    public boolean theoryApplies() {
        return kind == Kind.SGD || effectiveStep;
    }

    /** The step the theory uses: η for SGD, η/(1 − β) for momentum with the effective step, NaN otherwise. */
    public double effectiveStep(double eta) {
        if (kind == Kind.SGD) {
            return eta;
        }
        return effectiveStep ? eta / (1 - beta) : Double.NaN;
    }

    /** Whether the sharpness is the preconditioned λ<sub>1</sub>(P⁻¹H) (Adam, RMSprop). */
    public boolean preconditioned() {
        return kind == Kind.ADAM || kind == Kind.RMSPROP;
    }

    /** The current preconditioner diagonal, or null when not supplied or not adaptive. */
    public double[] preconditionerDiagonal() {
        return preconditioner == null ? null : preconditioner.get();
    }

    /** The edge for the sharpness product (see the class table). */
    public double stabilityThreshold() {
        switch (kind) {
            case HEAVY_BALL:
                return 2 + 2 * beta;
            case NESTEROV:
                return (2 + 2 * beta) / (1 + 2 * beta);
            case ADAM:
                return (2 + 2 * beta) / (1 - beta);
            default:
                return 2;
        }
    }

    /** A short name, e.g. {@code "heavy-ball(beta=0.9)"}. */
    public String name() {
        switch (kind) {
            case SGD:
                return "sgd";
            case HEAVY_BALL:
                return "heavy-ball(beta=" + beta + ")" + (effectiveStep ? "+effective-step" : "");
            case NESTEROV:
                return "nesterov(beta=" + beta + ")" + (effectiveStep ? "+effective-step" : "");
            case ADAM:
                return "adam(beta1=" + beta + ")";
            default:
                return "rmsprop";
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
