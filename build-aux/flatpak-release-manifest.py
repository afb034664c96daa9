#!/usr/bin/env python3
"""flatpak-release-manifest.py TAG [OUTPUT] - the manifest to submit to Flathub for release TAG.

The in-tree manifest builds this tree (a `dir` source), for development. Flathub builds a
release: the same manifest with the app module from the repository's git URL at TAG, pinned to
the commit TAG names (git rev-parse), as Flathub's review asks.
"""
import json
import subprocess
import sys

URL = "https://github.com/caseload/caseload.git"
root = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True,
                      check=True).stdout.strip()
tag = sys.argv[1]
commit = subprocess.run(["git", "-C", root, "rev-parse", "--verify", f"{tag}^{{commit}}"],
                        capture_output=True, text=True, check=True).stdout.strip()
with open(f"{root}/flatpak/io.github.caseload.Caseload.json", encoding="utf-8") as f:
    manifest = json.load(f)
manifest["modules"][-1]["sources"] = [{"type": "git", "url": URL, "tag": tag, "commit": commit}]
text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
if len(sys.argv) > 2:
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(text)
else:
    sys.stdout.write(text)
