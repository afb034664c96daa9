#!/bin/sh
# quick-start.sh — the README's two commands: install what is missing, build, then run or test.
#
#   build-aux/quick-start.sh demo   opens Caseload on the synthetic demo caseload
#   build-aux/quick-start.sh test   runs the whole test suite (UI tests under Xvfb)
#
# Works on a fresh Debian 12 as root or as a sudo user. The build goes to _build/ (BUILDDIR to
# change it); tests build with -Werror, as CI does.
set -eu

cd "$(dirname "$0")/.."
builddir=${BUILDDIR:-_build}

# Everything Caseload needs to build, run and test on Debian 12.
packages="gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev
  libpoppler-glib-dev poppler-utils libical-dev libpq-dev libsecret-1-dev postgresql sqlite3 desktop-file-utils appstream-util appstream groff-base
  xvfb xauth xdotool dbus dbus-x11 at-spi2-core fonts-cantarell fonts-dejavu-core adwaita-icon-theme"

install_missing () {
  missing=""
  for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "Installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $missing
}

configure () {
  if [ -f "$builddir/build.ninja" ]; then
    meson configure "$builddir" "$@" >/dev/null
  else
    meson setup "$builddir" "$@"
  fi
}

case "${1:-}" in
  demo)
    install_missing
    configure
    meson compile -C "$builddir"
    exec "$builddir/src/app/caseload" --demo
    ;;
  test)
    install_missing
    configure -Dwerror=true
    meson compile -C "$builddir"
    status=0
    meson test -C "$builddir" --print-errorlogs --num-processes 2 || status=$?
    # One closing line any CI reads: how many suites passed and failed.
    python3 - "$builddir/meson-logs/testlog.json" <<'PY' || true
import json, sys
results = [json.loads(l)["result"] for l in open(sys.argv[1]) if l.strip()]
passed = sum(r in ("OK", "EXPECTEDFAIL") for r in results)
skipped = sum(r == "SKIP" for r in results)
print(f"tests: {passed} passed, {len(results) - passed - skipped} failed, {skipped} skipped")
PY
    exit $status
    ;;
  *)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac
