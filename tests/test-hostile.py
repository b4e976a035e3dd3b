#!/usr/bin/env python3
"""Hostile inputs, end to end through qingshan-cli.

Plans (.qsplan) with external entities, an external DTD, XInclude, billion
laughs, a DOCTYPE, 10,000 levels of nesting, 10 MB attributes, invalid
UTF-8, random bytes; text imports of a 1 GB line, a 30 MB line, a pipe that
never ends, random bytes, GB18030 text, a BOM, a cut multibyte sequence;
workspaces that are truncated, not SQLite, from a newer schema version or
read-only.

Each must give one clear line "qingshan-cli: …" and exit 1 (or, for the
good encodings, import the same plan as the UTF-8 text), must not read any
file but the one it was given (a secret file with a unique marker: the
marker never appears in any output, and under strace the secret is never
even opened), and must write nothing: every file of the directory keeps its
bytes and no file appears."""
import glob
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
import uuid

CLI = os.environ.get("QS_CLI", "qingshan-cli")
SOURCE = os.environ.get("QS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), ".."))
SHARED = os.environ.get("QS_SHARED_DIR", os.path.join(SOURCE, "..", "shared"))
SAMPLES = sorted(glob.glob(os.path.join(SOURCE, "resources", "samples", "*.qsplan")))
SEEDS = sorted(glob.glob(os.path.join(SHARED, "seeds", "*.txt")))
STRACE = shutil.which("strace")
MARKER = "QS-SECRET-" + uuid.uuid4().hex
MiB = 1024 * 1024

passed = failed = skipped = 0


def case(name):
    def wrap(func):
        global passed, failed, skipped
        try:
            func()
        except SkipCase as e:
            skipped += 1
            print(f"skip {name}: {e}", flush=True)
        except (AssertionError, subprocess.TimeoutExpired) as e:
            failed += 1
            print(f"FAIL {name}: {e}", flush=True)
        else:
            passed += 1
            print(f"ok {name}", flush=True)
        return func
    return wrap


class SkipCase(Exception):
    pass


tmp = tempfile.mkdtemp(prefix="qs-hostile-test-")
SECRET = os.path.join(tmp, "secret", "secret.txt")
os.makedirs(os.path.dirname(SECRET))
with open(SECRET, "w") as f:
    f.write(f"{MARKER}\n")
SECRET_DTD = os.path.join(tmp, "secret", "secret.dtd")
with open(SECRET_DTD, "w") as f:
    f.write(f'<!ENTITY leak "{MARKER}">\n')


def snapshot(directory):
    """Every file under @directory: its bytes' digest and size, by path."""
    files = {}
    for root, dirs, names in os.walk(directory):
        for name in names + [d for d in dirs]:
            path = os.path.join(root, name)
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode):
                h = hashlib.sha256()
                with open(path, "rb") as f:
                    for chunk in iter(lambda: f.read(MiB), b""):
                        h.update(chunk)
                files[path] = (st.st_size, h.hexdigest(), stat.S_IMODE(st.st_mode))
            else:
                files[path] = (stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode))
    return files


def run(args, cwd, timeout=60, stdin=None, wrap=None, trace=False):
    """Runs qingshan-cli; with @trace under strace (when there is one), to
    list every file it touches.  Returns (process, strace's text or None)."""
    trace_path = None
    cmd = [CLI, *args]
    env = None
    if wrap:
        cmd = wrap + cmd
    if trace and STRACE:
        trace_path = os.path.join(tmp, "strace.out")
        cmd = [STRACE, "-f", "-qq", "-e", "trace=%file", "-o", trace_path, *cmd]
        # LeakSanitizer cannot run under ptrace; the untraced run checks leaks.
        env = dict(os.environ)
        env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, stdin=stdin, env=env)
    opened = None
    if trace_path:
        with open(trace_path, errors="replace") as f:
            opened = f.read()
        os.unlink(trace_path)
    return p, opened


def refused(args, directory, what, timeout=60, expect=None, wrap=None, trace=False):
    """Runs qingshan-cli @args in @directory and checks it fails with one
    clear line, reads no secret and writes nothing; with @trace, runs it a
    second time under strace to see that it never touches the secret file.
    Returns the line."""
    if trace:
        refused(args, directory, what + " (strace)", timeout, expect, wrap)
    before = snapshot(directory)
    started = time.monotonic()
    p, opened = run(args, directory, timeout=timeout, wrap=wrap, trace=trace)
    elapsed = time.monotonic() - started
    after = snapshot(directory)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    assert p.returncode == 1, f"{what}: exit {p.returncode} (expected 1): {err.strip()[:300]}"
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"{what}: expected one line on stderr, got {err[:500]!r}"
    assert lines[0].startswith("qingshan-cli: "), f"{what}: {lines[0]}"
    assert len(lines[0]) < 600, f"{what}: the message is {len(lines[0])} characters long"
    assert out == "", f"{what}: wrote to stdout: {out[:200]!r}"
    assert MARKER not in out and MARKER not in err, f"{what}: the secret leaked into the output"
    if opened is not None:
        assert "secret" not in opened, f"{what}: touched the secret file: " + \
            "; ".join(l for l in opened.splitlines() if "secret" in l)[:300]
    assert before == after, f"{what}: files changed: " + \
        ", ".join(sorted(os.path.basename(k) for k in set(before) ^ set(after) |
                         {k for k in before if k in after and before[k] != after[k]}))
    if expect:
        assert any(e in lines[0] for e in expect), f"{what}: unclear message: {lines[0]}"
    print(f"#   {what} ({elapsed:.2f} s): {lines[0][:160]}", flush=True)
    return lines[0]


def fresh_dir(name):
    d = os.path.join(tmp, name)
    os.makedirs(d)
    return d


def make_workspace(directory):
    db = os.path.join(directory, "ws.qsdb")
    p = subprocess.run([CLI, "workspace", "--db", db, "add", SAMPLES[0]], capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    # Fold the WAL into the file, so the file alone is the workspace.
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    assert not os.path.exists(db + "-wal")
    return db


def plan_commands(path, directory):
    """Every command that reads a .qsplan: validate, export, workspace add."""
    db = make_workspace(directory)
    return [
        (["validate", path], "validate"),
        (["export", "--format", "json", path], "export"),
        (["workspace", "--db", db, "add", path], "workspace add"),
    ]


def hostile_plan(name, data, expect=None, secret=False):
    @case(f"plan: {name}")
    def _():
        d = fresh_dir("plan-" + name.replace(" ", "-").replace(",", ""))
        path = os.path.join(d, "hostile.qsplan")
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        for args, what in plan_commands(path, d):
            refused(args, d, f"{name}, {what}", expect=expect, trace=secret)


HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
PLAN_OPEN = ('<plan xmlns="https://qingshan.org/ns/qsplan/1" version="1" level="district" '
             'start-year="2021" end-year="2025"%s>')


def plan_doc(title="甲区规划", body="", doctype="", root_extra=""):
    return (HEAD + doctype + (PLAN_OPEN % root_extra) +
            f"<title>{title}</title><region>甲区</region>"
            f"<chapters><section kind=\"chapter\" number=\"1\"><title>总则</title>{body}"
            "</section></chapters></plan>\n")


try:
    if not SAMPLES:
        print("SKIP: no sample plans in resources/samples")
        print("0 passed, 0 failed")
        sys.exit(0)

    @case("the plain plan the hostile ones are made from is accepted")
    def _():
        d = fresh_dir("plain")
        path = os.path.join(d, "plain.qsplan")
        with open(path, "w") as f:
            f.write(plan_doc(body='<paragraph kind="body">正文。</paragraph>'))
        p, _ = run(["validate", path], d)
        assert p.returncode == 0, p.stderr.decode()

    secret_url = "file://" + SECRET
    hostile_plan("external entity",
                 plan_doc(title="&leak;", doctype=f'<!DOCTYPE plan [<!ENTITY leak SYSTEM "{secret_url}">]>\n'),
                 expect=["DOCTYPE", "entit", "DTD"],
                 secret=True)
    hostile_plan("external entity by relative path",
                 plan_doc(title="&leak;",
                          doctype='<!DOCTYPE plan [<!ENTITY leak SYSTEM "../secret/secret.txt">]>\n'),
                 secret=True)
    hostile_plan("external parameter entity",
                 plan_doc(doctype=f'<!DOCTYPE plan [<!ENTITY % p SYSTEM "file://{SECRET_DTD}"> %p;]>\n'),
                 secret=True)
    hostile_plan("external DTD",
                 plan_doc(title="&leak;", doctype=f'<!DOCTYPE plan SYSTEM "file://{SECRET_DTD}">\n'),
                 secret=True)
    hostile_plan("XInclude",
                 plan_doc(body='<paragraph kind="body"><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                               f'href="{secret_url}" parse="text"/></paragraph>'),
                 secret=True)
    laughs = "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    hostile_plan("billion laughs",
                 plan_doc(title="&l9;", doctype=f'<!DOCTYPE plan [<!ENTITY l0 "哈">{laughs}]>\n'))
    hostile_plan("a harmless DOCTYPE", plan_doc(doctype="<!DOCTYPE plan>\n"), expect=["DOCTYPE"])
    hostile_plan("deep nesting, 10,000 levels",
                 plan_doc(body='<section kind="section" number="1"><title>节</title>' * 10000 +
                          "</section>" * 10000))
    hostile_plan("deep nesting of unknown elements, 10,000 levels",
                 plan_doc(body="<x>" * 10000 + "</x>" * 10000))
    hostile_plan("a 10 MB unknown attribute", plan_doc(root_extra=' huge="' + "A" * (10 * MiB) + '"'))
    hostile_plan("a 10 MB attribute value of a known attribute",
                 plan_doc(body='<paragraph kind="' + "b" * (10 * MiB) + '">正文。</paragraph>'))
    hostile_plan("a 10 MB number attribute",
                 plan_doc(root_extra=' vision-year="' + "9" * (10 * MiB) + '"'))
    hostile_plan("invalid UTF-8 in a title",
                 plan_doc().encode("utf-8").replace("甲区规划".encode(), b"\xff\xfe\xc3\x28\xe4\xb8"))
    hostile_plan("a cut multibyte sequence at the end",
                 plan_doc().encode("utf-8").rstrip()[:-1] + "区".encode()[:2])
    hostile_plan("random bytes", os.urandom(256 * 1024))
    hostile_plan("NUL bytes inside text", plan_doc().encode("utf-8").replace("甲区规划".encode(), b"a\x00b"))

    @case("plan: 1 GB sparse file is refused without reading it")
    def _():
        d = fresh_dir("plan-huge")
        path = os.path.join(d, "huge.qsplan")
        with open(path, "wb") as f:
            f.write(HEAD.encode())
            f.truncate(1 << 30)
        for args, what in plan_commands(path, d):
            refused(args, d, f"1 GB plan, {what}", timeout=30, expect=["MB", "MiB", "GB", "large"])

    # ---- text imports -------------------------------------------------

    def import_refused(name, data, expect=None, timeout=60):
        d = fresh_dir("import-" + name.replace(" ", "-"))
        path = os.path.join(d, "input.txt")
        if callable(data):
            data(path)
        else:
            with open(path, "wb") as f:
                f.write(data)
        db = make_workspace(d)
        out = os.path.join(d, "out.qsplan")
        refused(["import", path], d, f"{name}, import to stdout", expect=expect, timeout=timeout)
        refused(["import", "-o", out, path], d, f"{name}, import -o", expect=expect, timeout=timeout)
        refused(["import", "--workspace", db, path], d, f"{name}, import --workspace", expect=expect,
                timeout=timeout)

    def sparse_line(path):
        with open(path, "wb") as f:
            f.write("一行".encode())
            f.truncate(1 << 30)

    @case("import: a 1 GB single line is refused quickly (TOO_LARGE)")
    def _():
        import_refused("1 GB line", sparse_line, expect=["refused", "MiB"], timeout=20)

    @case("import: random bytes")
    def _():
        import_refused("random bytes", os.urandom(MiB), expect=["UTF-8", "GB18030"])

    @case("import: NUL bytes")
    def _():
        import_refused("NUL bytes", b"\x00" * 4096)

    @case("import: an empty file")
    def _():
        import_refused("empty", b"")

    @case("import: a pipe of 200 MB on one line is cut off at the cap")
    def _():
        # A pipe (or /dev/stdin) has no size to stat: the importer must stop
        # reading at QS_IMPORT_MAX_SIZE instead of swallowing everything.
        d = fresh_dir("import-pipe")
        fifo = os.path.join(d, "pipe.txt")
        os.mkfifo(fifo)
        written = [0]

        def writer():
            chunk = ("规划" * 4096).encode()
            try:
                with open(fifo, "wb") as f:
                    while written[0] < 200 * MiB:
                        f.write(chunk)
                        written[0] += len(chunk)
            except (BrokenPipeError, OSError):
                pass

        t = threading.Thread(target=writer, daemon=True)
        t.start()
        before = snapshot(d)
        p = subprocess.run([CLI, "import", fifo], capture_output=True, timeout=120)
        t.join(timeout=30)
        err = p.stderr.decode("utf-8", "replace").strip()
        assert p.returncode == 1, f"exit {p.returncode}: {err[:200]}"
        assert len(err.splitlines()) == 1 and err.startswith("qingshan-cli: "), err[:300]
        assert snapshot(d) == before
        assert written[0] <= 80 * MiB, \
            f"the importer read {written[0] // MiB} MiB from the pipe before refusing it ({err[:160]})"

    @case("import: a 30 MB single line under the cap finishes with a plan or one clear line")
    def _():
        d = fresh_dir("import-30mb")
        path = os.path.join(d, "line.txt")
        with open(path, "wb") as f:
            f.write(("大气环境质量持续改善" * (MiB + MiB // 10)).encode())   # 33 MB
        assert os.path.getsize(path) > 28 * MiB
        started = time.monotonic()
        p = subprocess.run([CLI, "import", "-o", os.path.join(d, "out.qsplan"), path],
                           capture_output=True, timeout=300)
        elapsed = time.monotonic() - started
        err = p.stderr.decode("utf-8", "replace").strip()
        print(f"#   30 MB line: exit {p.returncode} in {elapsed:.1f} s {err[:120]}", flush=True)
        assert p.returncode in (0, 1), f"exit {p.returncode}: {err[:300]}"
        if p.returncode == 0:
            v = subprocess.run([CLI, "validate", os.path.join(d, "out.qsplan")], capture_output=True,
                               text=True, timeout=120)
            assert v.returncode == 0, v.stderr
        else:
            assert len(err.splitlines()) == 1 and err.startswith("qingshan-cli: "), err[:300]
            assert not os.path.exists(os.path.join(d, "out.qsplan"))

    def import_json(path, d):
        out = os.path.join(d, os.path.basename(path) + ".qsplan")
        p = subprocess.run([CLI, "import", "-o", out, path], capture_output=True, text=True, timeout=120)
        assert p.returncode == 0, f"{os.path.basename(path)}: {p.stderr.strip()}"
        e = subprocess.run([CLI, "export", "--format", "json", out], capture_output=True, text=True,
                           timeout=120)
        assert e.returncode == 0, e.stderr
        return json.loads(e.stdout)

    def with_seed(func):
        if not SEEDS:
            raise SkipCase(f"no seed texts in {SHARED}/seeds")
        with open(SEEDS[0], "rb") as f:
            text = f.read()
        d = fresh_dir("seed-" + func.__name__ + uuid.uuid4().hex[:6])
        utf8 = os.path.join(d, "utf8.txt")
        with open(utf8, "wb") as f:
            f.write(text)
        func(text, d, utf8)

    @case("import: GB18030 text gives the same plan as its UTF-8")
    def _():
        def body(text, d, utf8):
            gbk = os.path.join(d, "gbk.txt")
            with open(gbk, "wb") as f:
                f.write(text.decode("utf-8").encode("gb18030"))
            assert import_json(gbk, d) == import_json(utf8, d)
        with_seed(body)

    @case("import: UTF-8 with a BOM gives the same plan as without")
    def _():
        def body(text, d, utf8):
            bom = os.path.join(d, "bom.txt")
            with open(bom, "wb") as f:
                f.write(b"\xef\xbb\xbf" + text)
            assert import_json(bom, d) == import_json(utf8, d)
        with_seed(body)

    @case("import: a cut multibyte sequence is an encoding error with its line, not mojibake")
    def _():
        def body(text, d, utf8):
            cut = text.rstrip()
            cut = cut[:-1]   # the last character is Chinese: cut its last byte
            assert (cut[-1] & 0xC0) in (0x80, 0xC0)
            line = refused_import(d, cut)
            assert ":" + str(cut.count(b"\n") + 1) + ":" in line, f"no line number: {line}"
            middle = len(text) // 2
            while (text[middle] & 0xC0) != 0x80:
                middle += 1
            refused_import(d, text[:middle] + text[middle + 1:])

        def refused_import(d, data):
            path = os.path.join(d, "cut.txt")
            with open(path, "wb") as f:
                f.write(data)
            line = refused(["import", path], d, "cut multibyte sequence", expect=["UTF-8"])
            os.unlink(path)
            return line
        with_seed(body)

    # ---- workspaces ---------------------------------------------------

    def workspace_commands(db):
        return [
            (["workspace", "--db", db, "list"], "list"),
            (["workspace", "--db", db, "show", "1"], "show"),
            (["export", "--workspace", db, "--plan", "1", "--format", "json"], "export"),
            (["workspace", "--db", db, "add", SAMPLES[0]], "add"),
            (["workspace", "--db", db, "remove", "1"], "remove"),
        ]

    def hostile_workspace(name, make, expect=None):
        @case(f"workspace: {name}")
        def _():
            d = fresh_dir("ws-" + name.replace(" ", "-"))
            db = make(d)
            for args, what in workspace_commands(db):
                refused(args, d, f"{name}, {what}", expect=expect)

    def truncated(fraction):
        def make(d):
            db = make_workspace(d)
            size = os.path.getsize(db)
            with open(db, "r+b") as f:
                f.truncate(int(size * fraction))
            return db
        return make

    def truncated_to(n):
        def make(d):
            db = make_workspace(d)
            with open(db, "r+b") as f:
                f.truncate(n)
            return db
        return make

    hostile_workspace("truncated inside the header", truncated_to(60))
    hostile_workspace("truncated inside the first page", truncated_to(3000))
    hostile_workspace("truncated to half", truncated(0.5), expect=["damaged", "truncated"])
    hostile_workspace("truncated to a tenth", truncated(0.1), expect=["damaged", "truncated"])

    def not_sqlite(d):
        db = os.path.join(d, "ws.qsdb")
        shutil.copy(SAMPLES[0], db)
        return db

    hostile_workspace("a plan file, not SQLite", not_sqlite, expect=["not a Qingshan workspace"])

    def random_file(d):
        db = os.path.join(d, "ws.qsdb")
        with open(db, "wb") as f:
            f.write(os.urandom(64 * 1024))
        return db

    hostile_workspace("random bytes", random_file, expect=["not a Qingshan workspace"])

    def other_sqlite(d):
        db = os.path.join(d, "ws.qsdb")
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE notes (x)")
        con.commit()
        con.close()
        return db

    hostile_workspace("another program's SQLite database", other_sqlite,
                      expect=["not a Qingshan workspace"])

    def newer(d):
        db = make_workspace(d)
        con = sqlite3.connect(db)
        con.execute("PRAGMA user_version = 99")
        con.commit()
        con.close()
        return db

    hostile_workspace("from a newer schema version (99)", newer, expect=["newer"])

    def read_only_checks(d, db, wrap=None):
        """A read-only workspace lists and loads; every write is refused."""
        before = snapshot(d)
        for args in (["workspace", "--db", db, "list"],
                     ["export", "--workspace", db, "--plan", "1", "--format", "json"]):
            p, _ = run(args, d, wrap=wrap)
            assert p.returncode == 0, \
                f"`{args[0]} … {args[-1]}` of a read-only workspace: {p.stderr.decode().strip()}"
        assert snapshot(d) == before, "reading a read-only workspace changed its folder"
        for args, what in workspace_commands(db)[3:]:
            refused(args, d, f"read-only, {what}", expect=["read-only"], wrap=wrap)

    @case("workspace: read-only file (chmod 0444)")
    def _():
        d = fresh_dir("ws-chmod")
        db = make_workspace(d)
        os.chmod(db, 0o444)
        if os.geteuid() == 0:
            raise SkipCase("running as root, who may write a 0444 file anyway; "
                           "see the read-only bind mount case")
        read_only_checks(d, db)

    @case("workspace: read-only folder (chmod 0555)")
    def _():
        d = fresh_dir("ws-chmod-dir")
        db = make_workspace(d)
        os.chmod(d, 0o555)
        try:
            if os.geteuid() == 0:
                raise SkipCase("running as root, who may write in a 0555 folder anyway")
            read_only_checks(d, db)
        finally:
            os.chmod(d, 0o755)

    @case("workspace: on a read-only bind mount")
    def _():
        unshare = shutil.which("unshare")
        if os.geteuid() != 0 or unshare is None:
            raise SkipCase("needs root and unshare(1) to bind-mount a folder read-only")
        d = fresh_dir("ws-ro-mount")
        db = make_workspace(d)
        probe = subprocess.run([unshare, "-m", "sh", "-c", f'mount --bind -o ro "{d}" "{d}" && true'],
                               capture_output=True, text=True)
        if probe.returncode != 0:
            raise SkipCase(f"cannot bind-mount read-only here: {probe.stderr.strip()}")
        wrap = [unshare, "-m", "sh", "-c", f'mount --bind -o ro "{d}" "{d}" && exec "$0" "$@"']
        read_only_checks(d, db, wrap=wrap)
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
