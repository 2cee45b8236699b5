#!/usr/bin/env bash
# Re-creates docs/results.md and the comparison folders under docs/results/ from scratch (issue 14): the MLPs and
# lenet5-fashion after training and at initialisation, MIPP's x swept from 0.5 to 0.999 beside a sparsity sweep of
# the other methods, three seeds, the controls random@mipp and local-magnitude@mipp, the layer-collapse chart, and
# vgg-fashion; and for issue 15 CMI on vgg16-fashion and ITPruner against uniform width at equal MACs. Every number on the page comes from the results.json files these commands write; the page itself is
# written by `infoprune digest` (nothing on it is typed by hand but docs/results/intro.md).
#
#   docs/results/run.sh --dry-run      list the commands and the estimated time, run nothing
#   docs/results/run.sh --smoke DIR    one tiny comparison end to end (5 min at load 15, 100 s of CPU), page in DIR/results.md
#   docs/results/run.sh                everything (hours: see --dry-run); prints the total time at the end
#   docs/results/run.sh --resume       go on with an interrupted run: comparisons that finished are kept
#
# Build first: mvn -o -q -DskipTests package. INFOPRUNE=path overrides the launcher (default target/infoprune/bin/infoprune).
# The runs write into docs/results/.next/ and replace the old folders only when all of them finished.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
B="${INFOPRUNE:-$ROOT/target/infoprune/bin/infoprune}"
RESULTS="$ROOT/docs/results"
SEEDS=3
SHOWN="docs/results"  # where command.txt says the results went
AFTER="mipp,global-topk,local-magnitude,random,random@mipp,local-magnitude@mipp,snip,grasp,synflow,thinet"
SWEPT="mipp,global-topk,local-magnitude,random,snip,grasp,synflow"
AT_INIT="mipp,global-topk,local-magnitude,random,random@mipp,local-magnitude@mipp,snip,grasp,synflow"
CONFIDENCES="0.5,0.9,0.99,0.999"
SPARSITIES="0.5,0.8,0.9,0.95"
# Fashion-MNIST runs retrain on a seeded subset of the 55,000 training samples (10,000; 5,000 in the sweep and for
# vgg-fashion) and decide on 2,000 probe samples, so that the whole set fits in about three hours on two cores.
FASHION="--data fashion-mnist --probe-samples 2000"

# The estimate of --dry-run, per seed: runs x (epochs x train samples / 1000 x seconds per epoch per 1,000 samples
# + seconds to plan and evaluate a run) + MIPP runs x seconds of one MIPP plan. Seconds per epoch come from the
# sample models' training.csv (mlp-digits 0.45 s for 1,079 samples, lenet300 8 s, lenet5 16 s, vgg 80 s for 55,000);
# MIPP's plan from docs/results.md (mlp-digits 22-26 s, lenet300-fashion 52-71 s); the conv models' MIPP and every
# per-run overhead are guesses.
# name | arguments after "compare" | runs per seed | MIPP runs per seed | epochs | train samples | s/epoch/1000 | s/run | s/MIPP
JOBS=(
  "mlp-digits-matched|mlp-digits --data digits --methods $AFTER|10|1|20|1079|0.45|1|25"
  "mlp-digits-sweep|mlp-digits --data digits --methods $SWEPT --mipp-confidences $CONFIDENCES --sweep $SPARSITIES|28|4|20|1079|0.45|1|25"
  "mlp-digits-init|mlp-digits --data digits --methods $AT_INIT --at-init|9|1|30|1079|0.45|1|25"
  "lenet300-fashion-matched|lenet300-fashion $FASHION --train-samples 10000 --methods $AFTER|10|1|8|10000|0.15|3|60"
  "lenet300-fashion-sweep|lenet300-fashion $FASHION --train-samples 5000 --methods $SWEPT --mipp-confidences $CONFIDENCES --sweep $SPARSITIES|28|4|8|5000|0.15|3|60"
  "lenet300-fashion-init|lenet300-fashion $FASHION --train-samples 10000 --methods $AT_INIT --at-init|9|1|12|10000|0.15|3|60"
  "lenet5-fashion-matched|lenet5-fashion $FASHION --train-samples 10000 --methods $AFTER|10|1|8|10000|0.3|5|120"
  "lenet5-fashion-init|lenet5-fashion $FASHION --train-samples 10000 --methods $AT_INIT --at-init|9|1|12|10000|0.3|5|120"
  "vgg-fashion-matched|vgg-fashion --data fashion-mnist --probe-samples 1000 --train-samples 5000 --methods mipp,local-magnitude,random,random@mipp,thinet|5|1|5|5000|1.5|15|300"
  # issue 15: CMI at its defaults on the VGG-16-style model (the others at the sparsity CMI reached), and ITPruner's
  # allocation against uniform width at the same MACs budget (local-magnitude at the same sparsity setting)
  "vgg16-fashion-cmi|vgg16-fashion --data fashion-mnist --probe-samples 1000 --train-samples 5000 --methods cmi,local-magnitude,random|3|1|7|5000|1.0|10|60"
  # control: the unpruned vgg16-fashion through the same retraining (sparsity 0), what the retraining alone costs
  "vgg16-fashion-control|vgg16-fashion --data fashion-mnist --probe-samples 1000 --train-samples 5000 --methods local-magnitude --sparsity 0|1|0|7|5000|1.0|10|0"
  "lenet5-fashion-itpruner|lenet5-fashion $FASHION --train-samples 10000 --methods itpruner,local-magnitude --sweep 0.5,0.8|4|0|8|10000|0.3|5|0"
  "vgg-fashion-itpruner|vgg-fashion --data fashion-mnist --probe-samples 1000 --train-samples 5000 --methods itpruner,local-magnitude --sweep 0.5,0.8|4|0|5|5000|1.5|15|0"
  "vgg16-fashion-itpruner|vgg16-fashion --data fashion-mnist --probe-samples 1000 --train-samples 5000 --methods itpruner,local-magnitude --sweep 0.5,0.8|4|0|7|5000|1.0|15|0"
)

mode=full
smoke_dir=""
case "${1:-}" in
  --dry-run) mode=dry ;;
  --smoke) mode=smoke; smoke_dir="${2:?--smoke needs a folder}" ;;
  --resume) mode=resume ;;
  "") ;;
  *) echo "usage: $0 [--dry-run | --smoke DIR | --resume]" >&2; exit 2 ;;
esac

if [[ $mode != dry && ! -x "$B" ]]; then
  echo "$B not found: build first (mvn -o -q -DskipTests package)" >&2
  exit 1
fi

start=$(date +%s)
finish() {
  local s=$(( $(date +%s) - start ))
  printf 'Total time: %d h %02d min %02d s\n' $((s / 3600)) $((s % 3600 / 60)) $((s % 60))
}

# runs one comparison into $1 with the arguments $2.., and keeps its wall time and then the command beside its
# results (command.txt last: it marks the comparison finished for --resume)
compare() {
  local out="$1"; shift
  local command="infoprune compare $* --seeds $SEEDS --out $SHOWN/$(basename "$out")"
  local began
  began=$(date +%s)
  echo "$command" >&2
  "$B" compare "$@" --seeds "$SEEDS" --out "$out" --overwrite
  echo $(( $(date +%s) - began )) > "$out/seconds.txt"
  echo "$command" > "$out/command.txt"
}

if [[ $mode == smoke ]]; then
  SEEDS=2
  SHOWN="$smoke_dir"
  mkdir -p "$smoke_dir"
  compare "$smoke_dir/smoke" mlp-digits --data digits --methods mipp,local-magnitude,random@mipp \
    --finetune-epochs 1 --probe-samples 200 --train-samples 300
  "$B" digest "$smoke_dir/smoke" --out "$smoke_dir/results.md" --title "Results (smoke run)" \
    --note "Smoke run of docs/results/run.sh: $(finish)."
  finish
  exit 0
fi

if [[ $mode == dry ]]; then
  total=0
  for job in "${JOBS[@]}"; do
    IFS='|' read -r name args runs mipp_runs epochs samples per_k per_run per_mipp <<< "$job"
    est=$(awk -v r="$runs" -v m="$mipp_runs" -v s="$SEEDS" -v e="$epochs" -v n="$samples" -v k="$per_k" \
      -v p="$per_run" -v q="$per_mipp" 'BEGIN { printf "%d", s * (r * (e * n / 1000 * k + p) + m * q) }')
    total=$((total + est))
    printf '%s\n    %d runs (%d per seed x %d seeds), about %d min\n' \
      "infoprune compare $args --seeds $SEEDS --out docs/results/$name" $((runs * SEEDS)) "$runs" "$SEEDS" $((est / 60))
  done
  echo "infoprune digest docs/results/<each folder above> --intro docs/results/intro.md --out docs/results.md"
  printf 'Estimated total: %d h %02d min on an otherwise idle 2-core machine (the costs above the JOBS list)\n' \
    $((total / 3600)) $((total % 3600 / 60))
  exit 0
fi

next="$RESULTS/.next"
if [[ $mode != resume ]]; then
  rm -rf "$next"
fi
mkdir -p "$next"
folders=()
for job in "${JOBS[@]}"; do
  IFS='|' read -r name args _ <<< "$job"
  folders+=("$name")
  if [[ -f "$next/$name/command.txt" ]]; then
    echo "$name: finished in an earlier run, kept" >&2
    continue
  fi
  # shellcheck disable=SC2086 # the arguments are words on purpose
  compare "$next/$name" $args
done
# the comparisons' own wall times, summed (a resumed run counts every kept comparison once)
computed=0
for name in "${folders[@]}"; do
  computed=$(( computed + $(cat "$next/$name/seconds.txt" 2>/dev/null || echo 0) ))
done
# every run finished: the new folders replace the old ones
find "$RESULTS" -mindepth 1 -maxdepth 1 -type d ! -name .next -exec rm -rf {} +
for name in "${folders[@]}"; do
  mv "$next/$name" "$RESULTS/$name"
done
rmdir "$next"
took="$(printf 'The comparisons took %d h %02d min %02d s in all' $((computed / 3600)) \
  $((computed % 3600 / 60)) $((computed % 60)))"
"$B" digest "${folders[@]/#/$RESULTS/}" --out "$ROOT/docs/results.md" --intro "$RESULTS/intro.md" \
  --title "Results: MIPP against the papers' baselines" \
  --note "Re-created by docs/results/run.sh on $(date -u +%Y-%m-%d) ($(nproc) cores). ${took}."
echo "$took"
finish
