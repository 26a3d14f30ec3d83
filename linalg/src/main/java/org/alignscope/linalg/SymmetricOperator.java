package org.alignscope.linalg;

/**
 * A symmetric linear operator on R^n known only through its action: a Hessian, a Gauss–Newton matrix, or an
 * explicit matrix. Eigen-solvers and trace estimators are written against this interface alone.
 */
public interface SymmetricOperator {
    /** The dimension n. */
    int dimension();

    /**
     * Writes {@code out = M v}. {@code v} is not modified; {@code out} has length n and must not alias {@code v}.
     */
    void apply(double[] v, double[] out);
}
