#!/usr/bin/env python3
"""Crash safety and concurrent use of a workspace.

edit-storm (QS_EDIT_STORM) edits a stored plan and saves after every edit,
one transaction per save, printing "pending N DIGEST" before each save and
"committed N DIGEST" after it.  This script kills it with SIGKILL after a
random delay, many times (QS_KILLS, default 200), and after every kill
checks that the workspace passes PRAGMA integrity_check, that
`qingshan-cli export` still loads the plan, and that the stored plan is the
last committed state, or the pending one after it (that save may have
committed before the kill): no committed edit is ever lost.

Every fourth round runs two storms on two plans of the same workspace with
a qingshan-cli reader exporting in a loop beside them; the reader must never
fail and neither storm may lose an edit of the other's plan.  Then a
held write lock: a writer waits for it (busy timeout), and one whose
timeout runs out fails with QS_WORKSPACE_ERROR_BUSY and a clear message,
from edit-storm and from qingshan-cli alike."""
import glob
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

CLI = os.environ.get("QS_CLI", "qingshan-cli")
STORM = os.environ.get("QS_EDIT_STORM", "edit-storm")
SOURCE = os.environ.get("QS_SOURCE_DIR", os.path.join(os.path.dirname(__file__), ".."))
KILLS = int(os.environ.get("QS_KILLS", "200"))
SAMPLES = sorted(glob.glob(os.path.join(SOURCE, "resources", "samples", "*.qsplan")))
BUSY_DOMAIN_CODE = "qs-workspace-error-quark 5:"   # QS_WORKSPACE_ERROR_BUSY

passed = failed = 0
kills = 0


def case(name):
    def wrap(func):
        global passed, failed
        try:
            func()
        except AssertionError as e:
            failed += 1
            print(f"FAIL {name}: {e}", flush=True)
        else:
            passed += 1
            print(f"ok {name}", flush=True)
        return func
    return wrap


def cli(*args, timeout=60):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=timeout)


def stored_digest(db, plan_id):
    p = subprocess.run([STORM, "--digest", db, str(plan_id)], capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 0, f"edit-storm --digest {plan_id} failed: {p.stderr.strip()}"
    return p.stdout.strip()


def integrity(db):
    con = sqlite3.connect(db, timeout=30)
    try:
        rows = con.execute("PRAGMA integrity_check").fetchall()
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()
    assert rows == [("ok",)], f"integrity_check: {rows[:5]}"
    assert fk == [], f"foreign_key_check: {fk[:5]}"


def start_storm(db, plan_id, *extra):
    return subprocess.Popen([STORM, "--workspace", db, "--plan", str(plan_id), "--edits", "1000000",
                             "--seed", str(random.randint(1, 2**31 - 1)), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def allowed_states(output, before):
    """The digests the stored plan may have after a storm printed @output and
    was killed; @before is the stored digest before the storm started."""
    lines = [l.split() for l in output.splitlines(keepends=True) if l.endswith("\n")]
    committed = before
    pending = None
    for words in lines:
        if words[0] == "start":
            assert words[1] == before, f"the storm loaded {words[1][:12]}, but {before[:12]} was stored"
        elif words[0] == "pending":
            pending = words[2]
        elif words[0] == "committed":
            assert words[2] == pending, "committed a state that was not pending"
            committed, pending = words[2], None
    states = {committed}
    if pending is not None:
        states.add(pending)
    n_committed = sum(1 for w in lines if w[0] == "committed")
    return states, n_committed


def kill_after(proc, delay, wait_for_start=False):
    """Kills @proc @delay seconds after it started or, with @wait_for_start,
    after it printed its "start" line (the plan is loaded)."""
    global kills
    head = ""
    if wait_for_start:
        head = proc.stdout.readline()
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    # Read through the same buffered files readline() used (communicate()
    # would bypass what they already hold).
    out = proc.stdout.read()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, \
        f"edit-storm ended by itself ({proc.returncode}) before the kill: {err.strip()}"
    kills += 1
    return head + out


def calibrate(db, plan_id):
    """How long edit-storm takes to load the plan and to make one save, on
    this machine and build (sanitizers make both much slower)."""
    started = time.monotonic()
    proc = subprocess.Popen([STORM, "--workspace", db, "--plan", str(plan_id), "--edits", "10"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    loaded = time.monotonic()
    out, err = proc.communicate(timeout=120)
    done = time.monotonic()
    assert proc.returncode == 0 and first.startswith("start"), f"edit-storm failed: {err.strip()}"
    return loaded - started, (done - loaded) / 10


def random_kill(proc, startup, save):
    # Kills land in every phase: start-up and the load (a few), then edits,
    # the middle of a save and between saves (most).
    if random.random() < 0.1:
        return kill_after(proc, random.uniform(0, startup))
    return kill_after(proc, random.uniform(0, 5 * save), wait_for_start=True)


tmp = tempfile.mkdtemp(prefix="qs-kill-test-")
try:
    if not SAMPLES:
        print("SKIP: no sample plans in resources/samples")
        print("0 passed, 0 failed")
        sys.exit(0)
    db = os.path.join(tmp, "workspace.qsdb")
    ids = []
    for sample in SAMPLES[:2] if len(SAMPLES) > 1 else SAMPLES * 2:
        p = cli("workspace", "--db", db, "add", sample)
        assert p.returncode == 0, p.stderr
        ids.append(int(p.stdout.split()[0]))
    startup, save = calibrate(db, ids[0])
    digests = {i: stored_digest(db, i) for i in ids}
    lost = []
    corrupt = []
    reader_failures = []
    total_committed = 0
    seed = int(os.environ.get("QS_KILL_SEED", str(random.randrange(1 << 30))))
    random.seed(seed)
    print(f"# seed {seed} (QS_KILL_SEED to repeat), {KILLS} kills; "
          f"edit-storm loads in {startup * 1000:.0f} ms, saves in {save * 1000:.0f} ms", flush=True)
    started = time.monotonic()

    def check_after_kill(round_no, outputs):
        global total_committed
        try:
            integrity(db)
        except (AssertionError, sqlite3.DatabaseError) as e:
            corrupt.append(f"round {round_no}: {e}")
            return
        for plan_id, out in outputs.items():
            states, n = allowed_states(out, digests[plan_id])
            total_committed += n
            p = cli("export", "--workspace", db, "--plan", str(plan_id), "--format", "json")
            if p.returncode != 0:
                corrupt.append(f"round {round_no}: export of plan {plan_id} failed: {p.stderr.strip()}")
                continue
            json.loads(p.stdout)
            now = stored_digest(db, plan_id)
            if now not in states:
                lost.append(f"round {round_no}, plan {plan_id}: stored {now[:12]}, "
                            f"expected one of {[s[:12] for s in states]} after {n} commits")
            digests[plan_id] = now

    def reader(stop):
        while not stop.is_set():
            p = cli("export", "--workspace", db, "--plan", str(ids[1]), "--format", "json")
            try:
                assert p.returncode == 0, p.stderr.strip()
                json.loads(p.stdout)
            except (AssertionError, ValueError) as e:
                reader_failures.append(str(e)[:200])

    round_no = 0
    while kills < KILLS:
        round_no += 1
        if round_no % 4 == 0:
            # Two writers on two plans and a reader, all at once.
            stop = threading.Event()
            t = threading.Thread(target=reader, args=(stop,))
            t.start()
            a = start_storm(db, ids[0])
            b = start_storm(db, ids[1])
            out_a = random_kill(a, startup, save)
            out_b = kill_after(b, random.uniform(0, 2 * save))
            stop.set()
            t.join()
            check_after_kill(round_no, {ids[0]: out_a, ids[1]: out_b})
        else:
            out = random_kill(start_storm(db, ids[0]), startup, save)
            check_after_kill(round_no, {ids[0]: out})
    elapsed = time.monotonic() - started
    print(f"# {kills} kills in {round_no} rounds, {elapsed:.1f} s, {total_committed} committed saves, "
          f"{len(corrupt)} integrity failures, {len(lost)} lost edits, "
          f"{len(reader_failures)} reader failures", flush=True)

    @case(f"{kills} kills: every workspace passes integrity_check and loads")
    def _():
        assert kills >= KILLS
        assert not corrupt, "; ".join(corrupt[:5])

    @case("no committed edit lost")
    def _():
        assert total_committed > 0, "no save committed at all: the delays are too short"
        assert not lost, "; ".join(lost[:5])

    @case("a reader beside two writers never fails")
    def _():
        assert not reader_failures, "; ".join(reader_failures[:3])

    @case("a writer waits for a held write lock")
    def _():
        before = stored_digest(db, ids[0])
        con = sqlite3.connect(db, timeout=30, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        proc = subprocess.Popen([STORM, "-w", db, "-p", str(ids[0]), "-n", "3", "-b", "10000"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.7)
        still_waiting = proc.poll() is None
        con.execute("ROLLBACK")
        con.close()
        out, err = proc.communicate(timeout=60)
        assert still_waiting, "edit-storm did not wait for the lock"
        assert proc.returncode == 0, err.strip()
        states, n = allowed_states(out, before)
        assert n == 3 and stored_digest(db, ids[0]) in states, "the waiting writer's edits are not stored"

    @case("a writer whose busy timeout runs out fails with QS_WORKSPACE_ERROR_BUSY")
    def _():
        before = stored_digest(db, ids[0])
        con = sqlite3.connect(db, timeout=30, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        try:
            p = subprocess.run([STORM, "-w", db, "-p", str(ids[0]), "-n", "1", "-b", "300"],
                               capture_output=True, text=True, timeout=60)
        finally:
            con.execute("ROLLBACK")
            con.close()
        assert p.returncode == 2, f"exit {p.returncode}: {p.stderr.strip()}"
        line = p.stderr.strip()
        assert BUSY_DOMAIN_CODE in line, f"not QS_WORKSPACE_ERROR_BUSY: {line}"
        assert "busy" in line and "0.3 seconds" in line and "Try again" in line, line
        assert "committed" not in p.stdout
        assert stored_digest(db, ids[0]) == before, "a failed save changed the plan"
        integrity(db)

    @case("qingshan-cli says clearly when the workspace is busy, and changes nothing")
    def _():
        con = sqlite3.connect(db, timeout=30, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        try:
            listed_before = cli("workspace", "--db", db, "list")
            p = cli("workspace", "--db", db, "add", SAMPLES[0])
        finally:
            con.execute("ROLLBACK")
            con.close()
        # Readers are never blocked by a writer (WAL).
        assert listed_before.returncode == 0, listed_before.stderr
        assert p.returncode == 1, f"exit {p.returncode}: {p.stdout} {p.stderr}"
        lines = p.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("qingshan-cli: "), p.stderr
        assert "busy" in lines[0] and "Try again" in lines[0], lines[0]
        after = cli("workspace", "--db", db, "list")
        assert after.stdout == listed_before.stdout, "a refused add changed the list"
        integrity(db)
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
