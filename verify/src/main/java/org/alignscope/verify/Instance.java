package org.alignscope.verify;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alignscope.theory.AlignmentState;
import org.alignscope.theory.Landscape;

/**
 * One complete instance of a claim: everything needed to recompute both of its sides, and nothing else.
 *
 * <p>The quadratic is given in the eigen-coordinates of A (the basis is irrelevant to every claim): eigenvalues
 * {@code lambda} (descending, 0-based: {@code lambda[0]} = λ<sub>1</sub>), the dominant dimension {@code k}, the
 * noise variances κ<sub>i</sub>² = u<sub>i</sub>ᵀΣu<sub>i</sub> and the extreme eigenvalues s<sub>min</sub>,
 * s<sub>max</sub> of Σ. When Σ is not diagonal in the eigenbasis, {@code noiseFactor} holds a d×d factor L
 * (row-major, C = UᵀΣU = LLᵀ) used to draw ζ = Lz. {@code c} is the state x<sub>t</sub> (or x<sub>0</sub>) in
 * eigen-coordinates. {@code params} holds the step size and the claim-specific settings (Monte Carlo seed and
 * draws, step factors, modes); {@code grid} the growing dimensions or gap ratios of a trend.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Instance(String claim, String shape, double[] lambda, int k, double[] kappaSq, double sMin, double sMax,
                       double[] noiseFactor, double[] c, Map<String, Double> params, double[] grid) {

    /** Copies the parameter map (insertion order kept). */
    public Instance {
        params = params == null ? new LinkedHashMap<>() : new LinkedHashMap<>(params);
    }

    /** The dimension d. */
    @JsonIgnore
    public int d() {
        return lambda.length;
    }

    /** The landscape (spectrum and noise) of this instance. */
    public Landscape landscape() {
        return new Landscape(lambda, k, kappaSq, sMin, sMax);
    }

    /** The block moments of the state {@code c}. */
    public AlignmentState state() {
        return AlignmentState.of(lambda, c, kappaSq, k);
    }

    /** A parameter that must be present. */
    public double param(String name) {
        Double v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("instance of " + claim + " lacks parameter '" + name + "'");
        }
        return v;
    }

    /** A parameter, or a default when absent. */
    public double param(String name, double fallback) {
        Double v = params.get(name);
        return v == null ? fallback : v;
    }

    /** The same instance with one more (or a changed) parameter. */
    public Instance with(String name, double value) {
        Map<String, Double> p = new LinkedHashMap<>(params);
        p.put(name, value);
        return new Instance(claim, shape, lambda, k, kappaSq, sMin, sMax, noiseFactor, c, p, grid);
    }

    /** The same instance under another claim id (for the corrected statements). */
    public Instance forClaim(String id) {
        return new Instance(id, shape, lambda, k, kappaSq, sMin, sMax, noiseFactor, c, params, grid);
    }

    /** The same instance with another state. */
    public Instance withState(double[] newC) {
        return new Instance(claim, shape, lambda, k, kappaSq, sMin, sMax, noiseFactor, newC, params, grid);
    }
}
