#!/usr/bin/env python3
"""check-man-page.py PAGE PROGRAM [--commands] - a manual page that says what its program does.

The page must render with groff without a warning, and every long option PROGRAM --help lists
must appear in it. With --commands, PROGRAM is caseload-cli: every command of its usage must have
its own section, and each command's options (COMMAND --help) must be in that section.
"""
import re
import subprocess
import sys

page, program = sys.argv[1], sys.argv[2]
commands = "--commands" in sys.argv[3:]
problems = []

render = subprocess.run(["groff", "-man", "-Tascii", "-ww", "-P-cbou", page],
                        capture_output=True, text=True)
if render.returncode != 0 or render.stderr:
    problems.append(f"groff: {render.stderr.strip() or 'exit ' + str(render.returncode)}")
text = render.stdout
if "@VERSION@" in text:
    problems.append("@VERSION@ was not replaced")


def options(args):
    out = subprocess.run([program, *args, "--help"], capture_output=True, text=True, check=True).stdout
    # "  -o, --output=FILE   …" and "  --db=FILE …": the long options of the Application Options.
    app = out.split("Application Options:", 1)[-1] if "Application Options:" in out else out
    return sorted(set(re.findall(r"^\s+(?:-\w, )?(--[a-z][a-z-]*)", app, re.M)) - {"--help"})


if not commands:
    for opt in options([]):
        if not re.search(re.escape(opt) + r"\b", text):
            problems.append(f"{opt} (from {program} --help) is not in the page")
else:
    usage = subprocess.run([program, "--help"], capture_output=True, text=True, check=True).stdout
    names = re.findall(r"^  ([a-z][a-z-]*)\s{2,}", usage.split("Commands:", 1)[1], re.M)
    if not names:
        problems.append("no commands found in the usage")
    # Sections of the COMMANDS part: a line indented three spaces that starts with a command name.
    starts = {}
    for name in names:
        m = re.search(r"^   " + re.escape(name) + r"(?: .*)?$", text, re.M)
        if m is None:
            problems.append(f"command {name} has no section")
        else:
            starts[name] = m.start()
    order = sorted(starts.items(), key=lambda kv: kv[1])
    for i, (name, start) in enumerate(order):
        end = order[i + 1][1] if i + 1 < len(order) else len(text)
        section = text[start:end]
        for opt in options([name]):
            if not re.search(re.escape(opt) + r"\b", section):
                problems.append(f"{name} {opt} (from {name} --help) is not in its section")
    for opt in ("--help", "--version"):
        if opt not in text:
            problems.append(f"{opt} is not in the page")

for p in problems:
    print(f"{page}: {p}")
sys.exit(1 if problems else 0)
