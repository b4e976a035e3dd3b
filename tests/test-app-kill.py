#!/usr/bin/env python3
"""Autosave survives a crash of the real application.

Starts `qingshan` on a temporary workspace with a short autosave delay
(GSettings keyfile), drives edits through its scripting actions
(`gapplication action org.qingshan.Qingshan edit …`: a cell, a new row, a
renamed chapter, a new chapter with a paragraph, an edit undone), waits
longer than the delay, kills the application with SIGKILL and reads the
workspace back with `qingshan-cli export`: every edit older than the
delay must be there.  Needs a display and a session bus (the GUI suite runs
under xvfb-run dbus-run-session); skips without them.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

APP_ID = 'org.qingshan.Qingshan'
DELAY = 0.5


def skip(why):
    print('SKIP: ' + why)
    sys.exit(77)


def name_has_owner(env):
    result = subprocess.run(
        ['gdbus', 'call', '--session', '--dest', 'org.freedesktop.DBus',
         '--object-path', '/org/freedesktop/DBus',
         '--method', 'org.freedesktop.DBus.NameHasOwner', APP_ID],
        env=env, capture_output=True, text=True)
    return 'true' in result.stdout


def action(env, name, parameter=None):
    args = ['gapplication', 'action', APP_ID, name]
    if parameter is not None:
        args.append(parameter)
    subprocess.run(args, env=env, check=True, timeout=30)
    time.sleep(0.2)


def edit(env, editor_action, target=None):
    args = '[<%s>]' % target if target is not None else '@av []'
    action(env, 'edit', "('%s', %s)" % (editor_action, args))


def export(cli, db, fmt):
    return subprocess.run([cli, 'export', '-f', fmt, '-w', db, '-p', '1'],
                          capture_output=True, text=True, check=True).stdout


def main():
    build = os.environ.get('QS_BUILD_DIR')
    source = os.environ.get('QS_SOURCE_DIR')
    if not build or not source:
        skip('QS_BUILD_DIR / QS_SOURCE_DIR are not set (run through meson test)')
    if not os.environ.get('DISPLAY'):
        skip('no display (run the suite under xvfb-run)')
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        skip('no session bus (run the suite under dbus-run-session)')
    for tool in ('gapplication', 'gdbus'):
        if shutil.which(tool) is None:
            skip(tool + ' is missing')
    app = os.path.join(build, 'app', 'qingshan')
    cli = os.path.join(build, 'app', 'qingshan-cli')
    sample = os.path.join(source, 'resources', 'samples', 'district-2021-2025-000.qsplan')

    tmp = tempfile.mkdtemp(prefix='qs-app-kill-')
    try:
        db = os.path.join(tmp, 'workspace.qsdb')
        subprocess.run([cli, 'workspace', 'add', '--db', db, sample], check=True,
                       capture_output=True)
        before = json.loads(export(cli, db, 'json'))
        table = before['indicator_tables'][0]
        columns = table['columns']
        target = next(i for i, name in enumerate(columns) if '目标' in name)
        n_rows = len(table['rows'])
        n_chapters = len(before['chapters'])

        config = os.path.join(tmp, 'config', 'glib-2.0', 'settings')
        os.makedirs(config)
        with open(os.path.join(config, 'keyfile'), 'w') as f:
            f.write('[org/qingshan/Qingshan]\nautosave-delay=%s\n' % DELAY)
        env = dict(os.environ,
                   XDG_CONFIG_HOME=os.path.join(tmp, 'config'),
                   XDG_DATA_HOME=os.path.join(tmp, 'data'),
                   GSETTINGS_BACKEND='keyfile',
                   GSETTINGS_SCHEMA_DIR=os.path.join(build, 'resources'),
                   LC_ALL='C.UTF-8', LANGUAGE='', GDK_BACKEND='x11',
                   GSK_RENDERER='cairo', GTK_A11Y='none', NO_AT_BRIDGE='1',
                   ADW_DISABLE_PORTAL='1')
        if name_has_owner(env):
            skip('another Qingshan already runs on this session bus')

        proc = subprocess.Popen([app, '--workspace', db], env=env)
        try:
            for _ in range(100):
                if name_has_owner(env):
                    break
                time.sleep(0.1)
            else:
                print('not ok: the application did not start')
                return 1
            time.sleep(1.0)

            action(env, 'select-outline', "':indicator-table'")
            edit(env, 'set-cell', "(uint32 0, uint32 %d, '≥9.50')" % target)
            edit(env, 'add-row')
            edit(env, 'set-cell', "(uint32 0, uint32 %d, '≥9.99')" % target)
            edit(env, 'undo')
            action(env, 'select-outline', "'%s'" % before['chapters'][0]['title'])
            edit(env, 'rename-section', "'发展现状与形势分析'")
            edit(env, 'add-chapter')
            edit(env, 'rename-section', "'附加章节测试'")
            edit(env, 'add-paragraph', "'自动保存测试段落。'")

            # Longer than the delay, then a crash.
            time.sleep(DELAY * 4 + 1.0)
            if proc.poll() is not None:
                print('not ok: the application exited (%d) before the kill' % proc.returncode)
                return 1
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

        after = json.loads(export(cli, db, 'json'))
        xml = export(cli, db, 'xml')
        failures = []
        rows = after['indicator_tables'][0]['rows']
        value = rows[0]['values'].get(columns[target])
        if value != '≥9.50':
            failures.append('target cell is %r, not the edited ≥9.50 (the later edit was undone)' % value)
        if len(rows) != n_rows + 1:
            failures.append('%d rows, not %d after adding one' % (len(rows), n_rows + 1))
        if after['chapters'][0]['title'] != '发展现状与形势分析':
            failures.append('chapter 1 is %r, not renamed' % after['chapters'][0]['title'])
        if len(after['chapters']) != n_chapters + 1:
            failures.append('%d chapters, not %d after adding one' % (len(after['chapters']), n_chapters + 1))
        elif after['chapters'][-1]['title'] != '附加章节测试':
            failures.append('the new chapter is %r' % after['chapters'][-1]['title'])
        if '自动保存测试段落。' not in xml:
            failures.append('the new paragraph is missing')
        for failure in failures:
            print('not ok: ' + failure)
        if failures:
            return 1
        print('ok: every edit older than the autosave delay survived SIGKILL')
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
