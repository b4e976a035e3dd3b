#!/usr/bin/env python3
"""Makes resources/samples/*.qsplan from the real plans in ../shared/seeds.

Each seed is imported with qingshan-cli (so the samples hold the plans'
real structure, headings, figures and tables), then the prose is replaced by
short summaries of our own: a paragraph becomes the list of figures it
states, a task item keeps its name (the text before the first colon) and its
figures, a long table note keeps its opening words.  The project ships no
copied paragraphs.  A municipal plan also carries its requirements on
districts: the requirements document shipped for its region and period
(`qingshan-cli requirements --find`) is attached with `--set`.

Usage: tools/make-samples.py BUILD_DIR [SHARED_DIR]
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = "https://qingshan.org/ns/qsplan/1"
Q = "{%s}" % NS
ET.register_namespace("", NS)

FIGURE = re.compile(r"(?:(?:19|20)\d{2}年)|(?:[≥≤<>]?\d+(?:\.\d+)?(?:%|％|个百分点|万亩|万吨|万元|亿元|平方公里|公里|千米|天|吨|个|座|家|处|项|条|km|t)?)")


def figures(text):
    found = []
    for m in FIGURE.finditer(text or ""):
        f = m.group(0)
        if len(f) >= 2 and f not in found:
            found.append(f)
    return found


def summarise_paragraph(text):
    # Short lines (dates, sub-titles, issuing bodies) are facts, not prose.
    if len(re.sub(r"\s", "", text or "")) <= 30:
        return text
    figs = figures(text)
    chars = len(re.sub(r"\s", "", text or ""))
    if figs:
        return "（本段约%d字，要点数据：%s。）" % (chars, "、".join(figs[:12]))
    return "（本段约%d字，为论述性文字，样例从略。）" % chars


def summarise_item(text):
    text = text or ""
    head = re.split(r"[：:。]", text, maxsplit=1)[0]
    if len(head) > 16:
        head = head[:10] + "…"
    figs = figures(text[len(head):])
    if figs:
        return "%s：要点数据 %s。" % (head, "、".join(figs[:8]))
    return "%s：具体内容从略。" % head if len(text) > len(head) else head


def shorten(text, keep=16):
    flat = text or ""
    return flat if len(flat) <= 30 else flat[:keep] + "……（从略）"


def transform(path):
    tree = ET.parse(path)
    root = tree.getroot()
    for p in root.iter(Q + "paragraph"):
        text = "".join(p.itertext())
        for child in list(p):
            p.remove(child)
        p.text = summarise_paragraph(text)
    for item in root.iter(Q + "item"):
        if item.get("kind") == "heading":
            continue
        text = "".join(item.itertext())
        for child in list(item):
            item.remove(child)
        item.text = summarise_item(text)
    for note in root.iter(Q + "note"):
        note.text = shorten("".join(note.itertext()))
        for child in list(note):
            note.remove(child)
    for cell in root.iter(Q + "cell"):
        # Project-table cells can hold whole sentences; figures cells are short.
        text = "".join(cell.itertext())
        if len(text) > 60:
            for child in list(cell):
                cell.remove(child)
            cell.text = summarise_item(text)
    for source in root.iter(Q + "source-text"):
        # A suggested yearly value keeps its figures, not the sentence.
        text = "".join(source.itertext())
        for child in list(source):
            source.remove(child)
        figs = figures(text)
        source.text = "（原句从略，数据：%s）" % "、".join(figs[:8]) if figs else "（原句从略）"
    for year_values in root.iter(Q + "year-values"):
        for year_value in year_values.iter(Q + "value"):
            for name in year_value.iter(Q + "indicator"):
                if len(name.text or "") > 20:
                    name.text = name.text[:12] + "…"
    for definition in root.iter(Q + "definition"):
        text = "".join(definition.itertext())
        for child in list(definition):
            definition.remove(child)
        definition.text = summarise_paragraph(text)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def attach_requirements(cli, path):
    """A municipal plan carries its requirements on districts: the document
    shipped for its region and period (the lookup `check` falls back to)."""
    found = subprocess.run([cli, "requirements", path, "--find"], capture_output=True, text=True)
    if found.returncode != 0:
        print("no requirements document for", path, file=sys.stderr)
        return
    subprocess.run([cli, "requirements", path, "--set", found.stdout.strip()], check=True)


def main():
    build = sys.argv[1]
    shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
    cli = os.path.join(build, "app", "qingshan-cli")
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "samples")
    os.makedirs(out_dir, exist_ok=True)
    seeds = sorted(os.listdir(os.path.join(shared, "seeds")))
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            raw = os.path.join(tmp, "raw.qsplan")
            subprocess.run([cli, "import", os.path.join(shared, "seeds", seed), "-o", raw], check=True)
            transform(raw)
            export = subprocess.run([cli, "export", raw, "--format", "json"], check=True,
                                    capture_output=True, text=True)
            import json
            doc = json.loads(export.stdout)
            # ASCII file names: level, period and the seed's number.
            name = "%s-%s-%s.qsplan" % (doc["level"], doc["period"], seed.split("_")[0])
            if doc["level"] == "municipal":
                attach_requirements(cli, raw)
            subprocess.run([cli, "export", raw, "--format", "xml", "-o", os.path.join(out_dir, name)], check=True)
            print("wrote", name)


if __name__ == "__main__":
    main()
