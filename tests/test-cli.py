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
    @case("catalog: list, show, add an alias and an entry, export the extensions")
    def _():
        db = os.path.join(tmp, "catalog.qsdb")
        p = run("catalog", "--workspace", db, "--add-alias", "eco_redline_share", "红线面积比例（测试）")
        assert p.returncode == 0, p.stderr
        p = run("catalog", "--workspace", db, "--show", "eco_redline_share")
        assert p.returncode == 0, p.stderr
        assert "红线面积比例（测试）" in p.stdout, p.stdout
        entry = os.path.join(tmp, "entry.json")
        with open(entry, "w", encoding="utf-8") as f:
            json.dump({"id": "test_cli_entry", "name": "测试命令行指标", "unit": "%", "better": "higher"},
                      f, ensure_ascii=False)
        p = run("catalog", "--workspace", db, "--add-entry", entry)
        assert p.returncode == 0, p.stderr
        p = run("catalog", "--workspace", db, "--list")
        assert p.returncode == 0, p.stderr
        rows = [line.split("\t") for line in p.stdout.splitlines()]
        assert ["test_cli_entry", "测试命令行指标", "%", ""] in rows, rows[-3:]
        ids = [r[0] for r in rows]
        assert len(ids) == len(set(ids)) and "eco_redline_share" in ids
        p = run("catalog", "--workspace", db, "--export-extensions")
        assert p.returncode == 0, p.stderr
        doc = json.loads(p.stdout)
        by_id = {e["id"]: e for e in doc["indicators"]}
        assert set(by_id) == {"eco_redline_share", "test_cli_entry"}, by_id
        assert by_id["eco_redline_share"]["aliases"] == ["红线面积比例（测试）"]
        assert by_id["test_cli_entry"]["name"] == "测试命令行指标"
        # Adding the same alias twice changes nothing.
        assert run("catalog", "--workspace", db, "--add-alias", "eco_redline_share",
                   "红线面积比例（测试）").returncode == 0
        again = json.loads(run("catalog", "--workspace", db, "--export-extensions").stdout)
        assert again == doc, again
        # The built-in catalog without a workspace does not have them.
        plain = os.path.join(tmp, "plain.qsdb")
        p = run("catalog", "--workspace", plain, "--add-entry", os.path.join(tmp, "missing.json"))
        one_line_error(p)
        assert not os.path.exists(plain)
        assert run("workspace", "--db", db, "list").returncode == 0

    @case("catalog: errors are one line, nothing changes")
    def _():
        db = os.path.join(tmp, "catalog-errors.qsdb")
        assert run("catalog", "--workspace", db, "--add-alias", "eco_redline_share", "别名甲").returncode == 0
        before = run("catalog", "--workspace", db, "--export-extensions").stdout
        one_line_error(run("catalog", "--workspace", db, "--show", "no_such_indicator"))
        one_line_error(run("catalog", "--workspace", db, "--add-alias", "no_such_indicator", "x"))
        one_line_error(run("catalog", "--workspace", db, "--add-alias", "eco_redline_share"))
        one_line_error(run("catalog", "--workspace", db))
        one_line_error(run("catalog", "--workspace", db, "--list", "--export-extensions"))
        bad = os.path.join(tmp, "bad-entry.json")
        with open(bad, "w", encoding="utf-8") as f:
            f.write('{"id": "broken", "aliases": "not a list"}')
        one_line_error(run("catalog", "--workspace", db, "--add-entry", bad))
        with open(bad, "w", encoding="utf-8") as f:
            f.write('{"indicators": [')
        one_line_error(run("catalog", "--workspace", db, "--add-entry", bad))
        assert run("catalog", "--workspace", db, "--export-extensions").stdout == before
        missing = os.path.join(tmp, "no-catalog.qsdb")
        one_line_error(run("catalog", "--workspace", missing, "--list"))
        assert not os.path.exists(missing)
    @case("versions and diff: a cell edit, a note, ID@VERSION, errors")
    def _():
        db = os.path.join(tmp, "versions.qsdb")
        sample = SAMPLES[0]
        with open(sample, encoding="utf-8") as f:
            text = f.read()
        assert text.count("≤86250") == 1
        edited = os.path.join(tmp, "edited.qsplan")
        with open(edited, "w", encoding="utf-8") as f:
            f.write(text.replace("≤86250", "≤80000"))
        p = run("diff", sample, edited, "--format", "json")
        assert p.returncode == 0, p.stderr
        doc = json.loads(p.stdout)
        assert doc["format"] == "qingshan-diff"
        assert len(doc["changes"]) == 1, doc["changes"]
        c = doc["changes"][0]
        assert c["kind"] == "cell-changed" and (c["old"], c["new"]) == ("≤86250", "≤80000"), c
        assert c["table_index"] == 0 and c["row_index"] == 1, c
        p = run("diff", sample, edited)
        assert p.returncode == 0 and "“≤86250” → “≤80000”" in p.stdout, p.stdout
        p = run("diff", sample, sample)
        assert p.returncode == 0 and p.stdout.strip() == "两个版本相同。", p.stdout

        plan_id = run("workspace", "--db", db, "add", sample).stdout.strip()
        p = run("versions", plan_id, "--workspace", db)
        assert p.returncode == 0, p.stderr
        lines = p.stdout.strip().splitlines()
        assert len(lines) == 1 and lines[0].split("\t")[0] == "1", lines
        p = run("notes", plan_id, "--workspace", db, "--add", "请核实", "--table", "1", "--row", "2",
                "--author", "审阅员")
        assert p.returncode == 0 and p.stdout.strip() == "1", (p.stdout, p.stderr)
        p = run("versions", plan_id, "--workspace", db, "--format", "json")
        versions = json.loads(p.stdout)["versions"]
        assert [v["version"] for v in versions] == [1, 2], versions
        assert versions[1]["author"] == "审阅员" and versions[1]["size"] > 0
        assert versions[1]["saved_at"].endswith("Z")
        p = run("diff", "--workspace", db, f"{plan_id}@1", f"{plan_id}@2", "--format", "json")
        assert p.returncode == 0, p.stderr
        changes = json.loads(p.stdout)["changes"]
        assert [c["kind"] for c in changes] == ["review-note-added"], changes
        p = run("diff", "--workspace", db, f"{plan_id}@2", plan_id)
        assert p.stdout.strip() == "两个版本相同。", p.stdout
        # A version against a file.
        p = run("diff", "--workspace", db, f"{plan_id}@1", edited, "--format", "json")
        assert [c["kind"] for c in json.loads(p.stdout)["changes"]] == ["cell-changed"], p.stdout

        one_line_error(run("versions", "--workspace", db, "abc"))
        one_line_error(run("versions", "--workspace", db, "999"))
        one_line_error(run("versions", "--workspace", db, plan_id, "--format", "yaml"))
        one_line_error(run("diff", "--workspace", db, f"{plan_id}@9", plan_id))
        one_line_error(run("diff", "--workspace", db, "x@y", plan_id))
        one_line_error(run("diff", sample))
        one_line_error(run("versions", "--workspace", os.path.join(tmp, "none.qsdb"), "1"))
        # Removing the plan removes its versions.
        assert run("workspace", "--db", db, "remove", plan_id).returncode == 0
        con = sqlite3.connect(db)
        assert con.execute("SELECT count(*) FROM plan_versions").fetchone()[0] == 0
        assert con.execute("PRAGMA user_version").fetchone()[0] == 4
        con.close()

    @case("notes: add, list, resolve in a .qsplan file and a workspace; the matrix shows them")
    def _():
        plan = os.path.join(tmp, "notes.qsplan")
        shutil.copyfile(SAMPLES[0], plan)
        p = run("notes", plan, "--add", "目标偏宽，建议收紧", "--table", "1", "--row", "2",
                "--column", "2020年 目标", "--author", "审阅员甲")
        assert p.returncode == 0 and p.stdout.strip() == "1", (p.stdout, p.stderr)
        p = run("notes", plan, "--add", "本章需补充", "--section", "2/1", "--author", "审阅员乙")
        assert p.returncode == 0 and p.stdout.strip() == "2", p.stderr
        # 长江丰收坝断面水质优良比例, row 4 of the 十四五 target table (the plan's second table).
        p = run("notes", plan, "--add", "断面目标请与市级衔接", "--table", "2", "--row", "4")
        assert p.returncode == 0 and p.stdout.strip() == "3", p.stderr
        assert run("validate", plan).returncode == 0
        leftovers = [n for n in os.listdir(tmp) if n.startswith("notes.qsplan.")]
        assert not leftovers, leftovers
        p = run("notes", plan)
        lines = [line.split("\t") for line in p.stdout.strip().splitlines()]
        assert len(lines) == 3, lines
        assert "表2" in lines[2][2] and "第4行" in lines[2][2], lines[2]
        assert lines[0][0] == "1" and lines[0][1] == "待处理" and lines[0][3] == "审阅员甲", lines[0]
        assert "第2行" in lines[0][2] and "“2020年目标”列" in lines[0][2], lines[0]
        assert lines[0][5] == "目标偏宽，建议收紧"
        assert lines[1][2] == "第2章第1节", lines[1]
        assert run("notes", plan, "--resolve", "1").returncode == 0
        notes = json.loads(run("notes", plan, "--format", "json").stdout)["review_notes"]
        assert [n["resolved"] for n in notes] == [True, False, False], notes
        assert notes[0]["table"] == 0 and notes[0]["row"] == 1 and notes[0]["column"] == "2020年目标"
        exported = json.loads(run("export", plan, "--format", "json").stdout)
        assert [n["text"] for n in exported["review_notes"]] == ["目标偏宽，建议收紧", "本章需补充",
                                                                 "断面目标请与市级衔接"]

        # The comparison matrix carries the note on that plan's row.
        others = [s for s in SAMPLES if "district" in os.path.basename(s)][1:2]
        p = run("compare", plan, *others, "--format", "json")
        assert p.returncode == 0, p.stderr
        doc = json.loads(p.stdout)
        found = [(r["indicator_id"], c["notes"]) for r in doc["rows"] for c in r["cells"] if c["notes"]]
        assert found == [("yangtze_good_ratio", ["断面目标请与市级衔接"])], found
        p = run("compare", plan, *others, "--format", "csv")
        assert "审阅意见" in p.stdout and "断面目标请与市级衔接" in p.stdout

        # Errors: one line, the file unchanged.
        with open(plan, "rb") as f:
            before = f.read()
        one_line_error(run("notes", plan, "--add", "x", "--table", "99", "--row", "1"))
        one_line_error(run("notes", plan, "--add", "x", "--table", "1", "--row", "999"))
        one_line_error(run("notes", plan, "--add", "x", "--table", "1", "--row", "1", "--column", "无此列"))
        one_line_error(run("notes", plan, "--add", "x"))
        one_line_error(run("notes", plan, "--add", "  "))
        one_line_error(run("notes", plan, "--resolve", "42"))
        one_line_error(run("notes", plan, "--table", "1"))
        one_line_error(run("notes", plan, "--add", "x", "--section", "a/b"))
        with open(plan, "rb") as f:
            assert f.read() == before

        # In a workspace: one transaction each, listed the same way.
        db = os.path.join(tmp, "notes.qsdb")
        plan_id = run("workspace", "--db", db, "add", plan).stdout.strip()
        p = run("notes", plan_id, "--workspace", db, "--add", "第四条", "--table", "1", "--row", "1")
        assert p.returncode == 0 and p.stdout.strip() == "4", (p.stdout, p.stderr)
        assert run("notes", plan_id, "--workspace", db, "--reopen", "1").returncode == 0
        notes = json.loads(run("notes", plan_id, "--workspace", db, "--format", "json").stdout)["review_notes"]
        assert [(n["id"], n["resolved"]) for n in notes] == [(1, False), (2, False), (3, False), (4, False)], notes
        one_line_error(run("notes", plan_id, "--workspace", db, "--resolve", "9"))
        one_line_error(run("notes", "999", "--workspace", db))
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
