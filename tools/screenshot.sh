#!/bin/bash
# Takes screenshots of the application at 1400x900 under Xvfb.
#
# Usage: tools/screenshot.sh OUTDIR [BUILDDIR] [WORKSPACE]
#
# BUILDDIR defaults to _build.  Without WORKSPACE the application starts as
# on a first run (a fresh data directory), so its default workspace is
# filled with the sample plans shipped in resources/samples/; a WORKSPACE
# given is copied first, so it is never changed.  The shots are taken in
# each language of QS_SCREENSHOT_LANGS (default "zh_CN.UTF-8 C.UTF-8") and
# named <lang>-NN-<what>.png.  Needs xvfb-run, dbus-run-session, gapplication,
# gdbus, sqlite3 and ImageMagick's `import`.
set -euo pipefail

out=${1:?usage: tools/screenshot.sh OUTDIR [BUILDDIR] [WORKSPACE]}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${2:-$root/_build}" && pwd)
workspace=${3:-}
langs=${QS_SCREENSHOT_LANGS:-zh_CN.UTF-8 C.UTF-8}
# A plan text to show the import dialog with (the first seed, when present).
shared=${QS_SHARED_DIR:-$root/../shared}
import_text=$(ls "$shared"/seeds/*.txt 2>/dev/null | head -n 1 || true)

app="$build/app/qingshan"
[ -x "$app" ] || { echo "screenshot.sh: $app is not built" >&2; exit 1; }
for tool in xvfb-run dbus-run-session gapplication gdbus import sqlite3; do
  command -v "$tool" >/dev/null || { echo "screenshot.sh: $tool is missing" >&2; exit 1; }
done

mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One session inside Xvfb: start the application, drive it through its
# scripting actions (app.select-plan, app.select-outline, app.search) and
# grab the screen after each step.
cat > "$tmp/session.sh" <<'EOF'
#!/bin/bash
set -euo pipefail
app_id=org.qingshan.Qingshan

shot () {
  sleep "${2:-1.5}"
  import -window root "$QS_SHOT_DIR/$QS_SHOT_PREFIX-$1.png"
}

action () {
  gapplication action "$app_id" "$@"
}

"$QS_APP" "$@" &
pid=$!
# Wait until the application owns its bus name.
for _ in $(seq 1 50); do
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner "$app_id" 2>/dev/null | grep -q true && break
  sleep 0.2
done

shot 01-plan 3
if [ -n "${QS_EMPTY:-}" ]; then
  action preferences
  shot 02-preferences
  action quit || true
  wait "$pid" 2>/dev/null || true
  exit 0
fi
action select-outline "':indicator-table'"
shot 02-indicator-table
action select-outline "'第二章'"
shot 03-chapter
action select-outline "':task-table'"
shot 04-task-table
action search "'区'"
shot 05-search
action search "''"
action select-plan "'大渡口区'" || true
action select-outline "':indicator-table'" || true
shot 06-district-table
# The table editor with a target cell being edited (row 2, column 3).
action edit "('edit-cell', [<(uint32 1, uint32 2)>])" || true
shot 07-table-editing
action edit "('undo', @av [])" || true
# The side panel: the check, the chart of the selected row, review notes.
action edit "('show-side-page', [<'check'>])" || true
shot 08-check-panel
action edit "('select-row', [<uint32 4>])" || true
action edit "('show-side-page', [<'chart'>])" || true
shot 09-chart-pane
action edit "('show-side-page', [<'notes'>])" || true
shot 10-notes-panel
action edit "('toggle-check-panel', @av [])" || true
if [ -n "${QS_IMPORT_TEXT:-}" ]; then
  action import-text "'$QS_IMPORT_TEXT'"
  shot 11-import 4
fi
action quit || true
sleep 1
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
EOF
chmod +x "$tmp/session.sh"

run_session () {
  local lang=$1 prefix=$2; shift 2
  local home="$tmp/home-$prefix"

  mkdir -p "$home/config/glib-2.0/settings" "$home/data"
  printf '[org/qingshan/Qingshan]\nwindow-width=1400\nwindow-height=900\n' \
    > "$home/config/glib-2.0/settings/keyfile"

  env -u WAYLAND_DISPLAY -u DISPLAY \
    LANG="$lang" LC_ALL="$lang" LANGUAGE= \
    XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
    GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/resources" \
    QS_LOCALEDIR="$build/po" GDK_BACKEND=x11 GSK_RENDERER=cairo \
    GTK_A11Y=none NO_AT_BRIDGE=1 ADW_DISABLE_PORTAL=1 \
    QS_APP="$app" QS_SHOT_DIR="$out" QS_SHOT_PREFIX="$prefix" QS_IMPORT_TEXT="$import_text" \
    xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- "$tmp/session.sh" "$@"
}

for lang in $langs; do
  prefix=$(echo "${lang%%.*}" | tr '[:upper:]_' '[:lower:]-')
  [ "$prefix" = c ] && prefix=en
  if [ -n "$workspace" ]; then
    # A copy through SQLite, so that what is still in the WAL comes along.
    sqlite3 "$workspace" "VACUUM INTO '$tmp/workspace-$prefix.qsdb'"
    run_session "$lang" "$prefix" --workspace "$tmp/workspace-$prefix.qsdb"
  else
    run_session "$lang" "$prefix"
  fi

  # The empty state: a workspace without plans.
  QS_EMPTY=1 run_session "$lang" "$prefix-empty" --workspace "$tmp/empty-$prefix.qsdb"
done

ls -1 "$out"/*.png
