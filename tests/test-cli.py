#!/usr/bin/env python3
"""Drives the real qingshan-cli: every command, its --help, exit codes and
one-line errors, and the round trip file -> workspace -> file."""
import glob
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

CLI = os.environ.get("QS_CLI", "qingshan-cli")
SOURCE = os.environ.get("QS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), ".."))
SAMPLES = sorted(glob.glob(os.path.join(SOURCE, "resources", "samples", "*.qsplan")))

passed = failed = 0


def run(*args, check=None):
    proc = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)
    return proc


def case(name):
    def wrap(func):
        global passed, failed
        try:
            func()
        except AssertionError as e:
            failed += 1
            print(f"FAIL {name}: {e}")
        else:
            passed += 1
            print(f"ok {name}")
        return func
    return wrap


def one_line_error(proc):
    assert proc.returncode != 0, f"expected failure, got 0: {proc.stdout[:200]}"
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {proc.stderr!r}"
    assert lines[0].startswith("qingshan-cli: "), lines[0]
    return lines[0]


tmp = tempfile.mkdtemp(prefix="qs-cli-test-")
try:
    @case("help for every command")
    def _():
        top = run("--help")
        assert top.returncode == 0 and "validate" in top.stdout and "workspace" in top.stdout
        for cmd in ("validate", "export", "workspace", "import"):
            p = run(cmd, "--help")
            assert p.returncode == 0, (cmd, p.stderr)
            assert cmd in p.stdout or "Usage" in p.stdout or "用法" in p.stdout, (cmd, p.stdout)

    @case("unknown command and option fail with one line")
    def _():
        one_line_error(run("frobnicate"))
        one_line_error(run("export", "--no-such-option"))
        one_line_error(run("export", "--format", "yaml", "x.qsplan"))

    @case("samples exist")
    def _():
        assert len(SAMPLES) >= 4, f"expected the four sample plans in resources/samples, found {SAMPLES}"

    @case("validate accepts the samples")
    def _():
        for path in SAMPLES:
            p = run("validate", path)
            assert p.returncode == 0, p.stderr
            assert p.stdout.strip().endswith(": ok")

    @case("validate reports a schema error with a line number")
    def _():
        bad = os.path.join(tmp, "bad.qsplan")
        with open(SAMPLES[0], encoding="utf-8") as f:
            text = f.read()
        # An element the schema does not know, on its own line.
        head, sep, rest = text.partition("\n")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(head + sep + rest.replace(">", "><frobnicate/>", 1))
        line = one_line_error(run("validate", bad))
        assert "bad.qsplan:" in line, line

    @case("validate refuses a DOCTYPE and a missing file")
    def _():
        evil = os.path.join(tmp, "evil.qsplan")
        with open(evil, "w") as f:
            f.write('<?xml version="1.0"?>\n<!DOCTYPE plan [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                    '<plan>&x;</plan>\n')
        one_line_error(run("validate", evil))
        one_line_error(run("validate", os.path.join(tmp, "missing.qsplan")))

    @case("export json follows the contract")
    def _():
        for path in SAMPLES:
            p = run("export", path, "--format", "json")
            assert p.returncode == 0, p.stderr
            doc = json.loads(p.stdout)
            for key in ("title", "region", "level", "period", "chapters", "indicator_tables", "task_tables"):
                assert key in doc, key
            assert doc["level"] in ("municipal", "district", "county")
            for table in doc["indicator_tables"]:
                assert table["rows"], table["caption"]
                for row in table["rows"]:
                    assert set(row["values"]) <= set(table["columns"]), row["values"].keys()
                    for column, parsed in row["parsed"].items():
                        assert parsed["kind"] != "unreadable" or row["values"][column], parsed

    @case("workspace add, list, show, export, remove")
    def _():
        db = os.path.join(tmp, "ws.qsdb")
        ids = []
        for path in SAMPLES:
            p = run("workspace", "--db", db, "add", path)
            assert p.returncode == 0, p.stderr
            ids.append(int(p.stdout.strip()))
        listing = run("workspace", "--db", db, "list")
        assert listing.returncode == 0, listing.stderr
        assert len(listing.stdout.strip().splitlines()) == len(SAMPLES)
        show = run("workspace", "--db", db, "show", str(ids[0]))
        assert show.returncode == 0 and show.stdout.strip(), show.stderr
        # file -> workspace -> file is the same document
        for plan_id, path in zip(ids, SAMPLES):
            a = run("export", path, "--format", "json").stdout
            b = run("export", "--workspace", db, "--plan", str(plan_id), "--format", "json").stdout
            assert a == b, f"json differs after the workspace round trip: {path}"
            out = os.path.join(tmp, f"rt-{plan_id}.qsplan")
            p = run("export", "--workspace", db, "--plan", str(plan_id), "--format", "xml", "-o", out)
            assert p.returncode == 0, p.stderr
            with open(out, encoding="utf-8") as f1, open(path, encoding="utf-8") as f2:
                assert f1.read() == f2.read(), f"xml differs after the workspace round trip: {path}"
        p = run("workspace", "--db", db, "remove", str(ids[0]))
        assert p.returncode == 0, p.stderr
        assert len(run("workspace", "--db", db, "list").stdout.strip().splitlines()) == len(SAMPLES) - 1
        one_line_error(run("workspace", "--db", db, "show", str(ids[0])))
        one_line_error(run("workspace", "--db", db, "remove", "abc"))
        one_line_error(run("workspace", "--db", db, "explode"))
        con = sqlite3.connect(db)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()

    @case("a non-database file is refused and left unchanged")
    def _():
        junk = os.path.join(tmp, "junk.qsdb")
        data = os.urandom(8192)
        with open(junk, "wb") as f:
            f.write(data)
        one_line_error(run("workspace", "--db", junk, "list"))
        one_line_error(run("workspace", "--db", junk, "add", SAMPLES[0]))
        with open(junk, "rb") as f:
            assert f.read() == data

    @case("list on a missing workspace fails and creates nothing")
    def _():
        missing = os.path.join(tmp, "nowhere.qsdb")
        one_line_error(run("workspace", "--db", missing, "list"))
        assert not os.path.exists(missing)

    @case("export writes atomically to -o")
    def _():
        out = os.path.join(tmp, "out.json")
        p = run("export", SAMPLES[0], "--format", "json", "-o", out)
        assert p.returncode == 0 and p.stdout == "", p.stderr
        with open(out, encoding="utf-8") as f:
            json.load(f)
        leftovers = [n for n in os.listdir(tmp) if n.startswith("out.json.")]
        assert not leftovers, leftovers
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
