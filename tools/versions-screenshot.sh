#!/bin/bash
# Takes screenshots of the versions window and the review notes panel at
# 1400x900 under Xvfb, on the sample district plan saved three times.
#
# Usage: tools/versions-screenshot.sh OUTDIR [BUILDDIR]
#
# BUILDDIR defaults to _build and must hold tests/test-gui-versions, whose
# --screenshot mode shows the windows and grabs the screen with
# `import -window root` after each step.  The shots are taken in each
# language of QS_SCREENSHOT_LANGS (default "zh_CN.UTF-8") and named
# <lang>-NN-<what>.png.  Needs xvfb-run and ImageMagick's `import`.
set -euo pipefail

out=${1:?usage: tools/versions-screenshot.sh OUTDIR [BUILDDIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${2:-$root/_build}" && pwd)
langs=${QS_SCREENSHOT_LANGS:-zh_CN.UTF-8}

program="$build/tests/test-gui-versions"
[ -x "$program" ] || { echo "versions-screenshot.sh: $program is not built" >&2; exit 1; }
for tool in xvfb-run import; do
  command -v "$tool" >/dev/null || { echo "versions-screenshot.sh: $tool is missing" >&2; exit 1; }
done
# The translations and the settings schema are built beside the program.
ninja -C "$build" qingshan-gmo resources/gschemas.compiled >/dev/null

mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for lang in $langs; do
  prefix=$(echo "${lang%%.*}" | tr '[:upper:]_' '[:lower:]-')
  [ "$prefix" = c ] && prefix=en
  mkdir -p "$tmp/config-$prefix" "$tmp/data-$prefix"
  env -u WAYLAND_DISPLAY -u DISPLAY \
    LANG="$lang" LC_ALL="$lang" LANGUAGE= \
    XDG_CONFIG_HOME="$tmp/config-$prefix" XDG_DATA_HOME="$tmp/data-$prefix" \
    GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/resources" \
    QS_SOURCE_DIR="$root" QS_LOCALEDIR="$build/po" GDK_BACKEND=x11 GSK_RENDERER=cairo \
    GTK_A11Y=none NO_AT_BRIDGE=1 ADW_DISABLE_PORTAL=1 \
    xvfb-run -a -s "-screen 0 1400x900x24" "$program" --screenshot "$out" "$prefix"
done
