/**
 * The curvature laboratory: {@code alignscope hessian}, the spectrum of a real network's loss on a reference set.
 *
 * <pre>
 * alignscope hessian --model mlp:784-200-200-10:tanh --data fashion-mnist --n 5000 --loss mse --k 10 --seed 1 --out DIR
 * alignscope hessian --checkpoint DIR/model --data fashion-mnist --n 5000 --k 10 --out DIR2
 * </pre>
 *
 * <ul>
 *   <li>{@link org.alignscope.curvature.HessianSettings}: the schema of every setting (the command's options,
 *       their checks and the manifest's settings come from it) and the rules between settings.</li>
 *   <li>{@link org.alignscope.curvature.ReferenceData}: the class-balanced reference set (Fashion-MNIST with the
 *       centring convention, the synthetic mixture, or a CSV file), the exact sample indices and the settings that
 *       choose it, shared with {@code alignscope monitor --model-checkpoint}.</li>
 *   <li>{@link org.alignscope.curvature.SavedModel}: a model saved as a checkpoint folder, read for analysis.</li>
 *   <li>The operator is {@link org.alignscope.nn.ReferenceSet}'s Hessian or Gauss–Newton matrix of the
 *       <em>mean</em> loss over the whole set, linearised once for the whole set or recomputed per product in chunks
 *       of {@code --batch} samples weighted by n<sub>c</sub>/n (exact, also for a shorter last chunk).</li>
 *   <li>{@link org.alignscope.curvature.HessianRun}: the pipeline — top-k by Lanczos (residual certificates),
 *       {@code --negative K} most negative pairs, {@code --trace} (Hutchinson and Hutch++ with standard errors),
 *       {@code --density} (SLQ, plotted on a log axis like PyHessian's {@code get_esd_plot}) — and the run folder.</li>
 * </ul>
 *
 * <p><b>Files.</b> {@code eigen.csv} and {@code eigen_negative.csv}: {@code index,eigenvalue,residual,converged,hvps}
 * (index from 1; top pairs in descending order, negative pairs most negative first; residual the absolute
 * ‖Hv − λv‖ of the unit vector v; converged when the residual is ≤ tol·|λ<sub>1</sub>|; hvps the products the solve
 * used in all, the k certifying ones included). {@code trace.csv}: {@code method,estimate,standard_error,hvps,probes}.
 * {@code density.csv} ({@code eigenvalue,density} on a 10,000-point grid, Gaussian broadening σ² = 1e-5·max(1, range)),
 * {@code density_nodes.csv} ({@code probe,node,weight}: the raw quadrature, PyHessian's {@code (eigs, weights)}),
 * {@code density.png} (density + 1e-7 on a log axis). {@code model/}: the model analysed, as a checkpoint.
 * {@code manifest.json}: version, command, every setting, the seed of every random stream, the data subset (rule,
 * preprocessing, indices), the BLAS backend, the precision, the loss and gradient norm at the point, the results
 * and the seconds per stage.
 *
 * <p><b>Conventions.</b> One HVP is one product of the operator over the <em>whole</em> reference set. Without
 * {@code --batch} the forward pass is done once and each product costs one R-forward and one R-backward pass over
 * all n samples (memory grows with n); with {@code --batch B} nothing is cached, and each product re-runs the forward
 * pass chunk by chunk (bounded memory, about one extra forward pass per product), as PyHessian does with a data
 * loader. The model is evaluated as given (no dropout or batch normalisation exists). Defaults: loss MSE, f64,
 * tol 1e-6. In f32 each product carries rounding of about 1e-7 relative (the top-10 of
 * {@code mlp:784-200-200-10:tanh} on 1,000 samples converged at tol 1e-6 with residuals near 1e-7·|λ<sub>1</sub>|);
 * much smaller tolerances may not be reachable there.
 */
package org.alignscope.curvature;
