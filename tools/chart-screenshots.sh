#!/bin/bash
# Draws every chart kind for the sample plans with `qingshan-cli chart`,
# light and dark, into OUTDIR as PNG (and one SVG and PDF of each kind).
#
# Usage: tools/chart-screenshots.sh OUTDIR [BUILDDIR]
#
# BUILDDIR defaults to _build.  Needs only the built qingshan-cli.
set -euo pipefail

out=${1:?usage: tools/chart-screenshots.sh OUTDIR [BUILDDIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${2:-$root/_build}" && pwd)
cli="$build/app/qingshan-cli"
[ -x "$cli" ] || { echo "chart-screenshots.sh: $cli is not built" >&2; exit 1; }

samples="$root/resources/samples"
districts=("$samples"/district-*.qsplan)
municipal="$samples/municipal-2016-2020-004.qsplan"
mkdir -p "$out"

n=0
shot() {
  local name=$1; shift
  n=$((n + 1))
  local file
  file=$(printf '%s/%02d-%s' "$out" "$n" "$name")
  "$cli" chart "$@" -o "$file.png"
  echo "$file.png"
}

for theme in light dark; do
  dark=()
  [ "$theme" = dark ] && dark=(--dark)
  shot "trend-forest-$theme" "${districts[@]}" --indicator 森林覆盖率 --kind trend \
    --against "$municipal" "${dark[@]}"
  shot "trend-pm25-$theme" "${districts[@]}" --indicator 细颗粒物（PM2.5）年均浓度 --kind trend \
    --against "$municipal" "${dark[@]}"
  shot "trend-air-$theme" "${districts[@]}" "$municipal" --indicator 空气质量优良天数比率 --kind trend \
    "${dark[@]}"
  shot "compare-forest-$theme" "${districts[@]}" --indicator 森林覆盖率 --kind compare \
    --against "$municipal" --status ok,warning,error "${dark[@]}"
  shot "compare-pm25-$theme" "${districts[@]}" --indicator 细颗粒物（PM2.5）年均浓度 --kind compare \
    --against "$municipal" "${dark[@]}"
  for plan in "${districts[@]}"; do
    shot "completion-$(basename "$plan" .qsplan)-$theme" "$plan" --kind completion "${dark[@]}"
  done
done

# A small one, as in a narrow pane.
shot "trend-forest-small" "${districts[@]}" --indicator 森林覆盖率 --kind trend --width 480 --height 320
# Vector output of each kind.
"$cli" chart "${districts[@]}" --indicator 森林覆盖率 --kind trend -o "$out/trend.svg"
"$cli" chart "${districts[@]}" --indicator 森林覆盖率 --kind compare -o "$out/compare.pdf"
"$cli" chart "${districts[0]}" --kind completion -o "$out/completion.svg"
