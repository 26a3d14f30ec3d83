package org.alignscope.spectral;

/** Which end of the spectrum an eigen-solver looks for (algebraic order: the operator may be indefinite). */
public enum Which {
    /** The largest algebraic eigenvalues, returned in descending order. */
    LARGEST,
    /** The smallest algebraic (most negative) eigenvalues, returned in ascending order. */
    SMALLEST
}
