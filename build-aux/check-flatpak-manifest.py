#!/usr/bin/env python3
"""check-flatpak-manifest.py MANIFEST APP_ID — what can be checked of the Flatpak manifest offline.

The runtime cannot be installed where there is no Flathub, so flatpak-builder cannot run; this
checks the rest: the app id, runtime and command, permissions as narrow as the README says (no
network, no filesystem, no session-bus names), every downloaded source pinned by checksum, and the
app itself built with meson from this tree, last.
"""
import json
import sys

manifest_path, app_id = sys.argv[1], sys.argv[2]
problems = []
with open(manifest_path, encoding="utf-8") as f:
    m = json.load(f)

def expect(key, value):
    if m.get(key) != value:
        problems.append(f"{key}: expected {value!r}, found {m.get(key)!r}")

expect("id", app_id)
expect("runtime", "org.gnome.Platform")
expect("sdk", "org.gnome.Sdk")
expect("command", "caseload")

allowed = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
for arg in m.get("finish-args", []):
    if arg not in allowed:
        problems.append(f"finish-args: {arg} is wider than Caseload needs (allowed: {sorted(allowed)})")

modules = m.get("modules", [])
if not modules:
    problems.append("modules: none")
else:
    app = modules[-1]
    if app.get("name") != "caseload" or app.get("buildsystem") != "meson":
        problems.append("modules[-1]: the last module must build caseload with meson")
    if {"type": "dir", "path": ".."} not in app.get("sources", []):
        problems.append("modules[-1].sources: must build this tree ({'type': 'dir', 'path': '..'})")
for i, mod in enumerate(modules):
    for j, src in enumerate(mod.get("sources", [])):
        if src.get("type") in ("archive", "file") and len(src.get("sha256", "")) != 64:
            problems.append(f"modules[{i}].sources[{j}]: {src.get('url')} has no sha256")
        if src.get("type") == "git" and not src.get("commit") and not src.get("tag"):
            problems.append(f"modules[{i}].sources[{j}]: git source not pinned to a tag or commit")

for p in problems:
    print(f"{manifest_path}: {p}")
sys.exit(1 if problems else 0)
