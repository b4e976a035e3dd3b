#!/usr/bin/env python3
"""Writes seed corpora for the fuzzers into DIR/{value,import,plan-xml}."""
import glob
import hashlib
import json
import os
import sys

out = sys.argv[1]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
shared = os.environ.get("QS_SHARED_DIR", os.path.join(root, "..", "shared"))


def put(kind, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(out, kind, name), "wb") as f:
        f.write(data)


for value in ["≥88", "【15】", "[8.91~23]", "由重庆市下达", "提高1个百分点", "不低于V类", "25.76*", "—", ""]:
    put("value", value)
for path in glob.glob(os.path.join(shared, "truth", "0*.json")):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    for table in doc.get("indicator_tables", []):
        for row in table.get("rows", []):
            for value in row.get("values", {}).values():
                put("value", value)

for path in glob.glob(os.path.join(shared, "seeds", "*.txt")):
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    # Chunks of 200 lines keep inputs small enough for many executions.
    for i in range(0, len(lines), 200):
        put("import", b"\n".join(lines[i:i + 200]))

for path in glob.glob(os.path.join(root, "resources", "samples", "*.qsplan")) + \
        glob.glob(os.path.join(root, "tests", "data", "xml", "*.qsplan")):
    with open(path, "rb") as f:
        put("plan-xml", f.read())
