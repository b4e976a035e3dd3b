#!/bin/bash
# Takes screenshots of the comparison window (issue 7) at 1400x900 under
# Xvfb, on a temporary workspace holding the sample plans of
# resources/samples.
#
# Usage: tools/compare-screenshot.sh OUTDIR [BUILDDIR]
#
# BUILDDIR defaults to _build; it needs tests/test-gui-compare and the
# translations (ninja tests/test-gui-compare qingshan-gmo).  The test
# binary, run with QS_COMPARE_SCREENSHOTS=DIR, opens the window, drives it
# (the PM2.5 row, weakest first, its chart, missing indicators only, a
# narrow window scrolled sideways, dark style) and grabs the screen with
# `import -window root` after each step.  The shots are taken in each
# language of QS_SCREENSHOT_LANGS (default "zh_CN.UTF-8") and named
# compare-<lang>-NN-<what>.png.  Needs xvfb-run and ImageMagick's `import`.
set -euo pipefail

out=${1:?usage: tools/compare-screenshot.sh OUTDIR [BUILDDIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${2:-$root/_build}" && pwd)
langs=${QS_SCREENSHOT_LANGS:-zh_CN.UTF-8}

exe="$build/tests/test-gui-compare"
[ -x "$exe" ] || { echo "compare-screenshot.sh: $exe is not built" >&2; exit 1; }
for tool in xvfb-run import; do
  command -v "$tool" >/dev/null || { echo "compare-screenshot.sh: $tool is missing" >&2; exit 1; }
done

mkdir -p "$out"
out=$(cd "$out" && pwd)

for lang in $langs; do
  prefix=$(echo "${lang%%.*}" | tr '[:upper:]_' '[:lower:]-')
  [ "$prefix" = c ] && prefix=en
  shots=$(mktemp -d)
  env -u WAYLAND_DISPLAY -u DISPLAY \
    LANG="$lang" LC_ALL="$lang" LANGUAGE= \
    QS_SOURCE_DIR="$root" QS_LOCALEDIR="$build/po" QS_COMPARE_SCREENSHOTS="$shots" \
    GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/resources" GDK_BACKEND=x11 \
    GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 ADW_DISABLE_PORTAL=1 \
    xvfb-run -a -s "-screen 0 1400x900x24" "$exe" >/dev/null
  for shot in "$shots"/*.png; do
    mv "$shot" "$out/compare-$prefix-$(basename "$shot")"
  done
  rmdir "$shots"
done

ls -1 "$out"/compare-*.png
