#!/usr/bin/env python3
"""Imports every sample plan and compares the JSON export with its truth.

For each seed in $QS_SHARED_DIR/seeds this runs
    $QS_CLI import SEED -o TMP.qsplan
    $QS_CLI export TMP.qsplan --format json
and compares the result with $QS_SHARED_DIR/truth/<seed>.json: title,
region, level, period, vision year, the named front matter, every chapter,
section and subsection (number and title), every indicator table (label,
caption, columns, notes, and for each row category, number, name, indicator,
unit, attribute, parent and every value), and every task table (caption,
and its row or item count, and the rows' values).  White space inside
titles and cells is ignored, as the truth's *_normalized fields do.

Prints every mismatch, then "N passed, N failed[, N skipped]" (one count per
seed) and exits non-zero when a seed failed.  Without the shared directory it
says so and exits 0.

Development aid: --exported DIR compares DIR/<seed>.json files instead of
running the CLI.
"""

import json
import os
import subprocess
import sys
import tempfile

NAMED_MATTER = ("前言", "目录", "目次", "印发通知", "名词解释", "附件", "附录", "后记")


def norm(value):
    """None and "" alike; all white space (NBSP, U+3000 …) removed."""
    if value is None:
        return ""
    return "".join(str(value).split())


class Comparison:
    def __init__(self, seed):
        self.seed = seed
        self.mismatches = []

    def check(self, where, expected, got):
        if norm(expected) != norm(got):
            self.mismatches.append(f"{where}: expected {expected!r}, got {got!r}")

    def fail(self, where, message):
        self.mismatches.append(f"{where}: {message}")


def compare_matter(c, where, truth_list, ours_list):
    expected = [m.get("title") for m in truth_list if m.get("title") in NAMED_MATTER]
    got = [norm(m.get("title")) for m in ours_list]
    position = 0
    for title in expected:
        try:
            position = got.index(title, position) + 1
        except ValueError:
            c.fail(where, f"missing {title!r} (have {got})")


def compare_sections(c, where, truth_sections, ours_sections, child_key):
    if len(truth_sections) != len(ours_sections):
        c.fail(where, f"{len(truth_sections)} expected, got {len(ours_sections)}: "
               f"{[norm(s.get('title')) for s in ours_sections]}")
    for i, (t, o) in enumerate(zip(truth_sections, ours_sections)):
        here = f"{where}[{i + 1}]"
        c.check(f"{here}.number", t.get("number"), o.get("number"))
        c.check(f"{here}.title", t.get("title_normalized") or t.get("title"), o.get("title"))
        if child_key:
            next_key = "subsections" if child_key == "sections" else None
            compare_sections(c, f"{here}.{child_key}", t.get(child_key, []),
                             o.get(child_key, []), next_key)


def compare_indicator_row(c, where, t, o):
    for field in ("category", "number", "unit", "attribute", "parent"):
        c.check(f"{where}.{field}", t.get(field), o.get(field))
    names = [norm(t.get("name")), norm(t.get("name_joined"))]
    if norm(o.get("name")) not in names:
        c.check(f"{where}.name", t.get("name"), o.get("name"))
    c.check(f"{where}.indicator", t.get("indicator_normalized") or t.get("indicator"),
            o.get("indicator"))
    t_values = t.get("values", {})
    o_values = o.get("values", {})
    for key in sorted(set(t_values) | set(o_values)):
        c.check(f"{where}.values[{key}]", t_values.get(key, ""), o_values.get(key, ""))


def compare_indicator_tables(c, truth_tables, ours_tables):
    if len(truth_tables) != len(ours_tables):
        c.fail("indicator_tables", f"{len(truth_tables)} expected, got {len(ours_tables)}: "
               f"{[o.get('label') for o in ours_tables]}")
    for t, o in zip(truth_tables, ours_tables):
        where = f"indicator_tables[{t.get('id')}]"
        c.check(f"{where}.label", t.get("id"), o.get("label"))
        c.check(f"{where}.caption", t.get("caption"), o.get("caption"))
        c.check(f"{where}.columns", "|".join(t.get("columns", [])), "|".join(o.get("columns", [])))
        t_notes, o_notes = t.get("notes", []), o.get("notes", [])
        if [norm(n) for n in t_notes] != [norm(n) for n in o_notes]:
            c.fail(f"{where}.notes", f"expected {t_notes!r}, got {o_notes!r}")
        t_rows, o_rows = t.get("rows", []), o.get("rows", [])
        if len(t_rows) != len(o_rows):
            c.fail(f"{where}.rows", f"{len(t_rows)} expected, got {len(o_rows)}: "
                   f"{[norm(r.get('name')) for r in o_rows]}")
        for i, (tr, orow) in enumerate(zip(t_rows, o_rows)):
            compare_indicator_row(c, f"{where}.rows[{i + 1}] (line {tr.get('line')})", tr, orow)


def compare_task_tables(c, truth_tables, ours_tables):
    if len(truth_tables) != len(ours_tables):
        c.fail("task_tables", f"{len(truth_tables)} expected, got {len(ours_tables)}: "
               f"{[o.get('label') for o in ours_tables]}")
    for t, o in zip(truth_tables, ours_tables):
        where = f"task_tables[{t.get('id')}]"
        c.check(f"{where}.caption", t.get("caption"), o.get("caption"))
        if "rows" in t and t.get("kind") == "table":
            c.check(f"{where}.columns", "|".join(t.get("columns", [])),
                    "|".join(o.get("columns", [])))
            got = len(o.get("rows", []))
            for i, (tr, orow) in enumerate(zip(t["rows"], o.get("rows", []))):
                for key, value in tr.get("values", {}).items():
                    c.check(f"{where}.rows[{i + 1}][{key}]", value, orow.get(key, ""))
        else:
            got = len(o.get("items", [])) + len(o.get("headings", []))
        expected = t.get("row_count", len(t.get("items", t.get("rows", []))))
        if got != expected:
            c.fail(f"{where}.count", f"{expected} rows/items expected, got {got}")


def compare(seed, truth, ours):
    c = Comparison(seed)
    for field in ("title", "region", "level", "period", "vision_year"):
        c.check(field, truth.get(field), ours.get(field))
    compare_matter(c, "front_matter", truth.get("front_matter", []), ours.get("front_matter", []))
    compare_matter(c, "back_matter", truth.get("back_matter", []), ours.get("back_matter", []))
    compare_sections(c, "chapters", truth.get("chapters", []), ours.get("chapters", []), "sections")
    compare_indicator_tables(c, truth.get("indicator_tables", []), ours.get("indicator_tables", []))
    compare_task_tables(c, truth.get("task_tables", []), ours.get("task_tables", []))
    return c


def export_with_cli(cli, seed_path, tmpdir):
    plan = os.path.join(tmpdir, "plan.qsplan")
    subprocess.run([cli, "import", seed_path, "-o", plan], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    done = subprocess.run([cli, "export", plan, "--format", "json"], check=True,
                          capture_output=True, timeout=120)
    return json.loads(done.stdout.decode("utf-8"))


def main(argv):
    exported = None
    if len(argv) >= 3 and argv[1] == "--exported":
        exported = argv[2]
    shared = os.environ.get("QS_SHARED_DIR", "")
    seeds_dir = os.path.join(shared, "seeds")
    truth_dir = os.path.join(shared, "truth")
    if not shared or not os.path.isdir(seeds_dir) or not os.path.isdir(truth_dir):
        print(f"skipping: no sample plans (QS_SHARED_DIR={shared!r} has no seeds/ and truth/)")
        return 0
    cli = os.environ.get("QS_CLI")
    if exported is None and not cli:
        print("QS_CLI is not set")
        return 1

    passed = failed = skipped = 0
    for name in sorted(os.listdir(seeds_dir)):
        if not name.endswith(".txt"):
            continue
        seed = name[:-4]
        truth_path = os.path.join(truth_dir, seed + ".json")
        if not os.path.exists(truth_path):
            print(f"{seed}: skipped (no truth file)")
            skipped += 1
            continue
        with open(truth_path, encoding="utf-8") as f:
            truth = json.load(f)
        try:
            if exported is not None:
                with open(os.path.join(exported, seed + ".json"), encoding="utf-8") as f:
                    ours = json.load(f)
            else:
                with tempfile.TemporaryDirectory() as tmpdir:
                    ours = export_with_cli(cli, os.path.join(seeds_dir, name), tmpdir)
        except (subprocess.CalledProcessError, OSError, ValueError) as e:
            detail = getattr(e, "stderr", None)
            detail = detail.decode("utf-8", "replace").strip() if detail else str(e)
            print(f"{seed}: FAILED to import/export: {detail}")
            failed += 1
            continue
        result = compare(seed, truth, ours)
        for m in result.mismatches:
            print(f"{seed}: {m}")
        if result.mismatches:
            print(f"{seed}: {len(result.mismatches)} mismatches")
            failed += 1
        else:
            print(f"{seed}: ok")
            passed += 1

    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
