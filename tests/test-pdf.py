#!/usr/bin/env python3
"""Prints plans and their indicator tables with `qingshan-cli pdf` and reads
the PDFs back with poppler's tools (pdftotext, pdffonts, pdfinfo): every
indicator name and value in reading order, fonts embedded and subset, the
header repeated on every page of a long table, landscape for a wide table,
metadata, and bad tables that still print sensibly.

The plans are the samples (resources/samples/*.qsplan) and, built at test
time from ../shared/truth, one plan per seed; tables made up here cover the
rest.  Ends with "N passed, N failed"."""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

CLI = os.environ.get("QS_CLI", "qingshan-cli")
SOURCE = os.environ.get("QS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), ".."))
SHARED = os.environ.get("QS_SHARED_DIR", os.path.join(SOURCE, "..", "shared"))
SAMPLES = sorted(glob.glob(os.path.join(SOURCE, "resources", "samples", "*.qsplan")))
TRUTH = sorted(glob.glob(os.path.join(SHARED, "truth", "[0-9]*.json")))
NS = "https://qingshan.org/ns/qsplan/1"

passed = failed = 0


def case(name):
    def wrap(func):
        global passed, failed
        try:
            func()
        except AssertionError as e:
            failed += 1
            print(f"FAIL {name}: {e}")
        except subprocess.TimeoutExpired as e:
            failed += 1
            print(f"FAIL {name}: timed out: {e}")
        else:
            passed += 1
            print(f"ok {name}")
        return func
    return wrap


# Under AddressSanitizer, LeakSanitizer's table of suppressions would add
# lines to the one-line errors checked here.
ENV = dict(os.environ)
if "LSAN_OPTIONS" in ENV:
    ENV["LSAN_OPTIONS"] += ":print_suppressions=0"


def run(*args, timeout=120):
    return subprocess.run([*args], capture_output=True, text=True, timeout=timeout, env=ENV)


def cli(*args, timeout=120):
    return run(CLI, *args, timeout=timeout)


def pdf(plan, out, *args, timeout=120):
    p = cli("pdf", plan, "-o", out, *args, timeout=timeout)
    assert p.returncode == 0, f"pdf {os.path.basename(plan)} {' '.join(args)} failed: {p.stderr.strip()}"
    assert "CRITICAL" not in p.stderr and "WARNING" not in p.stderr, p.stderr[:500]
    assert os.path.getsize(out) > 0, f"{out} is empty"
    return out


def squash(text):
    return re.sub(r"\s+", "", text)


def text_of(path, *args):
    p = run("pdftotext", *args, path, "-")
    assert p.returncode == 0, p.stderr
    return p.stdout


def info(path):
    p = run("pdfinfo", path)
    assert p.returncode == 0, p.stderr
    fields = {}
    for line in p.stdout.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def n_pages(path):
    return int(info(path)["Pages"])


def page_text(path, page, *args):
    return text_of(path, "-f", str(page), "-l", str(page), *args)


def in_order(haystack, needles, what):
    """Each needle (white space removed) occurs after the previous one."""
    pos = 0
    for n in needles:
        n = squash(n)
        if not n:
            continue
        i = haystack.find(n, pos)
        assert i >= 0, (f"{what}: “{n[:40]}” missing or out of order after "
                        f"…{haystack[max(0, pos - 40):pos]}")
        pos = i + len(n)


def in_layout(layout, cell):
    """A cell wrapped over several lines meets the other columns' text
    between its lines in pdftotext -layout: look for its characters in order,
    close together."""
    cell = squash(cell)
    if not cell or cell in layout:
        return True
    start = layout.find(cell[0])
    while start >= 0:
        pos = start
        for ch in cell:
            pos = layout.find(ch, pos)
            if pos < 0 or pos - start > 40 * len(cell) + 200:
                break
            pos += 1
        else:
            return True
        start = layout.find(cell[0], start + 1)
    return False


# Plans written here -------------------------------------------------------

ROLES = [
    ("类别", "category"), ("领域", "category"), ("序号", "number"),
    ("单位", "unit"), ("属性", "attribute"), ("指标类别", "attribute"),
    ("完成情况", "status"), ("是否完成", "status"), ("备注", "remark"),
    ("增减", "change"), ("目标", "target"), ("现状", "baseline"),
    ("基准", "baseline"), ("实际", "actual"), ("指标", "name"),
]


def guess_role(header):
    h = squash(header)
    if h == "":
        return "subname"
    if h == "指标类别":
        return "attribute"
    for key, role in ROLES:
        if key in h:
            return role
    return "other"


def text_el(tag, text):
    return f"<{tag}>{escape(text)}</{tag}>"


def indicator_table_xml(caption, columns, rows, notes=(), label=None):
    out = ["<indicator-table>"]
    if label:
        out.append(text_el("label", label))
    out.append(text_el("caption", caption))
    if columns:
        out.append("<columns>")
        for c in columns:
            out.append(f'<column role="{guess_role(c)}">{escape(c)}</column>')
        out.append("</columns>")
    if rows:
        out.append("<rows>")
        for r in rows:
            cells = r["cells"] if isinstance(r, dict) else r
            out.append("<row>")
            if isinstance(r, dict):
                for key in ("category", "number", "name", "indicator", "unit", "attribute", "parent"):
                    if r.get(key):
                        out.append(text_el(key, r[key]))
            out.extend(text_el("cell", c) for c in cells)
            out.append("</row>")
        out.append("</rows>")
    if notes:
        out.append("<notes>" + "".join(text_el("note", n) for n in notes) + "</notes>")
    out.append("</indicator-table>")
    return "".join(out)


def plan_xml(title, chapters, region="示例区"):
    """chapters: list of (number, title, [block xml], [(number, title, [block xml])])."""
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<plan xmlns="{NS}" version="1" level="district" '
           f'start-year="2021" end-year="2025">', text_el("title", title), text_el("region", region),
           "<chapters>"]
    for number, ctitle, blocks, sections in chapters:
        out.append(f'<section kind="chapter" number="{number}">' + text_el("title", ctitle))
        out.extend(blocks)
        for snumber, stitle, sblocks in sections:
            out.append(f'<section kind="section" number="{snumber}">' + text_el("title", stitle))
            out.extend(sblocks)
            out.append("</section>")
        out.append("</section>")
    out.append("</chapters></plan>\n")
    return "".join(out)


def paragraph_xml(text):
    return f'<paragraph kind="body">{escape(text)}</paragraph>'


def plan_from_truth(truth):
    """A plan with the seed's chapters, sections and indicator tables, each
    table in the chapter whose heading precedes its caption."""
    chapters = []
    for ch in truth.get("chapters", []):
        sections = [(s.get("number", i + 1), s.get("title", ""), []) for i, s in enumerate(ch.get("sections", []))]
        chapters.append([ch.get("number", len(chapters) + 1), ch.get("title", ""), [], sections, ch.get("line", 0)])
    if not chapters:
        chapters.append([1, "指标", [], [], 0])
    for t in truth.get("indicator_tables", []):
        line = t.get("caption_line", 0)
        target = chapters[0]
        for ch in chapters:
            if ch[4] <= line:
                target = ch
        rows = [{"category": r.get("category"), "number": r.get("number"), "name": r.get("name"),
                 "indicator": r.get("indicator"), "unit": r.get("unit"), "attribute": r.get("attribute"),
                 "cells": r["cells"]} for r in t["rows"]]
        target[2].append(indicator_table_xml(t["caption"], t["columns"], rows, t.get("notes") or (),
                                             label=t.get("id")))
    for ch in chapters:
        # Made-up prose (the seeds' own sentences stay in ../shared).
        filler = "本章内容从略，此处以占位文字检验正文的排版、两端对齐、首行缩进和跨页分行。" * 6
        ch[2].insert(0, paragraph_xml(filler))
        for s in ch[3]:
            s[2].append(paragraph_xml(filler))
    return plan_xml(truth.get("title") or "规划", [(c[0], c[1], c[2], c[3]) for c in chapters],
                    region=truth.get("region") or "示例区")


HEADERS = ["类别", "序号", "指标", "单位", "2020年\n现状值", "2025年目标值", "指标属性"]


def synthetic_rows(n, categories=("环境质量", "污染减排", "生态保护")):
    rows = []
    per = max(1, n // len(categories))
    for i in range(n):
        cat = categories[min(i // per, len(categories) - 1)]
        first = i == 0 or cat != categories[min((i - 1) // per, len(categories) - 1)]
        name = f"第{i + 1}项指标达标率"
        rows.append({"category": cat, "number": str(i + 1), "name": name, "indicator": name,
                     "unit": "%", "attribute": "约束性" if i % 2 else "预期性",
                     "cells": [cat if first else "", str(i + 1), name, "%", f"{50 + i % 50}.{i % 10}",
                               f"≥{60 + i % 40}", "约束性" if i % 2 else "预期性"]})
    return rows


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def table_json(plan_path):
    """The plan's indicator tables as the JSON export gives them."""
    p = cli("export", plan_path, "--format", "json")
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout).get("indicator_tables", [])


def row_sequence(table, row):
    """What a reader meets in a row, in order: the name, then the values
    (the number, category and other structural cells are left out)."""
    values = row.get("values") or {}
    seq = [row.get("name") or ""]
    for c in table.get("columns", []):
        # A cell already met (a sub-item's name read as its value) is not met twice.
        if values.get(c) and squash(values[c]) != squash(seq[-1]):
            seq.append(values[c])
    return seq


tmp = tempfile.mkdtemp(prefix="qs-pdf-test-")
try:
    plans = list(SAMPLES)
    for t in TRUTH:
        with open(t, encoding="utf-8") as f:
            truth = json.load(f)
        plans.append(write(os.path.join(tmp, os.path.basename(t).replace(".json", ".qsplan")),
                           plan_from_truth(truth)))
    if not TRUTH:
        print(f"# {SHARED}/truth is absent: the seed plans are skipped")
    if not SAMPLES:
        print("# resources/samples has no .qsplan yet: only plans made here are printed")

    small = write(os.path.join(tmp, "small.qsplan"), plan_xml("小表测试规划", [
        (2, "主要目标", [indicator_table_xml("表2-1 主要指标", HEADERS, synthetic_rows(6),
                                           ["注：带*的指标为约束性指标。"], label="表2-1")], [])]))
    long_rows = synthetic_rows(300)
    long_plan = write(os.path.join(tmp, "long.qsplan"), plan_xml("长表测试规划", [
        (2, "主要目标", [indicator_table_xml("表2-1 三百行指标", HEADERS, long_rows, label="表2-1")], [])]))
    wide_headers = ["类别", "序号", "指标名称", "单位"] + [f"{y}年实际值" for y in range(2011, 2021)] + ["2025年目标值", "备注"]
    wide_rows = [[("大气" if i == 0 else ""), str(i + 1), f"第{i + 1}项污染物排放量", "万吨"] +
                 [f"{100 + i * 3 + k}.{k}" for k in range(10)] + [f"≤{90 + i}", "预期性"] for i in range(8)]
    wide_plan = write(os.path.join(tmp, "wide.qsplan"), plan_xml("宽表测试规划", [
        (2, "主要目标", [indicator_table_xml("表2-2 历年排放量", wide_headers, wide_rows, label="表2-2")], [])]))

    def check_tables(plan, out):
        tables = table_json(plan)
        raw = squash(text_of(out, "-raw"))
        layout = squash(text_of(out, "-layout"))
        assert tables, f"{os.path.basename(plan)}: the JSON export lists no indicator table"
        for t in tables:
            sequence = []
            for row in t["rows"]:
                seq = row_sequence(t, row)
                sequence.extend(seq)
                # (The category is the row's meaning, not always the cell as
                # written, so it is checked on the tables made here.)
                for c in seq:
                    assert in_layout(layout, c), f"“{c[:40]}” missing from pdftotext -layout"
            in_order(raw, sequence, f"{os.path.basename(plan)} {t.get('caption', '')[:20]}")

    for plan in plans + [small]:
        name = os.path.basename(plan)

        @case(f"{name}: indicator tables have every name and value in reading order")
        def _():
            out = pdf(plan, os.path.join(tmp, name + ".pdf"), "--tables", "indicators")
            check_tables(plan, out)

        @case(f"{name}: fonts embedded and subset, metadata title")
        def _():
            out = os.path.join(tmp, name + ".pdf")
            if not os.path.exists(out):
                pdf(plan, out, "--tables", "indicators")
            p = run("pdffonts", out)
            assert p.returncode == 0, p.stderr
            lines = p.stdout.splitlines()[2:]
            assert lines, "pdffonts lists no font"
            for line in lines:
                cols = line.split()
                # name type… encoding emb sub uni id gen
                emb, sub = cols[-5], cols[-4]
                assert emb == "yes" and sub == "yes", f"font not embedded and subset: {line}"
                assert re.match(r"^[A-Z]{6}\+", cols[0]), f"font name without subset tag: {line}"
            fields = info(out)
            assert fields.get("Title"), f"no Title in {fields}"
            assert fields.get("Creator") == "Qingshan", fields.get("Creator")

        @case(f"{name}: whole plan prints with contents and every chapter")
        def _():
            out = pdf(plan, os.path.join(tmp, name + "-plan.pdf"))
            text = squash(text_of(out))
            assert "目录" in text, "no table of contents"
            first = squash(page_text(out, 1))
            assert "第1页" not in first, "the title page carries a page number"
            assert f"共{n_pages(out)}页" in squash(page_text(out, 2)), "page 2 has no “第 N 页 共 M 页”"
            with open(out, "rb") as f:
                data = f.read()
            assert b"/Outlines" in data, "no PDF outline"
            check_tables(plan, out)
            # A plan with a review table of the last period carries its
            # completion chart in the flow, right after that table.
            # Whether it has one, `qingshan-cli chart --kind completion` says.
            has_review = cli("chart", plan, "--kind", "completion", "-o",
                             os.path.join(tmp, name + "-completion.svg")).returncode == 0
            if has_review:
                assert "目标完成情况" in text, "no completion chart in the whole plan"
                p = run("pdffonts", out)
                for line in p.stdout.splitlines()[2:]:
                    assert line.split()[-5] == "yes", f"font not embedded: {line}"

    @case("small table fits on one portrait page")
    def _():
        out = pdf(small, os.path.join(tmp, "small.pdf"), "--tables", "indicators")
        assert n_pages(out) == 1, f"{n_pages(out)} pages"
        assert info(out)["Page size"].startswith("595.276 x 841.89"), info(out)["Page size"]
        text = page_text(out, 1, "-layout")
        assert "表2-1 主要指标" in text, "caption missing"
        assert "注：带*的指标为约束性指标。" in text, "note missing"
        assert "第1页共1页" in squash(text), "page number missing"
        # The caption is above the table and the note below it.
        assert text.index("表2-1") < text.index("第1项指标") < text.index("注："), "caption/table/note order"

    @case("long table repeats its header on every page")
    def _():
        out = pdf(long_plan, os.path.join(tmp, "long.pdf"), "--tables", "indicators")
        pages = n_pages(out)
        assert 6 <= pages <= 20, f"{pages} pages for 300 rows"
        for page in range(1, pages + 1):
            text = squash(page_text(out, page))
            for h in ("类别", "序号", "指标", "2025年目标值", "指标属性"):
                assert h in text, f"page {page} lacks the header “{h}”"
            assert f"第{page}页共{pages}页" in text, f"page {page} lacks its number"
            if page > 1:
                assert "（续）" in text, f"page {page} lacks the continued caption"
                # The category of a group that crosses the page is repeated.
                assert any(c in text for c in ("环境质量", "污染减排", "生态保护")), f"page {page}: no category"
        in_order(squash(text_of(out, "-raw")), [c for r in long_rows for c in r["cells"]], "long table")

    @case("wide table goes on landscape pages, --portrait overrides")
    def _():
        out = pdf(wide_plan, os.path.join(tmp, "wide.pdf"), "--tables", "indicators")
        assert info(out)["Page size"].startswith("841.89 x 595.276"), info(out)["Page size"]
        out = pdf(wide_plan, os.path.join(tmp, "wide-p.pdf"), "--tables", "indicators", "--portrait")
        assert info(out)["Page size"].startswith("595.276 x 841.89"), info(out)["Page size"]
        out = pdf(small, os.path.join(tmp, "small-l.pdf"), "--tables", "indicators", "--landscape")
        assert info(out)["Page size"].startswith("841.89 x 595.276"), info(out)["Page size"]

    @case("--tables CAPTION picks one table; no match is a one-line error")
    def _():
        plan = write(os.path.join(tmp, "two.qsplan"), plan_xml("两表规划", [
            (2, "目标", [indicator_table_xml("表2-1 甲表", HEADERS, synthetic_rows(3)),
                       indicator_table_xml("表2-2 乙表", HEADERS, synthetic_rows(4))], [])]))
        out = pdf(plan, os.path.join(tmp, "two.pdf"), "--tables", "乙表")
        text = text_of(out)
        assert "乙表" in text and "甲表" not in text, text[:200]
        p = cli("pdf", plan, "--tables", "丙表", "-o", os.path.join(tmp, "none.pdf"))
        assert p.returncode != 0 and len(p.stderr.strip().splitlines()) == 1, p.stderr
        assert p.stderr.startswith("qingshan-cli: ") and "丙表" in p.stderr, p.stderr
        assert not os.path.exists(os.path.join(tmp, "none.pdf"))

    @case("bad tables print sensibly: empty, 2,000 rows, a 5,000-character cell, extra cells")
    def _():
        huge = "超长单元格" * 1000
        extra = [["", "1", "多出单元格的行", "%", "1.0", "2.0", "约束性", "多余甲", "多余乙"]]
        plan = write(os.path.join(tmp, "bad.qsplan"), plan_xml("坏表规划", [
            (1, "坏表", [indicator_table_xml("表1-1 空表", HEADERS, []),
                       indicator_table_xml("表1-2 两千行", HEADERS, synthetic_rows(2000)),
                       indicator_table_xml("表1-3 超长单元格", ["序号", "指标", "备注"], [["1", "长备注", huge]]),
                       indicator_table_xml("表1-4 多出单元格", HEADERS, extra),
                       indicator_table_xml("表1-5 无列", [], [])], [])]))
        out = pdf(plan, os.path.join(tmp, "bad.pdf"), "--tables", "indicators", timeout=120)
        pages = n_pages(out)
        assert 30 < pages < 200, f"{pages} pages"
        text = squash(text_of(out))
        for caption in ("表1-1空表", "表1-2两千行", "表1-3超长单元格", "表1-4多出单元格", "表1-5无列"):
            assert caption in text, f"{caption} missing"
        assert "多余甲" in text and "多余乙" in text, "cells beyond the columns were dropped"
        assert "（接下页）" in text, "the split cell has no mark"
        assert text.count("超长单元格") >= 1000, "text of the long cell lost"
        # Nothing is drawn outside the page.
        bbox = text_of(out, "-bbox")
        for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">|'
                             r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)"', bbox):
            if m.group(1):
                w, h = float(m.group(1)), float(m.group(2))
            else:
                x0, y0, x1, y1 = (float(m.group(i)) for i in range(3, 7))
                assert 0 <= x0 and x1 <= w and 0 <= y0 and y1 <= h, f"word outside the page: {m.group(0)}"

    def assert_within_pages(out):
        bbox = text_of(out, "-bbox")
        w = h = 0.0
        for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">|'
                             r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)"', bbox):
            if m.group(1):
                w, h = float(m.group(1)), float(m.group(2))
            else:
                x0, y0, x1, y1 = (float(m.group(i)) for i in range(3, 7))
                assert 0 <= x0 and x1 <= w and 0 <= y0 and y1 <= h, f"word outside the page: {m.group(0)}"

    @case("runaway title, headings, caption and a category taller than a page stay on the page")
    def _():
        long_title = "很长的标题" * 600
        cat_rows = [{"category": "类" * 3000, "cells": ["类" * 3000, "1", "", "", "", "", ""]}] + \
                   [{"category": "类" * 3000, "cells": ["", str(i), "", "", "", "", ""]} for i in range(2, 4)]
        plan = write(os.path.join(tmp, "runaway.qsplan"), plan_xml(long_title, [
            (1, long_title, [paragraph_xml("正文" * 3000),
                             indicator_table_xml("表1-1 " + "超长表题" * 800, HEADERS, synthetic_rows(5)),
                             indicator_table_xml("表1-2 高类别", HEADERS, cat_rows)],
             [(1, long_title, [paragraph_xml("段落")])])]))
        for args in ((), ("--tables", "indicators")):
            out = pdf(plan, os.path.join(tmp, "runaway.pdf"), *args, timeout=120)
            assert n_pages(out) < 60, f"{n_pages(out)} pages"
            assert_within_pages(out)

    district = os.path.join(SOURCE, "resources", "samples", "district-2021-2025-000.qsplan")
    municipal = os.path.join(SOURCE, "resources", "samples", "municipal-2016-2020-004.qsplan")
    LABELS = {"meets": "符合", "falls-short": "未达要求", "weaker-than-baseline": "弱于基准",
              "pending": "待下达", "not-comparable": "不可比", "no-requirement": "无要求"}

    if not (os.path.exists(district) and os.path.exists(municipal)):
        print("# the district and municipal sample plans are absent: --check is not tested")
    else:
        @case("--check --against adds a check column with each row's verdict")
        def _():
            p = cli("check", district, "--against", municipal, "--format", "json")
            assert p.returncode == 0, p.stderr
            rows = json.loads(p.stdout)["rows"]
            assert rows, "the check found no rows"
            out = pdf(district, os.path.join(tmp, "check.pdf"), "--tables", "indicators",
                      "--check", "--against", municipal)
            text = squash(text_of(out))
            assert "检查" in text, "no check column header"
            # Each verdict's label appears at least as often as the check gives it.
            for status, label in LABELS.items():
                want = sum(1 for r in rows if r["status"] == status)
                assert text.count(label) >= want, f"“{label}” {text.count(label)} times, the check gives {want}"
            # Each row's verdict comes after its name, in reading order.
            raw = squash(text_of(out, "-raw"))
            in_order(raw, [x for r in rows for x in (r["name"], LABELS[r["status"]])][:2], "check column")
            plain = squash(text_of(pdf(district, os.path.join(tmp, "nocheck.pdf"), "--tables", "indicators")))
            assert "弱于基准" not in plain and "待下达" not in plain, "verdicts without --check"
            check_tables(district, out)

        @case("--check finds the municipal plan in the workspace; --against needs --check")
        def _():
            db = os.path.join(tmp, "check.qsdb")
            for plan in (district, municipal):
                p = cli("workspace", "--db", db, "add", plan)
                assert p.returncode == 0, p.stderr
            out = pdf(district, os.path.join(tmp, "check-ws.pdf"), "--tables", "indicators",
                      "--check", "--workspace", db)
            text = squash(text_of(out))
            assert "弱于基准" in text and "待下达" in text, "no verdicts from the workspace's municipal plan"
            p = cli("pdf", district, "--against", municipal, "-o", os.path.join(tmp, "x.pdf"))
            assert p.returncode != 0 and "--check" in p.stderr, p.stderr

    @case("fonts cut down before embedding give the very pages the whole fonts give")
    def _():
        whole_env = dict(ENV, QS_PDF_SYSTEM_FONTS="1")
        for plan, args in ((small, ("--tables", "indicators")), (long_plan, ("--tables", "indicators")),
                           (plans[0], ())):
            name = os.path.basename(plan)
            cut = pdf(plan, os.path.join(tmp, name + "-cut.pdf"), *args)
            whole = os.path.join(tmp, name + "-whole.pdf")
            p = subprocess.run([CLI, "pdf", plan, "-o", whole, *args], capture_output=True, text=True,
                               timeout=120, env=whole_env)
            assert p.returncode == 0, p.stderr
            # (The metadata holds the time of writing.)
            boxes = [re.sub(r"<meta [^>]*>", "", text_of(f, "-bbox")) for f in (cut, whole)]
            assert boxes[0] == boxes[1], f"{name}: the words lie elsewhere"
            sizes = [os.path.getsize(f) for f in (cut, whole)]
            assert sizes[0] <= sizes[1] * 1.1, f"{name}: {sizes[0]} bytes cut, {sizes[1]} whole"

    @case("errors: no output, unreadable plan, unwritable output")
    def _():
        p = cli("pdf", small)
        assert p.returncode != 0 and p.stderr.startswith("qingshan-cli: ") and "-o" in p.stderr, p.stderr
        p = cli("pdf", os.path.join(tmp, "missing.qsplan"), "-o", os.path.join(tmp, "x.pdf"))
        assert p.returncode != 0 and len(p.stderr.strip().splitlines()) == 1, p.stderr
        p = cli("pdf", small, "-o", os.path.join(tmp, "no-such-dir", "x.pdf"))
        assert p.returncode != 0 and len(p.stderr.strip().splitlines()) == 1, p.stderr
        assert "x.pdf" in p.stderr, p.stderr
        p = cli("pdf", small, "--landscape", "--portrait", "-o", os.path.join(tmp, "x.pdf"))
        assert p.returncode != 0, p.stderr
        p = cli("pdf", "--help")
        assert p.returncode == 0 and "--tables" in p.stdout, p.stdout

    @case("a failed export leaves the old PDF in place")
    def _():
        out = pdf(small, os.path.join(tmp, "keep.pdf"), "--tables", "indicators")
        before = open(out, "rb").read()
        p = cli("pdf", small, "--tables", "无此表", "-o", out)
        assert p.returncode != 0
        assert open(out, "rb").read() == before, "the old PDF was changed"
        leftovers = [f for f in os.listdir(tmp) if f.startswith("keep.pdf.")]
        assert not leftovers, leftovers
finally:
    # QS_PDF_TEST_KEEP=1 keeps the plans and PDFs to look at.
    if os.environ.get("QS_PDF_TEST_KEEP"):
        print(f"# kept {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
