#!/usr/bin/env python3
"""AlignScope's exact HVP against PyTorch's double backward, paired block by block (docs/results/hvp-performance.md).

nn/bench/compare.sh measures each side in its own launch, tens of seconds apart; on a shared machine whose speed
drifts by 1.5x within a minute the two halves of such a round can land in different phases of the host. This script
keeps one server process per setting alive (`./alignscope bench hvp --serve`, `torch_hvp.py --serve`) and asks them
in turn for short blocks of timed HVPs, so that the settings of one block are measured within a few seconds of each
other. Settings, as in compare.sh:

  ours_split2     the batch split over 2 Java threads, OpenBLAS on 1 thread each (OPENBLAS_NUM_THREADS=1)
  ours_ob2        one Java thread, OpenBLAS on 2 threads
  torch_obB_tT    PyTorch with OPENBLAS_NUM_THREADS=B and T intra-op threads, B and T in {1, 2}

Each block: every setting in turn (the order rotates from block to block), each 2 untimed and --reps timed HVPs
(each with its forward pass); a setting's block value is the median of its timed calls. Per block, ours best /
PyTorch best (the better of its four settings) is one paired ratio; the summary gives their median and spread.
All servers are started afresh every --relaunch blocks: a process's speed also depends on its launch (JIT
decisions, memory placement), and one launch per setting would measure that launch only.

    /usr/bin/python3 nn/bench/paired.py [--blocks 20] [--reps 21] [--relaunch 5] [--model mlp|cnn]
                                        [--precision f64|f32]

Both sides use the same OPENBLAS_CORETYPE: yours if exported, else the one the ./alignscope launcher chose.
Needs python3-torch for /usr/bin/python3 (not a test dependency).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAUNCHER = os.path.join(ROOT, "alignscope")
TORCH_SCRIPT = os.path.join(ROOT, "nn", "bench", "torch_hvp.py")
SETTLE_S = 0.1  # pause between settings, so that the spinning threads of the last one go to sleep


class Server:
    """One --serve process: send a request line, read the 'hvp_ms ...' line back."""

    def __init__(self, argv, blas_threads):
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(blas_threads))
        self.argv = argv
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)

    def wait_ready(self):
        for line in self.proc.stdout:
            if line.strip() == "ready":
                return
        sys.exit(f"paired.py: {' '.join(self.argv)} ended before it was ready (exit {self.proc.wait()})")

    def block(self, request):
        self.proc.stdin.write(request + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line.startswith("hvp_ms "):
            sys.exit(f"paired.py: {' '.join(self.argv)} answered {line!r} to {request!r}")
        return [float(t) for t in line.split()[1:]]

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def launcher_coretype():
    """The OPENBLAS_CORETYPE the launcher picks (from the blas line of a tiny run); also builds the jar if stale."""
    out = subprocess.run([LAUNCHER, "bench", "hvp", "--model", "mlp:4-2", "--batch", "1", "--reps", "20",
                          "--warmup-s", "0"], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("blas ") and "OPENBLAS_CORETYPE=" in line:
            value = line.split("OPENBLAS_CORETYPE=")[1].split()[0].rstrip(",;)")
            return None if value == "unset" else value
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--blocks", type=int, default=20)
    ap.add_argument("--reps", type=int, default=21, help="timed HVPs per setting and block, at least 20")
    ap.add_argument("--model", default="mlp", choices=["mlp", "cnn"])
    ap.add_argument("--precision", default="f64", choices=["f64", "f32"])
    ap.add_argument("--relaunch", type=int, default=5, help="start all servers afresh every this many blocks")
    args = ap.parse_args()
    if args.blocks < 1 or args.reps < 20 or args.relaunch < 1:
        ap.error("--blocks and --relaunch must be >= 1 and --reps >= 20")
    if subprocess.run(["/usr/bin/python3", "-c", "import torch"], capture_output=True).returncode != 0:
        sys.exit("paired.py: PyTorch not found for /usr/bin/python3 (Debian: apt-get install python3-torch)")
    coretype = launcher_coretype()  # also builds a stale jar now, before the servers start side by side
    if coretype and not os.environ.get("OPENBLAS_CORETYPE"):
        os.environ["OPENBLAS_CORETYPE"] = coretype
    batch = "1000" if args.model == "mlp" else "100"
    ours = [LAUNCHER, "bench", "hvp", "--model", args.model, "--batch", batch, "--loss", "ce",
            "--precision", args.precision, "--warmup-s", "2", "--serve"]
    theirs = ["/usr/bin/python3", TORCH_SCRIPT, "--model", args.model, "--batch", batch, "--loss", "ce",
              "--precision", args.precision, "--serve"]
    launch = {"ours_split2": (ours + ["--threads", "2"], 1), "ours_ob2": (ours + ["--threads", "1"], 2),
              "torch_ob1": (theirs, 1), "torch_ob2": (theirs, 2)}
    reps = str(args.reps)
    settings = [("ours_split2", "ours_split2", reps), ("ours_ob2", "ours_ob2", reps)]
    settings += [(f"{name}_t{t}", name, f"{reps} {t}") for name in ("torch_ob1", "torch_ob2") for t in (1, 2)]

    print(f"{args.model} {args.precision}, batch {batch}, cross-entropy, {args.reps} timed HVPs per setting and "
          f"block, servers relaunched every {args.relaunch} blocks, "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', 'unset')}, {os.cpu_count()} cores, "
          f"{time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}")
    print("| block | load | " + " | ".join(name for name, _, _ in settings) + " | ours best / torch best |")
    print("|---" * (len(settings) + 3) + "|")
    ratios, all_times, servers = [], {name: [] for name, _, _ in settings}, {}
    for block in range(args.blocks):
        if block % args.relaunch == 0:
            for s in servers.values():
                s.close()
            servers = {name: Server(argv, blas) for name, (argv, blas) in launch.items()}
            for s in servers.values():
                s.wait_ready()
        load = open("/proc/loadavg").read().split()[0]
        medians = {}
        for i in range(len(settings)):
            name, server, request = settings[(block + i) % len(settings)]
            time.sleep(SETTLE_S)
            times = servers[server].block(request)
            all_times[name] += times
            medians[name] = statistics.median(times)
        ours_best = min(v for k, v in medians.items() if k.startswith("ours"))
        torch_best = min(v for k, v in medians.items() if k.startswith("torch"))
        ratios.append(ours_best / torch_best)
        print(f"| {block + 1} | {load} | " + " | ".join(f"{medians[name]:.1f}" for name, _, _ in settings)
              + f" | {ratios[-1]:.3f} |", flush=True)
    for s in servers.values():
        s.close()

    q = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else [ratios[0]] * 3
    print(f"\npaired ratio (ours best / torch best per block): median {statistics.median(ratios):.3f}, quartiles "
          f"{q[0]:.3f} / {q[2]:.3f}, min {min(ratios):.3f}, max {max(ratios):.3f}, "
          f"{sum(r <= 0.5 for r in ratios)} of {len(ratios)} blocks <= 0.5")
    overall = {name: statistics.median(t) for name, t in all_times.items()}
    ours_all = min(v for k, v in overall.items() if k.startswith("ours"))
    torch_all = min(v for k, v in overall.items() if k.startswith("torch"))
    print("medians over all blocks (ms): " + ", ".join(f"{k} {v:.1f}" for k, v in overall.items())
          + f"; ours best / torch best {ours_all / torch_all:.3f}")


if __name__ == "__main__":
    main()
