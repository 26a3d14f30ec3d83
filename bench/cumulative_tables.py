"""Tables of docs/results/monitor.md, "Cumulative loss predictions", from a run of
configs/evidence-fmnist-cumulative.yaml: per arm, each window's cum_pred_dloss ± cum_pred_se against
cum_real_dloss, the share of windows after the switch with |z| <= 2 (Wilson 95 % interval), and the sums.

Usage: python3 bench/cumulative_tables.py RUN_FOLDER [SWITCH_STEP]   (SWITCH_STEP defaults to 100)
"""
import csv
import math
import sys


def wilson(k, n, z=1.96):
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def main(run, switch):
    for arm in ["plain", "dom", "bulk"]:
        rows = list(csv.DictReader(open(f"{run}/{arm}/seed_1/cumulative.csv")))
        print(f"\n### {arm}\n")
        print("| window | p | cum_pred_dloss ± se | cum_real_dloss | z | se parts (choice, draws, spread) |")
        print("|---|---|---|---|---|---|")
        after = [r for r in rows if int(r["window_start"]) >= switch]
        for r in rows:
            z = float(r["z"]) if r["z"] else float("nan")
            print(f"| {r['window_start']}–{int(r['window_end']) - 1} | {r['points']} | "
                  f"{float(r['cum_pred_dloss']):.3e} ± {float(r['cum_pred_se']):.2e} | "
                  f"{float(r['cum_real_dloss']):.3e} | {z:+.2f} | {float(r['se_choice']):.1e}, "
                  f"{float(r['se_draws']):.1e}, {float(r['se_spread']):.1e} |")
        hits = sum(1 for r in after if r["z"] and abs(float(r["z"])) <= 2)
        lo, hi = wilson(hits, len(after))
        print(f"\n{arm}, windows from step {switch} on: |z| <= 2 in {hits}/{len(after)} = {hits / len(after):.2f},"
              f" Wilson 95 % [{lo:.2f}, {hi:.2f}]")
        predicted = sum(float(r["cum_pred_dloss"]) for r in after)
        realised = sum(float(r["cum_real_dloss"]) for r in after)
        se = math.sqrt(sum(float(r["cum_pred_se"]) ** 2 for r in after))
        print(f"{arm}, summed from step {switch} on: predicted {predicted:.3e} ± {se:.2e}, realised {realised:.3e},"
              f" z = {(realised - predicted) / se:+.2f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100)
