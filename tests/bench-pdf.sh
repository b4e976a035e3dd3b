#!/bin/bash
# bench-pdf.sh [QINGSHAN-CLI]: prints one indicator table to PDF with
# `qingshan-cli pdf` and, for comparison, with LibreOffice
# (`soffice --headless --convert-to pdf` of the same table as HTML, made from
# the JSON export); median wall time of 3 runs and peak RSS from
# /usr/bin/time -v.  Goal: at least 20 times faster, at most 1/5 the memory.
#
# LibreOffice is not a build dependency: when `soffice` is missing the
# comparison is skipped, unless QS_BENCH_INSTALL=1 asks to install it
# (apt-get install libreoffice-writer-nogui).
set -euo pipefail

CLI="${1:-${QS_CLI:-qingshan-cli}}"
SOURCE="${QS_SOURCE_DIR:-$(dirname "$0")/..}"
RUNS=3
work="$(mktemp -d /tmp/qs-bench-pdf-XXXXXX)"
trap 'rm -rf "$work"' EXIT

if [ ! -x /usr/bin/time ]; then
  echo "bench-pdf: /usr/bin/time is missing (apt-get install time)" >&2
  exit 1
fi

# The plan: the first sample with an indicator table, else one made up here
# (60 rows in three categories, the size of a district plan's main table).
plan=""
for f in "$SOURCE"/resources/samples/*.qsplan; do
  [ -e "$f" ] || continue
  if "$CLI" export "$f" --format json 2>/dev/null | python3 -c \
      'import json,sys; sys.exit(0 if json.load(sys.stdin).get("indicator_tables") else 1)'; then
    plan="$f"
    break
  fi
done
if [ -z "$plan" ]; then
  plan="$work/bench.qsplan"
  python3 - "$plan" <<'EOF'
import sys
from xml.sax.saxutils import escape
heads = [("category", "类别"), ("number", "序号"), ("name", "指标"), ("unit", "单位"),
         ("baseline", "2020年\n现状值"), ("target", "2025年目标值"), ("attribute", "指标属性")]
out = ['<?xml version="1.0" encoding="UTF-8"?>\n<plan xmlns="https://qingshan.org/ns/qsplan/1" version="1" '
       'level="district" start-year="2021" end-year="2025"><title>基准测试规划</title><region>示例区</region>'
       '<chapters><section kind="chapter" number="2"><title>主要目标</title><indicator-table>'
       '<label>表2-1</label><caption>表2-1 基准测试主要指标</caption><columns>']
out += [f'<column role="{r}">{escape(h)}</column>' for r, h in heads]
out.append('</columns><rows>')
cats = ["环境质量", "污染减排", "生态保护"]
for i in range(60):
    cat = cats[i // 20]
    name = f"第{i + 1}项主要污染物排放总量减少比例（%）"
    cells = [cat if i % 20 == 0 else "", str(i + 1), name, "%", f"{40 + i}.{i % 10}", f"≥{50 + i}", "约束性"]
    out.append(f'<row><category>{cat}</category><number>{i + 1}</number><name>{escape(name)}</name>')
    out += [f'<cell>{escape(c)}</cell>' for c in cells]
    out.append('</row>')
out.append('</rows><notes><note>注：基准测试数据。</note></notes></indicator-table></section></chapters></plan>\n')
open(sys.argv[1], "w", encoding="utf-8").write("".join(out))
EOF
fi

# The same table as HTML, from the JSON export.
"$CLI" export "$plan" --format json > "$work/plan.json"
caption="$(python3 - "$work/plan.json" "$work/table.html" <<'EOF'
import html, json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
t = doc["indicator_tables"][0]
cols = t["columns"]
rows = []
for r in t["rows"]:
    values = r.get("values") or {}
    cells = []
    for c in cols:
        if c in values:
            cells.append(values[c])
        elif c in ("类别", "领域"):
            cells.append(r.get("category") or "")
        elif c == "序号":
            cells.append(r.get("number") or "")
        elif c in ("单位", "指标单位"):
            cells.append(r.get("unit") or "")
        else:
            cells.append(r.get("name") or "")
    rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
notes = "".join(f"<p class=note>{html.escape(n)}</p>" for n in t.get("notes") or [])
page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(t['caption'])}</title>
<style>body{{font-family:'Noto Serif CJK SC';font-size:10.5pt}} table{{border-collapse:collapse;width:100%}}
td,th{{border:0.5pt solid black;padding:3pt 4pt}} caption{{font-family:'Noto Sans CJK SC';font-weight:bold}}
.note{{font-size:9pt}}</style></head><body><table><caption>{html.escape(t['caption'])}</caption>
<thead><tr>{''.join(f'<th>{html.escape(c)}</th>' for c in cols)}</tr></thead><tbody>{''.join(rows)}</tbody></table>
{notes}</body></html>"""
open(sys.argv[2], "w", encoding="utf-8").write(page)
print(t.get("label") or t["caption"])
EOF
)"

# Runs "$@" $RUNS times; prints "median_seconds peak_rss_kb median_cpu_seconds"
# (CPU = user + system: on a busy machine the wall time also counts waiting).
measure() {
  local times=() cpus=() peak=0 i
  for i in $(seq "$RUNS"); do
    /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/run.log" 2>&1 || {
      echo "bench-pdf: failed: $*" >&2
      cat "$work/run.log" >&2
      return 1
    }
    times+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; print s }' "$work/time.txt")")
    cpus+=("$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time.txt")")
    rss="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")"
    [ "$rss" -gt "$peak" ] && peak="$rss"
  done
  local cpu
  cpu="$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{ t[NR] = $1 } END { printf "%.3f", t[int((NR + 1) / 2)] }')"
  printf '%s\n' "${times[@]}" | sort -g | awk -v peak="$peak" -v cpu="$cpu" '{ t[NR] = $1 } END { printf "%.3f %d %s\n", t[int((NR + 1) / 2)], peak, cpu }'
}

read -r qs_time qs_rss qs_cpu < <(measure "$CLI" pdf "$plan" --tables "$caption" -o "$work/qs.pdf")
qs_pages="$(pdfinfo "$work/qs.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"
# The same with the system's whole fonts embedded by cairo (the export
# normally cuts them down first), to show what that saves.
read -r sys_time sys_rss sys_cpu < <(QS_PDF_SYSTEM_FONTS=1 measure "$CLI" pdf "$plan" --tables "$caption" -o "$work/sys.pdf")

if ! command -v soffice > /dev/null; then
  if [ "${QS_BENCH_INSTALL:-0}" = 1 ]; then
    echo "bench-pdf: installing LibreOffice (QS_BENCH_INSTALL=1)…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui > "$work/apt.log" 2>&1 ||
      { echo "bench-pdf: could not install LibreOffice:" >&2; tail -5 "$work/apt.log" >&2; }
  fi
fi

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
printf '%-34s %12s %10s %14s %6s\n' "table “$caption”" "median (s)" "CPU (s)" "peak RSS (MB)" "pages"
printf '%-34s %12s %10s %14s %6s\n' "qingshan-cli pdf" "$qs_time" "$qs_cpu" "$(mb "$qs_rss")" "$qs_pages"
printf '%-34s %12s %10s %14s %6s\n' "  (fonts not cut down first)" "$sys_time" "$sys_cpu" "$(mb "$sys_rss")" "$qs_pages"

if ! command -v soffice > /dev/null; then
  echo "soffice is not installed: the comparison is skipped (QS_BENCH_INSTALL=1 installs it)."
  exit 0
fi

# A profile of its own, made once before timing, so that every timed run
# is a warm start, LibreOffice's best case.
profile="file://$work/lo-profile"
lo=(soffice "-env:UserInstallation=$profile" --headless --norestore
    --convert-to pdf:writer_web_pdf_Export --outdir "$work/lo" "$work/table.html")
"${lo[@]}" > /dev/null 2>&1 || true
read -r lo_time lo_rss lo_cpu < <(measure "${lo[@]}")
lo_pages="$(pdfinfo "$work/lo/table.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"
printf '%-34s %12s %10s %14s %6s\n' "soffice --convert-to pdf (HTML)" "$lo_time" "$lo_cpu" "$(mb "$lo_rss")" "${lo_pages:-?}"

awk -v qt="$qs_time" -v lt="$lo_time" -v qr="$qs_rss" -v lr="$lo_rss" -v qc="$qs_cpu" -v lc="$lo_cpu" 'BEGIN {
  speed = qt > 0 ? lt / qt : 0; mem = lr > 0 ? qr / lr : 0; cpu = qc > 0 ? lc / qc : 0
  printf "qingshan-cli is %.1f× faster (goal ≥ 20×: %s; %.1f× in CPU time) and uses %.2f of the memory (goal ≤ 0.20: %s)\n",
         speed, (speed >= 20 ? "met" : "NOT met"), cpu, mem, (mem <= 0.2 ? "met" : "NOT met")
}'
