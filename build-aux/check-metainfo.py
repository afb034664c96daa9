#!/usr/bin/env python3
"""check-metainfo.py METAINFO - the metainfo as Flathub's review reads it.

`appstreamcli validate --strict` must pass: any issue above pedantic fails. One exception, only
for validators older than AppStream 1.0 (Debian 12 ships 0.16): `<developer>`, the element
AppStream 1.0 introduced and Flathub requires, is unknown to them, so their "unknown-tag
developer" is expected and nothing else is forgiven. The file must also name its developer and
an update contact.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
problems = []

version_out = subprocess.run(["appstreamcli", "--version"], capture_output=True, text=True).stdout
m = re.search(r"(\d+)\.(\d+)", version_out)
major = int(m.group(1)) if m else 0

run = subprocess.run(["appstreamcli", "validate", "--strict", "--no-net", "--format", "yaml", path],
                     capture_output=True, text=True)
issues = []
for block in re.split(r"^- ", run.stdout, flags=re.M)[1:]:
    fields = dict(re.findall(r"^\s*(tag|severity|hint|line): (.*)$", block, re.M))
    issues.append(fields)
if not run.stdout.strip():
    problems.append(f"appstreamcli gave no report: {run.stderr.strip()}")
for issue in issues:
    if issue.get("severity") == "pedantic":
        continue
    if major < 1 and issue.get("tag") == "unknown-tag" and issue.get("hint") == "developer":
        continue
    problems.append(f"line {issue.get('line', '?')}: {issue.get('severity')} {issue.get('tag')}"
                    f" {issue.get('hint', '')}")
if major >= 1:
    # The validator knows the whole format: its own verdict, in its usual output, is the test.
    text = subprocess.run(["appstreamcli", "validate", "--strict", "--no-net", path],
                          capture_output=True, text=True)
    if text.returncode != 0:
        problems.append(f"appstreamcli validate --strict failed:\n{text.stdout}{text.stderr}")

root = ET.parse(path).getroot()
if root.find("developer/name") is None or not root.find("developer/name").text.strip():
    problems.append("no <developer><name>")
if root.find("developer_name") is not None:
    problems.append("<developer_name> is deprecated: <developer><name> says it")
contact = root.findtext("update_contact", "").strip()
if "@" not in contact:
    problems.append(f"<update_contact> is not an address: {contact!r}")

for p in problems:
    print(f"{path}: {p}")
sys.exit(1 if problems else 0)
