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
[[ $B == /* ]] || B="$PWD/$B"
RESULTS="$ROOT/docs/results"
SEEDS=3
SHOWN="docs/results"  # where command.txt says the results went
AFTER="mipp,global-topk,local-magnitude,random,random@mipp,local-magnitude@mipp,snip,grasp,synflow,thinet"
SWEPT="mipp,global-topk,local-magnitude,random,snip,grasp,synflow"
AT_INIT="mipp,global-topk,local-magnitude,random,random@mipp,local-magnitude@mipp,snip,grasp,synflow"
CONFIDENCES="0.5,0.9,0.99,0.999"
SPARSITIES="0.5,0.8,0.9,0.95"
# Fashion-MNIST runs decide on 2,000 probe samples (1,000 for the VGGs). lenet5-fashion's comparisons retrain on the
# whole training split (55,000 images; its verdicts against MIPP are the page's main negative result, so they get
# the full retraining); the others retrain on a seeded subset (lenet300: 10,000, 5,000 in the sweep; the VGGs 5,000)
# to keep the whole run near an hour.
FASHION="--data fashion-mnist --probe-samples 2000"

# --dry-run's estimate is each comparison's wall time measured by the last full run (its seconds.txt, copied here):
# 2026-12-03 on this 2-core machine, idle but for the first comparisons (mlp-digits-init ran beside another job).
# name | arguments after "compare" | runs per seed | seconds measured (all seeds)
JOBS=(
  "mlp-digits-matched|mlp-digits --data digits --methods $AFTER|10|47"
  "mlp-digits-sweep|mlp-digits --data digits --methods $SWEPT --mipp-confidences $CONFIDENCES --sweep $SPARSITIES|28|182"
  "mlp-digits-init|mlp-digits --data digits --methods $AT_INIT --at-init|9|248"
  "lenet300-fashion-matched|lenet300-fashion $FASHION --train-samples 10000 --methods $AFTER|10|177"
  "lenet300-fashion-sweep|lenet300-fashion $FASHION --train-samples 5000 --methods $SWEPT --mipp-confidences $CONFIDENCES --sweep $SPARSITIES|28|410"
  "lenet300-fashion-init|lenet300-fashion $FASHION --train-samples 10000 --methods $AT_INIT --at-init|9|179"
  "lenet5-fashion-matched|lenet5-fashion $FASHION --methods $AFTER|10|827"
  "lenet5-fashion-init|lenet5-fashion $FASHION --methods $AT_INIT --at-init|9|1027"
  "vgg-fashion-matched|vgg-fashion --data fashion-mnist --probe-samples 1000 --train-samples 5000 --methods mipp,local-magnitude,random,random@mipp,thinet|5|133"
  # issue 15: CMI at its defaults on the VGG-16-style model (the others at the sparsity CMI reached), and ITPruner's
  # allocation against uniform width at the same MACs budget (local-magnitude at the same sparsity setting)
  "vgg16-fashion-cmi|vgg16-fashion --data fashion-mnist --probe-samples 1000 --train-samples 5000 --methods cmi,local-magnitude,random|3|329"
  # control: the unpruned vgg16-fashion through the same retraining (sparsity 0), what the retraining alone costs
  "vgg16-fashion-control|vgg16-fashion --data fashion-mnist --probe-samples 1000 --train-samples 5000 --methods local-magnitude --sparsity 0|1|56"
  "lenet5-fashion-itpruner|lenet5-fashion $FASHION --train-samples 10000 --methods itpruner,local-magnitude --sweep 0.5,0.8|4|67"
  "vgg-fashion-itpruner|vgg-fashion --data fashion-mnist --probe-samples 1000 --train-samples 5000 --methods itpruner,local-magnitude --sweep 0.5,0.8|4|63"
  "vgg16-fashion-itpruner|vgg16-fashion --data fashion-mnist --probe-samples 1000 --train-samples 5000 --methods itpruner,local-magnitude --sweep 0.5,0.8|4|145"
)

mode=full
smoke_dir=""
case "${1:-}" in
  --dry-run) mode=dry ;;
  --smoke) mode=smoke; smoke_dir="${2:?--smoke needs a folder}"; [[ $smoke_dir == /* ]] || smoke_dir="$PWD/$smoke_dir" ;;
  --resume) mode=resume ;;
  "") ;;
  *) echo "usage: $0 [--dry-run | --smoke DIR | --resume]" >&2; exit 2 ;;
esac

# from the repository root, so that a folder named like a bundled sample elsewhere never stands in for it
cd "$ROOT"
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
    IFS='|' read -r name args runs seconds <<< "$job"
    total=$((total + seconds))
    printf '%s\n    %d runs (%d per seed x %d seeds), %d min %02d s when last measured\n' \
      "infoprune compare $args --seeds $SEEDS --out docs/results/$name" $((runs * SEEDS)) "$runs" "$SEEDS" \
      $((seconds / 60)) $((seconds % 60))
  done
  echo "infoprune digest docs/results/<each folder above> --intro docs/results/intro.md --out docs/results.md"
  printf 'Measured total: %d h %02d min on an otherwise idle 2-core machine (the table above the JOBS list)\n' \
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
