#!/usr/bin/env python3
"""PyTorch baseline for docs/results/hvp-performance.md (not run by the tests; needs python3-torch).

Times, on the same architecture/batch as HvpBenchmark, a gradient (forward + backward) and an exact HVP by
double backward (forward + backward with create_graph + backward of <g, v>), medians of >= 20 calls after
warm-up, for 1 and 2 intra-op threads:

    /usr/bin/python3 nn/bench/torch_hvp.py --batch 1000 --loss ce --precision f64
    /usr/bin/python3 nn/bench/torch_hvp.py --model cnn --batch 100 --loss ce --precision f64

The last line, torch_best, is the better of the two thread counts by HVP time (the baseline of issue 4).

With --serve it times HVPs in blocks on request instead (nn/bench/paired.py alternates it with ours): after the
warm-up it prints "ready"; for each input line "N T" it sets T intra-op threads (1 or 2), runs 2 untimed and N timed
HVPs and prints "hvp_ms t1 ... tN"; it stops at the end of the input.
(Debian's python3-torch installs into /usr/bin/python3, not into a pyenv interpreter.)

PyTorch allocates a fresh tensor for every intermediate result, and glibc's malloc hands large freed blocks back to
the kernel (munmap, or trimming the top of the heap), so the next tensor of that size faults its pages in again. On a
virtual machine where page faults are dear that can cost more than the arithmetic: on the 2-core AMD EPYC VM of
docs/results/hvp-performance.md torch_best took 52.7 ms per HVP with OpenBLAS on 1 thread and 47.0 ms on 2,
against 24.9 and 16.7 ms when glibc keeps freed memory. By default the script therefore sets glibc's mmap threshold
to 32 MiB and its trim threshold to 1 GiB (mallopt), as a long-running training process in effect has them;
--malloc default leaves glibc's settings alone.
"""
import argparse
import ctypes
import statistics
import sys
import time

import torch
import torch.nn.functional as F


def mlp(sizes, act):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(act())
    return torch.nn.Sequential(*layers)


def small_cnn():
    # the spec cnn:1x28x28:c16k3p1-relu-max2-c32k3p1-relu-max2-d10
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 16, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(16, 32, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(32 * 7 * 7, 10))


def loss_fn(kind, z, y):
    if kind == "ce":
        return F.cross_entropy(z, y)
    onehot = F.one_hot(y, z.shape[1]).to(z.dtype)
    return 0.5 * ((z - onehot) ** 2).sum(dim=1).mean()


def benchmark_functions(model, batch, loss, dtype):
    """(grad, hvp) closures on the benchmark's network (seed 1), pixel-like inputs, cycling labels and direction."""
    torch.manual_seed(1)
    net = (mlp([784, 128, 128, 10], torch.nn.Tanh) if model == "mlp" else small_cnn()).to(dtype)
    params = [p for p in net.parameters()]
    shape = (batch, 784) if model == "mlp" else (batch, 1, 28, 28)
    x = torch.rand(shape, dtype=dtype)
    y = torch.arange(batch) % 10
    v = [torch.randn_like(p) for p in params]

    def grad():
        return torch.autograd.grad(loss_fn(loss, net(x), y), params)

    def hvp():
        g = torch.autograd.grad(loss_fn(loss, net(x), y), params, create_graph=True)
        dot = sum((gi * vi).sum() for gi, vi in zip(g, v))
        return torch.autograd.grad(dot, params)

    return grad, hvp


def warm_up(grad, hvp, threads, seconds=3):
    torch.set_num_threads(threads)
    t_end = time.perf_counter() + seconds
    while time.perf_counter() < t_end:
        grad(); hvp()


M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # mallopt parameters, glibc's malloc.h


def retain_freed_memory():
    """Keeps freed blocks in the process (no mmap/munmap per tensor) so that PyTorch does not pay page faults."""
    libc = ctypes.CDLL("libc.so.6")
    if not (libc.mallopt(M_MMAP_THRESHOLD, 32 << 20) and libc.mallopt(M_TRIM_THRESHOLD, 1 << 30)):
        sys.exit("glibc's mallopt refused the thresholds (torch_hvp.py runs without them under --malloc default)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="mlp", choices=["mlp", "cnn"])
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--loss", default="ce", choices=["ce", "mse"])
    ap.add_argument("--precision", default="f64", choices=["f64", "f32"])
    ap.add_argument("--reps", type=int, default=21)
    ap.add_argument("--serve", action="store_true")
    ap.add_argument("--malloc", default="retain", choices=["retain", "default"],
                    help="retain: glibc keeps freed memory (see the module docstring); default: glibc's settings")
    args = ap.parse_args()
    if args.malloc == "retain":
        retain_freed_memory()
    dtype = torch.float64 if args.precision == "f64" else torch.float32
    grad, hvp = benchmark_functions(args.model, args.batch, args.loss, dtype)
    if args.serve:
        serve(grad, hvp)
        return
    best = None
    for threads in (1, 2):
        warm_up(grad, hvp, threads)
        tg, th = [], []
        for _ in range(args.reps):
            t0 = time.perf_counter(); grad(); t1 = time.perf_counter(); hvp(); t2 = time.perf_counter()
            tg.append((t1 - t0) * 1e3); th.append((t2 - t1) * 1e3)
        g, h = statistics.median(tg), statistics.median(th)
        print(f"torch {torch.__version__} threads {threads} grad_ms {g:.3f} hvp_ms {h:.3f} hvp_over_grad {h / g:.3f}")
        if best is None or h < best[2]:
            best = (threads, g, h)
    # the baseline of issue 4: the better of 1 and 2 threads (by HVP time)
    print(f"torch_best threads {best[0]} grad_ms {best[1]:.3f} hvp_ms {best[2]:.3f}")


def serve(grad, hvp):
    for threads in (1, 2):
        warm_up(grad, hvp, threads)
    print("ready", flush=True)
    for line in sys.stdin:
        fields = line.split()
        if len(fields) != 2 or not all(f.isdigit() for f in fields) or not 1 <= int(fields[0]) <= 10000 \
                or fields[1] not in ("1", "2"):
            sys.exit(f"torch_hvp.py --serve: each input line must be 'N T' with N in 1..10000 and T 1 or 2, got {line!r}")
        torch.set_num_threads(int(fields[1]))
        hvp(); hvp()
        times = []
        for _ in range(int(fields[0])):
            t0 = time.perf_counter(); hvp(); times.append((time.perf_counter() - t0) * 1e3)
        print("hvp_ms " + " ".join(f"{t:.4f}" for t in times), flush=True)


if __name__ == "__main__":
    main()
