package org.alignscope.spectral;

/**
 * A stochastic trace estimate.
 *
 * @param method               "hutchinson" or "hutch++"
 * @param estimate             the estimate of tr(H)
 * @param standardError        the sample standard deviation of the stochastic part divided by √(its probe count)
 *                             (for Hutch++ only the deflated remainder is stochastic)
 * @param operatorApplications applications used
 * @param probes               random probe vectors in the stochastic part
 */
public record TraceEstimate(String method, double estimate, double standardError, int operatorApplications,
        int probes) {
}
