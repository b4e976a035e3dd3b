#!/usr/bin/env python3
"""Drives `qingshan-cli compare` on the sample plans: CSV (byte order mark,
CRLF, RFC 4180 quoting, read back by Python's csv module and, when
LibreOffice is installed, by Calc headless with the Chinese intact), JSON,
PDF (pdftotext shows the districts and figures), filters, sorting, plans
given by workspace id, and one-line errors.  Installs nothing: the
LibreOffice and poppler parts skip, saying so, when the tools are absent."""
import csv
import glob
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

CLI = os.environ.get("QS_CLI", "qingshan-cli")
SOURCE = os.environ.get("QS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), ".."))
SAMPLES = os.path.join(SOURCE, "resources", "samples")
DISTRICTS = sorted(glob.glob(os.path.join(SAMPLES, "district-*.qsplan")))
MUNICIPAL = os.path.join(SAMPLES, "municipal-2016-2020-004.qsplan")
BOM = b"\xef\xbb\xbf"

passed = failed = skipped = 0


def run(*args, cmd="compare"):
    return subprocess.run([CLI, cmd, *args], capture_output=True, timeout=180)


def case(name):
    def wrap(func):
        global passed, failed, skipped
        try:
            result = func()
        except AssertionError as e:
            failed += 1
            print(f"not ok {passed + failed + skipped} {name}: {e}")
        else:
            if isinstance(result, str):
                skipped += 1
                print(f"ok {passed + failed + skipped} {name} # SKIP {result}")
            else:
                passed += 1
                print(f"ok {passed + failed + skipped} {name}")
        return func
    return wrap


def compare(*extra, fmt="csv"):
    out = os.path.join(tmp, f"matrix-{abs(hash(extra))}.{fmt}")
    p = run(*DISTRICTS, "--against", MUNICIPAL, "--format", fmt, "-o", out, *extra)
    assert p.returncode == 0, p.stderr.decode()
    assert p.stderr == b"", p.stderr.decode()
    with open(out, "rb") as f:
        return f.read()


def csv_rows(data):
    assert data.startswith(BOM), data[:16]
    text = data[len(BOM):].decode("utf-8")
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


def by_name(rows):
    header = rows[0]
    return header, {r[header.index("指标编号")]: dict(zip(header, r)) for r in rows[1:]}


tmp = tempfile.mkdtemp(prefix="qs-compare-cli-")
print("TAP version 13")

if len(DISTRICTS) != 3 or not os.path.exists(MUNICIPAL):
    print(f"1..0 # SKIP the sample plans are not in {SAMPLES}")
    sys.exit(0)


@case("csv: BOM, CRLF line ends, RFC 4180, the figures of the samples")
def _():
    data = compare()
    assert data.startswith(BOM + "领域,指标,指标编号".encode())
    body = data[len(BOM):]
    # Every line ends in CRLF; no bare LF or CR outside quoted fields.
    assert body.endswith(b"\r\n")
    assert body.count(b"\n") == body.count(b"\r\n")
    rows = csv_rows(data)
    width = len(rows[0])
    assert width == 7 + 3 * 5, width
    assert all(len(r) == width for r in rows), "ragged rows"
    assert len(rows) == 1 + 37, len(rows)
    header, rows = by_name(rows)
    pm = rows["pm25_concentration"]
    assert pm["指标"] == "细颗粒物（PM2.5）年均浓度"
    assert pm["市级目标"] == "45.6"
    assert pm["大渡口区对照结果"] == "缺失"
    assert (pm["江津区目标值"], pm["江津区对照结果"], pm["江津区标记"]) == ("≤32", "符合", "最弱")
    assert (pm["黔江区目标值"], pm["黔江区对照结果"], pm["黔江区标记"]) == ("≤28", "符合", "最严")
    fc = rows["forest_coverage"]
    assert (fc["大渡口区基准值"], fc["大渡口区目标值"], fc["大渡口区对照结果"], fc["大渡口区标记"]) == \
        ("33.67", "32", "弱于基准", "最弱")
    assert "低于基准值 33.67" in fc["大渡口区说明"]


@case("csv opens in LibreOffice Calc headless with the Chinese intact")
def _():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return "LibreOffice (soffice) is not installed: the BOM and quoting were checked above"
    profile = "file://" + os.path.join(tmp, "lo-profile")
    outdir = os.path.join(tmp, "calc-out")

    def to_xlsx(src):
        # Calc 7.4 headless does not sniff the byte order mark (its import
        # dialog asks instead; Excel and WPS use the BOM): the filter
        # options name UTF-8 (76), comma (44) and double quote (34).
        p = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                            "--infilter=CSV:44,34,76,1",
                            "--convert-to", "xlsx", "--outdir", outdir, src],
                           capture_output=True, timeout=240)
        xlsx = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + ".xlsx")
        return p, xlsx

    os.makedirs(os.path.join(tmp, "calc"), exist_ok=True)
    probe = os.path.join(tmp, "calc", "probe.csv")
    with open(probe, "wb") as f:
        f.write(b"a,b\r\n1,2\r\n")
    p, xlsx = to_xlsx(probe)
    if not os.path.exists(xlsx):
        # soffice without its Calc component (Debian's libreoffice-calc)
        # loads no CSV at all, ours or any.
        return "soffice cannot open even a two-line CSV (is libreoffice-calc installed?)"

    src = os.path.join(tmp, "calc", "对照.csv")
    with open(src, "wb") as f:
        f.write(compare())
    p, xlsx = to_xlsx(src)
    assert p.returncode == 0 and os.path.exists(xlsx), (p.returncode, p.stdout, p.stderr)
    with zipfile.ZipFile(xlsx) as z:
        strings = z.read("xl/sharedStrings.xml").decode("utf-8")
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    # A shared string may be split into runs by font (CJK / Latin): join them.
    cells = {"".join(re.findall(r"<t[^>]*>([^<]*)</t>", si))
             for si in re.findall(r"<si>(.*?)</si>", strings, re.S)}
    for text in ("领域", "细颗粒物（PM2.5）年均浓度", "大渡口区对照结果", "弱于基准", "≤28"):
        assert text in cells, f"“{text}” is not a cell of the workbook"
    assert any("目标 32 低于基准值 33.67，森林覆盖率越高越好" in c for c in cells)
    # One spreadsheet row per CSV line: no field split at a comma inside quotes.
    assert sheet.count("<row ") == 38, sheet.count("<row ")


@case("json: plans, filters, cells, strictest and weakest")
def _():
    doc = json.loads(compare("--field", "生态保护", fmt="json"))
    assert doc["format"] == "qingshan-compare"
    assert [p["label"] for p in doc["plans"]] == ["大渡口区", "江津区", "黔江区"]
    assert doc["against"]["period"] == "2016-2020"
    assert doc["filters"] == {"field": "生态保护", "attribute": None, "status": None}
    assert {r["field"] for r in doc["rows"]} == {"生态保护"}
    fc = next(r for r in doc["rows"] if r["indicator_id"] == "forest_coverage")
    marks = [(c["plan"], c["strictest"], c["weakest"]) for c in fc["cells"]]
    assert marks == [("大渡口区", False, True), ("江津区", False, False), ("黔江区", True, False)], marks


@case("filters by status and attribute, sort by an indicator")
def _():
    doc = json.loads(compare("--status", "falls-short", fmt="json"))
    assert [r["indicator_id"] for r in doc["rows"]] == ["eco_redline_share", "builtup_green_land_ratio"]
    doc = json.loads(compare("--attribute", "预期性", "--status", "missing", fmt="json"))
    assert [r["indicator_id"] for r in doc["rows"]] == ["water_section_exceedance_ratio"]
    doc = json.loads(compare("--sort-by", "细颗粒物(PM2.5)年平均浓度", fmt="json"))
    assert [p["label"] for p in doc["plans"]] == ["黔江区", "江津区", "大渡口区"]
    doc = json.loads(compare("--sort-by", "forest_coverage", "--weakest-first", fmt="json"))
    assert [p["label"] for p in doc["plans"]] == ["大渡口区", "江津区", "黔江区"]
    header = csv_rows(compare("--sort-by", "pm25_concentration"))[0]
    assert header[7:9] == ["黔江区基准值", "黔江区目标值"], header[7:9]


@case("pdf: landscape pages showing the districts and figures")
def _():
    data = compare(fmt="pdf")
    assert data.startswith(b"%PDF-")
    if shutil.which("pdftotext") is None:
        return "pdftotext (poppler-utils) is not installed"
    path = os.path.join(tmp, "matrix.pdf")
    with open(path, "wb") as f:
        f.write(data)
    text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    for word in ("规划指标对照表", "大渡口区", "江津区", "黔江区", "森林覆盖率", "33.67", "≤28", "≥65",
                 "弱于基准", "缺失", "最严", "最弱"):
        assert word in flat, f"“{word}” is not in the PDF text"
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    w, h = (float(x) for x in size.split(":")[1].split("pts")[0].split("x"))
    assert w > h, f"not landscape: {size}"


@case("plans given by workspace id")
def _():
    db = os.path.join(tmp, "ws.db")
    ids = []
    for path in [*DISTRICTS, MUNICIPAL]:
        p = run("--db", db, "add", path, cmd="workspace")
        assert p.returncode == 0, p.stderr.decode()
        ids.append(p.stdout.decode().strip())
    out = os.path.join(tmp, "ws.json")
    p = run("--workspace", db, *ids[:3], "--against", ids[3], "--format", "json", "-o", out)
    assert p.returncode == 0, p.stderr.decode()
    with open(out, encoding="utf-8") as f:
        from_db = json.load(f)
    from_files = json.loads(compare(fmt="json"))
    assert from_db["rows"] == from_files["rows"]


@case("csv and json go to standard output without -o")
def _():
    p = run(*DISTRICTS, "--format", "csv")
    assert p.returncode == 0, p.stderr.decode()
    rows = csv_rows(p.stdout)
    # Without a municipal plan: only what the plans have, nothing missing.
    assert all(r[rows[0].index("大渡口区对照结果")] != "缺失" for r in rows[1:])
    assert all(r[5] == "" for r in rows[1:])


@case("errors are one line with exit status 1 or 2")
def _():
    for args, words in (
        ([*DISTRICTS, "--format", "xls", "-o", os.path.join(tmp, "x")], "xls"),
        ([*DISTRICTS, "--format", "pdf"], "-o"),
        ([*DISTRICTS], "--format"),
        (["--format", "csv"], "PLAN"),
        ([*DISTRICTS, "--format", "csv", "--status", "excellent"], "excellent"),
        ([*DISTRICTS, "--format", "csv", "--attribute", "重要"], "重要"),
        ([*DISTRICTS, "--format", "csv", "--field", "环保质量"], "环境质量"),
        ([*DISTRICTS, "--format", "csv", "--sort-by", "没有这个指标"], "没有这个指标"),
        ([os.path.join(tmp, "nope.qsplan"), "--format", "csv"], "nope.qsplan"),
        ([*DISTRICTS, "--format", "csv", "--bogus"], "bogus"),
    ):
        p = run(*args)
        assert p.returncode in (1, 2), (args, p.returncode)
        lines = p.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and words in lines[0], p.stderr.decode()


print(f"1..{passed + failed + skipped}")
shutil.rmtree(tmp, ignore_errors=True)
sys.exit(1 if failed else 0)
