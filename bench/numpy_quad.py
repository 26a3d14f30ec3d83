#!/usr/bin/env python3
"""One run of the quadratic model's SGD as the paper describes it, in NumPy, dense and in a rotated basis.

The baseline that `alignscope quad reproduce` is timed against (docs/results/simulator-performance.md):
d = 500, k = 50, the authors' spectrum at m = 50 (dominant eigenvalues linspace(100, 80, k), bulk linspace(7, 1,
d - k) scaled so that its largest is lambda_k / (m + 0.1)), A = Q diag(lambda) Q^T with a random orthogonal Q,
x_0 ~ N(0, I), eta = 0.003, isotropic gradient noise of standard deviation sigma = 0.5, 30,000 steps:

    g_t = A x_t,   theta_t = |U_k^T g_t|^2 / |g_t|^2,   loss_t = x_t^T g_t / 2,
    x_{t+1} = x_t - eta (g_t + sigma xi_t),   xi_t ~ N(0, I).

Every step records the loss and the squared alignment theta_t of the gradient with the top-k eigenvectors U_k;
the last 10,000 steps give E[theta] and Std[theta]. Building A (a QR decomposition and a matrix product) is set-up
and not timed. Prints one line per repetition and the median:

    python3 bench/numpy_quad.py [--repeats N] [--seed S]
"""
import argparse
import statistics
import time

import numpy as np


def spectrum(d, k, m):
    lam = np.empty(d)
    lam[:k] = np.linspace(100, 80, k)
    lam[k:] = np.linspace(7, 1, d - k) * (80 / (m + 0.1)) / 7
    return lam


def setup(d, k, m, seed):
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    a = (q * spectrum(d, k, m)) @ q.T
    return rng, a, np.ascontiguousarray(q[:, :k].T), rng.standard_normal(d)


def simulate(rng, a, uk_t, x, eta, sigma, steps):
    """The dense loop: one d x d matrix-vector product and one k x d projection per step."""
    loss = np.empty(steps + 1)
    theta = np.empty(steps + 1)
    for t in range(steps + 1):
        g = a @ x
        p = uk_t @ g
        loss[t] = 0.5 * (x @ g)
        theta[t] = (p @ p) / (g @ g)
        if t < steps:
            x = x - eta * (g + sigma * rng.standard_normal(x.shape[0]))
    return loss, theta


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--steps", type=int, default=30000)
    args = parser.parse_args()
    d, k, m, eta, sigma, steady = 500, 50, 50, 0.003, 0.5, 10000
    times = []
    for r in range(args.repeats):
        rng, a, uk_t, x0 = setup(d, k, m, args.seed + r)
        start = time.perf_counter()
        loss, theta = simulate(rng, a, uk_t, x0, eta, sigma, args.steps)
        times.append(time.perf_counter() - start)
        tail = theta[-steady:]
        print(f"run {r + 1}: {times[-1]:.3f} s  E[theta] = {tail.mean():.4f}  Std[theta] = {tail.std():.4f}"
              f"  final loss = {loss[-1]:.4g}")
    print(f"median of {len(times)}: {statistics.median(times):.3f} s")


if __name__ == "__main__":
    main()
