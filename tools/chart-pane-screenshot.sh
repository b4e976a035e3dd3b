#!/bin/bash
# Screenshots of the chart pane (trend, compare, completion, empty; light
# and dark) and of the yearly-value suggestions dialog, taken by
# test-gui-charts under Xvfb from the sample plans.
#
# Usage: tools/chart-pane-screenshot.sh OUTDIR [BUILDDIR] [LANG]
#
# BUILDDIR defaults to _build; LANG (default zh_CN.UTF-8, needs the locale)
# is the language of the interface.  Needs xvfb-run and dbus-run-session.
set -euo pipefail

out=${1:?usage: tools/chart-pane-screenshot.sh OUTDIR [BUILDDIR] [LANG]}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${2:-$root/_build}" && pwd)
lang=${3:-zh_CN.UTF-8}
test="$build/tests/test-gui-charts"

ninja -C "$build" tests/test-gui-charts resources/gschemas.compiled \
  po/zh_CN/LC_MESSAGES/qingshan.mo >/dev/null
[ -x "$test" ] || { echo "chart-pane-screenshot.sh: $test is not built" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)

env QS_SCREENSHOT_DIR="$out" QS_SCREENSHOT_LANG="$lang" \
  QS_SOURCE_DIR="$root" QS_BUILD_DIR="$build" QS_SHARED_DIR="${QS_SHARED_DIR:-$root/../shared}" \
  GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/resources" GSK_RENDERER=cairo \
  NO_AT_BRIDGE=1 ADW_DISABLE_PORTAL=1 \
  xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session "$test" --tap >"$out/test-gui-charts.log" 2>&1 \
  || { cat "$out/test-gui-charts.log" >&2; exit 1; }
ls "$out"/*.png
