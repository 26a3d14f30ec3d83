#!/usr/bin/env python3
"""How far below PyTorch's double-backward HVP can any exact HVP on the same BLAS go? (docs/results/hvp-performance.md)

For the MLP of issue 4 (784-128-128-10, tanh, batch 1000, float64) this times, in one process and interleaved
round by round so that the host's drift hits all of them alike:

  torch_t1, torch_t2  PyTorch's HVP (forward + backward with create_graph + backward of <g, v>) on 1 and 2
                      intra-op threads, nn/bench/torch_hvp.py's own closure;
  floor_t1, floor_t2  only the matrix products of a forward-over-reverse (Pearlmutter) HVP, whole batch, through
                      the same torch.mm and so the same BLAS, on 1 and 2 intra-op threads;
  floor_split2        the same products with the batch split in two halves on two Python threads (torch.mm
                      releases the GIL), i.e. a perfectly parallel two-core split.

The floor is the time of an HVP whose every other step (activations, biases, loss, copies, threading) costs
nothing: no implementation of that HVP on this BLAS can be faster. Its products, per layer d_in -> d_out and
batch n: the forward z = a W^T; the backward delta_in = delta W (not for the first layer); the R-forward
[R{a} a] [W V]^T (the first layer only x V^T); the R-backward [R{delta} delta] [W; V] (not for the first layer) and
R{dW} = [R{delta}; delta]^T [a; R{a}] (the first layer only R{delta}^T x). For 784-128-128-10 that is
442,368 multiply-adds per sample against the 560,384 of PyTorch's double backward (the script counts those with
torch.profiler: aten::mm and aten::addmm), a ratio of 0.789.

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 nn/bench/hvp_floor.py --rounds 15
    OPENBLAS_NUM_THREADS=2 /usr/bin/python3 nn/bench/hvp_floor.py --rounds 15

Set OPENBLAS_CORETYPE as ./alignscope does (SkylakeX on AVX-512 machines). With OPENBLAS_NUM_THREADS=2 the split
runs two 2-thread BLAS calls on two cores and is skipped (--no-split is implied). glibc keeps freed memory, as
in torch_hvp.py's default (--malloc retain).
"""
import argparse
import os
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import torch

from torch_hvp import benchmark_functions, retain_freed_memory

SIZES = [784, 128, 128, 10]


def pearlmutter_products(n, dtype):
    """(A, B, C) with C = A B for every matrix product of one forward-over-reverse HVP on a batch of n."""
    g = torch.Generator().manual_seed(7)

    def rand(*shape):
        return torch.rand(shape, generator=g, dtype=dtype)

    shapes = []  # (rows, inner, cols)
    for layer, (d_in, d_out) in enumerate(zip(SIZES[:-1], SIZES[1:])):
        first = layer == 0
        shapes.append((n, d_in, d_out))                          # forward a W^T
        if not first:
            shapes.append((n, d_out, d_in))                      # backward delta W
        shapes.append((n, d_in if first else 2 * d_in, d_out))   # R-forward [R{a} a] [W V]^T
        if not first:
            shapes.append((n, 2 * d_out, d_in))                  # R-backward [R{delta} delta] [W; V]
        shapes.append((d_out, n if first else 2 * n, d_in))      # R{dW} = [R{delta}; delta]^T [a; R{a}]
    return [(rand(m, k), rand(k, c), torch.empty(m, c, dtype=dtype)) for m, k, c in shapes]


def multiply_adds(products):
    return sum(a.shape[0] * a.shape[1] * b.shape[1] for a, b, _ in products)


def profiled_multiply_adds(fn):
    """Multiply-adds of the matrix products (aten::mm, aten::addmm) in one call of fn, counted by torch.profiler."""
    from torch.profiler import ProfilerActivity, profile
    with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
        fn()
    total = 0
    for event in prof.events():
        if event.name in ("aten::mm", "aten::addmm"):
            (m, k), (_, c) = event.input_shapes[0:2] if event.name == "aten::mm" else event.input_shapes[1:3]
            total += m * k * c
    return total


def run_products(products):
    for a, b, c in products:
        torch.mm(a, b, out=c)


def block_median(fn, threads, reps):
    """Median ms of reps calls of fn on `threads` intra-op threads, after two untimed calls."""
    torch.set_num_threads(threads)
    fn()
    fn()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--reps", type=int, default=21)
    ap.add_argument("--warmup-s", type=float, default=3)
    ap.add_argument("--no-split", action="store_true")
    args = ap.parse_args()
    retain_freed_memory()  # as torch_hvp.py does by default: no page faults for PyTorch's fresh tensors
    if args.batch < 2 or args.batch % 2:
        ap.error("--batch must be an even number >= 2")
    if args.rounds < 1 or args.reps < 20:
        ap.error("--rounds must be >= 1 and --reps >= 20")
    blas_threads = os.environ.get("OPENBLAS_NUM_THREADS", "unset")
    split = not args.no_split and blas_threads == "1"
    dtype = torch.float64
    _, hvp = benchmark_functions("mlp", args.batch, "ce", dtype)
    whole = pearlmutter_products(args.batch, dtype)
    halves = [pearlmutter_products(args.batch // 2, dtype) for _ in range(2)]
    pool = ThreadPoolExecutor(2)

    def split2():
        done = [pool.submit(run_products, h) for h in halves]
        for f in done:
            f.result()

    cases = {"torch_t1": (hvp, 1), "torch_t2": (hvp, 2), "floor_t1": (lambda: run_products(whole), 1),
             "floor_t2": (lambda: run_products(whole), 2)}
    if split:
        cases["floor_split2"] = (split2, 1)
    t_end = time.perf_counter() + args.warmup_s
    while time.perf_counter() < t_end:
        for fn, threads in cases.values():
            torch.set_num_threads(threads)
            fn()

    print(f"torch {torch.__version__}, OPENBLAS_NUM_THREADS={blas_threads}, "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', 'unset')}, batch {args.batch}, float64")
    print(f"multiply-adds per sample: floor {multiply_adds(whole) // args.batch}, "
          f"PyTorch's double backward {profiled_multiply_adds(hvp) // args.batch} (torch.profiler)")
    print("| round | " + " | ".join(cases) + " | floor best / torch best |")
    print("|---" * (len(cases) + 2) + "|")
    ratios = []
    for r in range(1, args.rounds + 1):
        ms = {name: block_median(fn, threads, args.reps) for name, (fn, threads) in cases.items()}
        torch_best = min(ms["torch_t1"], ms["torch_t2"])
        floor_best = min(v for k, v in ms.items() if k.startswith("floor"))
        ratios.append(floor_best / torch_best)
        print(f"| {r} | " + " | ".join(f"{ms[k]:.1f}" for k in cases) + f" | {ratios[-1]:.3f} |", flush=True)
    ratios.sort()
    print(f"floor_over_torch median {statistics.median(ratios):.3f} min {ratios[0]:.3f} max {ratios[-1]:.3f}")
    pool.shutdown()


if __name__ == "__main__":
    main()
