#!/usr/bin/env bash
# AlignScope's exact HVP against PyTorch's double backward, interleaved rounds, one table
# (docs/results/hvp-performance.md).
#
#   nn/bench/compare.sh [--rounds 3] [--configs "mlp:f64 mlp:f32 cnn:f64"] [--reps 21]
#
# Per round and config it runs, one after the other: ours with OpenBLAS on 1 thread, PyTorch with OpenBLAS on 1
# thread, ours with OpenBLAS on 2 threads, PyTorch with OpenBLAS on 2 threads, ours with the batch split over 2
# Java threads (--threads 2) and OpenBLAS on 1 thread each. PyTorch's script tries 1 and 2 intra-op threads and
# reports the better (torch_best). Both sides use the same OPENBLAS_CORETYPE: the one the ./alignscope launcher
# chose (read from the "blas" line of a tiny first run), or yours if you exported it. The 1-minute load average is
# printed before each round: numbers from a machine with other work running are not comparable.
# mlp = mlp:784-128-128-10:tanh with a batch of 1000, cnn = the small CNN with a batch of 100; cross-entropy.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds=3
configs="mlp:f64 mlp:f32 cnn:f64"
reps=21
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --configs) configs="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    *) echo "compare.sh: unknown option $1 (expected --rounds, --configs, --reps)" >&2; exit 2 ;;
  esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "compare.sh: --rounds must be a positive integer (got $rounds)" >&2; exit 2; }
[[ "$reps" =~ ^[0-9]+$ && "$reps" -ge 20 ]] || { echo "compare.sh: --reps must be an integer >= 20 (got $reps)" >&2; exit 2; }
torch_py=/usr/bin/python3
if ! "$torch_py" -c 'import torch' 2>/dev/null; then
  echo "compare.sh: PyTorch not found for $torch_py (Debian: apt-get install python3-torch)" >&2
  exit 2
fi

# the launcher's choice of OPENBLAS_CORETYPE (a tiny run prints it on its "blas" line), for PyTorch too
if [[ -z "${OPENBLAS_CORETYPE:-}" ]]; then
  ct="$("$root/alignscope" bench hvp --model mlp:4-2 --batch 1 --reps 20 --warmup-s 0 \
        | sed -n 's/^blas .*OPENBLAS_CORETYPE=\([^ ]*\).*/\1/p')"
  if [[ -n "$ct" && "$ct" != unset ]]; then
    export OPENBLAS_CORETYPE="$ct"
  fi
fi

# ours OPENBLAS_THREADS JAVA_THREADS MODEL BATCH PRECISION -> "grad_ms hvp_ms"
ours() {
  local out
  out="$(OPENBLAS_NUM_THREADS=$1 "$root/alignscope" bench hvp --model "$3" --batch "$4" --loss ce --precision "$5" \
         --reps "$reps" --warmup-s 2 --threads "$2")"
  awk '/^grad_ms/{g=$2} /^hvp_ms/{h=$2} END{print g, h}' <<<"$out"
}

# torch OPENBLAS_THREADS MODEL BATCH PRECISION -> "grad_ms hvp_ms" of torch_best
torch() {
  OPENBLAS_NUM_THREADS=$1 "$torch_py" "$root/nn/bench/torch_hvp.py" --model "$2" --batch "$3" --loss ce \
      --precision "$4" --reps "$reps" | awk '/^torch_best/{print $5, $7}'
}

rows=()
for ((r = 1; r <= rounds; r++)); do
  for c in $configs; do
    model="${c%%:*}"; prec="${c##*:}"
    batch=1000; [[ "$model" == cnn ]] && batch=100
    load="$(cut -d' ' -f1 /proc/loadavg)"
    read -r og1 oh1 < <(ours 1 1 "$model" "$batch" "$prec")
    read -r tg1 th1 < <(torch 1 "$model" "$batch" "$prec")
    read -r og2 oh2 < <(ours 2 1 "$model" "$batch" "$prec")
    read -r tg2 th2 < <(torch 2 "$model" "$batch" "$prec")
    read -r ogs ohs < <(ours 1 2 "$model" "$batch" "$prec")
    rows+=("$c $r $load $oh1 $oh2 $ohs $th1 $th2 $og1 $og2 $ogs $tg1 $tg2")
    echo "round $r $c done (load $load)" >&2
  done
done

echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%s\n' "${rows[@]}" | awk '
function min(a, b) { return a < b ? a : b }
BEGIN {
  print "| config | round | load | ours hvp OB1 | ours hvp OB2 | ours hvp split2 | torch hvp OB1 | torch hvp OB2 | ours best / torch best | ours grad OB1 / OB2 / split2 | torch grad OB1 / OB2 |"
  print "|---|---|---|---|---|---|---|---|---|---|---|"
}
{
  ours = min(min($4, $5), $6); torch = min($7, $8); ratio = ours / torch
  printf "| %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.3f | %.1f / %.1f / %.1f | %.1f / %.1f |\n", $1, $2, $3, $4, $5, $6, $7, $8, ratio, $9, $10, $11, $12, $13
  ratios[$1] = ratios[$1] sprintf(" %.3f", ratio)
}
END {
  print ""
  print "| config | ours best / torch best per round | median |"
  print "|---|---|---|"
  for (c in ratios) {
    n = split(substr(ratios[c], 2), v, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    med = n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    printf "| %s |%s | %.3f |\n", c, ratios[c], med
  }
}'
