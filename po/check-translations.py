#!/usr/bin/env python3
"""Checks that a translation is complete and well-formed.

Usage: check-translations.py LANG

Extracts the messages of every file in POTFILES.in (with the keywords of
meson's 'glib' gettext preset), then checks with msgcmp that LANG.po
translates every one of them (untranslated and fuzzy entries count as
missing) and with msgfmt --check that the formats agree.
"""

import os
import subprocess
import sys
import tempfile

KEYWORDS = [
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_set_error:4:c-format', '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_task_return_new_error:4:c-format',
]


def main() -> int:
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    lang = sys.argv[1]
    po_dir = os.path.dirname(os.path.abspath(__file__))
    source_root = os.path.dirname(po_dir)
    po_file = os.path.join(po_dir, lang + '.po')

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'messages.pot')
        subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments',
                        '--files-from=' + os.path.join(po_dir, 'POTFILES.in'),
                        '--directory=' + source_root, '--output=' + pot] + KEYWORDS,
                       check=True)
        missing = subprocess.run(['msgcmp', po_file, pot], capture_output=True, text=True)
        checked = subprocess.run(['msgfmt', '--check', '--statistics', '--output-file=' + os.devnull,
                                  po_file], capture_output=True, text=True)

    print(checked.stderr.strip())
    ok = True
    if missing.returncode != 0:
        print('%s.po lacks translations:\n%s' % (lang, missing.stderr.strip()))
        ok = False
    if checked.returncode != 0:
        print('%s.po does not pass msgfmt --check' % lang)
        ok = False
    if 'untranslated' in checked.stderr or 'fuzzy' in checked.stderr:
        print('%s.po has untranslated or fuzzy messages' % lang)
        ok = False
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
