package org.alignscope.quadratic.paper;

import org.alignscope.theory.ConstantStepTheory;
import org.alignscope.theory.Landscape;

/**
 * The finite-d gap between the time-averaged alignment and θ_∞ of Theorem 16, to second order.
 *
 * <p>With a constant step and diagonal noise the stationary eigen-coordinates are independent,
 * c_i ~ N(0, β_i) with β_i = ηκ_i²/(2λ_i − ηλ_i²) (the fixed point of Lemma 21). Then X = s^D = Σ_D λ_i²c_i² and
 * Y = s^B are independent with means μ = Σ λ²β and variances Σ 2λ⁴β². θ_∞ = μ_X/(μ_X + μ_Y) is the ratio of
 * the means, while the simulation averages the ratio θ = X/(X+Y); a second-order Taylor expansion of X/(X+Y)
 * gives E θ − θ_∞ ≈ (μ_X Var Y − μ_Y Var X)/(μ_X + μ_Y)³, which is O(1/d) at a fixed block proportion.
 */
public final class StationaryBias {
    private StationaryBias() {
    }

    /** The second-order estimate of E θ − θ_∞ at stationarity (diagonal noise, constant η &lt; 2/λ_1). */
    public static double secondOrder(Landscape landscape, double eta) {
        ConstantStepTheory theory = new ConstantStepTheory(landscape, eta);
        int k = landscape.k();
        double muX = 0;
        double muY = 0;
        double varX = 0;
        double varY = 0;
        for (int i = 0; i < landscape.d(); i++) {
            double l2 = landscape.eigenvalue(i) * landscape.eigenvalue(i);
            double mean = l2 * theory.beta(i);
            if (i < k) {
                muX += mean;
                varX += 2 * mean * mean;
            } else {
                muY += mean;
                varY += 2 * mean * mean;
            }
        }
        double total = muX + muY;
        return (muX * varY - muY * varX) / (total * total * total);
    }
}
