#!/usr/bin/env python3
"""check-flatpak-manifest.py MANIFEST APP_ID — what can be checked of the Flatpak manifest offline.

The runtime cannot be installed where there is no Flathub, so flatpak-builder cannot run; this
checks the rest: the app id, runtime and command, permissions as narrow as the README says (the
network only for the district server's PostgreSQL, no filesystem, no session-bus names), every downloaded source pinned by checksum, and the
app itself built with meson from this tree, last.
"""
import json
import re
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
# Flathub builds only on runtimes still receiving updates: GNOME 49 and older are end-of-life by
# December 2026.
if not str(m.get("runtime-version", "")).isdigit() or int(m["runtime-version"]) < 50:
    problems.append(f"runtime-version: {m.get('runtime-version')!r} is out of support (50 or newer)")

# --share=network: syncing with the district server (libpq); the app opens no other connection.
allowed = {"--share=ipc", "--share=network", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
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
    # This tree for development, or (for Flathub) a release: a git tag and the commit it names.
    srcs = app.get("sources", [])
    dev = {"type": "dir", "path": ".."} in srcs
    release = [s for s in srcs if s.get("type") == "git" and s.get("url", "").startswith("https://")
               and s.get("tag") and re.fullmatch(r"[0-9a-f]{40}", s.get("commit", ""))]
    if len(srcs) != 1 or not (dev or release):
        problems.append("modules[-1].sources: one source, this tree ({'type': 'dir', 'path': '..'}) "
                        "or a git url with a tag and its 40-hex commit")
for i, mod in enumerate(modules):
    for j, src in enumerate(mod.get("sources", [])):
        if src.get("type") in ("archive", "file") and len(src.get("sha256", "")) != 64:
            problems.append(f"modules[{i}].sources[{j}]: {src.get('url')} has no sha256")
        if src.get("type") == "git" and not src.get("commit") and not src.get("tag"):
            problems.append(f"modules[{i}].sources[{j}]: git source not pinned to a tag or commit")

for p in problems:
    print(f"{manifest_path}: {p}")
sys.exit(1 if problems else 0)
