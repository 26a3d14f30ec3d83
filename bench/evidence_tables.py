"""Tables of docs/results/monitor.md, "The evidence study", from the sweeps configs/sweeps/evidence-search.yaml and
configs/sweeps/evidence-eos.yaml: per cell and evaluated state, theta with the eta^loss window and the evaluation's
own verdict (search); per cell, where batch sharpness and lambda_1 first reach 0.9 * 2/eta (edge of stability);
the share of evaluations with an unreliable-estimate finding. The hit rates come from `alignscope hit-rates`.

Usage: python3 bench/evidence_tables.py search SWEEP_FOLDER
       python3 bench/evidence_tables.py eos SWEEP_FOLDER
"""
import csv
import glob
import os
import sys

VERDICTS = ["edge-of-stability", "suspicious-alignment", "stalled", "healthy", "undetermined"]


def rows(cell):
    return list(csv.DictReader(open(os.path.join(cell, "plain", "seed_1", "monitor.csv"))))


def own_verdict(r):
    """The evaluation's own verdict, as VerdictTracker.Call.ruleOf reads it back."""
    for v in VERDICTS:
        if r["verdict_reason"].startswith(v + " at this evaluation only ("):
            return v
    return r["verdict"]


def own_counts(rs):
    """The states per evaluation's own verdict, as "verdict n" joined by commas."""
    own = {}
    for r in rs:
        own[own_verdict(r)] = own.get(own_verdict(r), 0) + 1
    return ", ".join(f"{v} {n}" for v, n in sorted(own.items()))


def interval(r, name):
    value, se = float(r[name]), float(r[name + "_se"] or "nan")
    return value, se


def window(r):
    """Whether eta lies inside (eta^loss_D, eta^loss_B), as values and resolved at about 2 SE."""
    eta = float(r["eta"])
    d, d_se = interval(r, "eta_loss_dom")
    b, b_se = interval(r, "eta_loss_bulk")
    inside = d < eta < b
    resolved = d + 2 * d_se < eta < b - 2 * b_se if b != float("inf") else d + 2 * d_se < eta
    return inside, resolved


def cells(sweep):
    return sorted(c for c in glob.glob(os.path.join(sweep, "cells", "*")) if os.path.isdir(c))


def search(sweep):
    print("| cell | states | theta max | states theta > 0.9 | of them eta in (eta^loss_D, eta^loss_B) |"
          " states theta >= 0.5 and eta in window (resolved) | own verdicts | unreliable-estimate |")
    print("|---|---|---|---|---|---|---|---|")
    for c in cells(sweep):
        rs = rows(c)
        theta = [float(r["theta"]) for r in rs]
        high = [r for r in rs if float(r["theta"]) > 0.9]
        high_inside = [r for r in high if window(r)[0]]
        susp = [r for r in rs if float(r["theta"]) >= 0.5 and window(r)[1]]
        unreliable = sum("unreliable-estimate" in r["findings"] for r in rs)
        steps = ", ".join(r["step"] for r in high_inside)
        print(f"| {os.path.basename(c)} | {len(rs)} | {max(theta):.3f} | {len(high)} | {len(high_inside)}"
              f"{' (steps ' + steps + ')' if steps else ''} | {len(susp)} | {own_counts(rs)} | {unreliable} of"
              f" {len(rs)} |")


def eos(sweep):
    print("| cell | 2/eta | first state with batch_sharpness >= 0.9 * 2/eta | first with lambda_1 >= 0.9 * 2/eta |"
          " batch_sharpness / (2/eta) at the last state | lambda_1 at the last state | own verdicts |")
    print("|---|---|---|---|---|---|---|")
    for c in cells(sweep):
        rs = rows(c)
        edge = float(rs[0]["two_over_eta"])

        def first(column):
            for r in rs:
                if r[column] and float(r[column]) >= 0.9 * edge:
                    return f"step {r['step']} ({float(r[column]):.3g})"
            return "never"
        last = rs[-1]
        print(f"| {os.path.basename(c)} | {edge:.3g} | {first('batch_sharpness')} | {first('lambda_1')} | "
              f"{float(last['batch_sharpness']) / edge:.2f} | {float(last['lambda_1']):.3g} | {own_counts(rs)} |")


if __name__ == "__main__":
    {"search": search, "eos": eos}[sys.argv[1]](sys.argv[2])
