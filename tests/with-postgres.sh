#!/bin/sh
# with-postgres.sh PROGRAM [ARGS…] — runs PROGRAM against a PostgreSQL of its own: a new cluster
# in a temporary directory, listening on 127.0.0.1 only at a free port, stopped and removed at
# the end whatever happens. PROGRAM finds it in CASELOAD_TEST_PG_URL (a libpq connection string
# of the cluster's superuser). initdb refuses root, so as root the cluster runs as nobody.
set -eu

bindir=${PG_BINDIR:-$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)}
[ -x "$bindir/initdb" ] || bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres.sh: PostgreSQL's initdb was not found (install postgresql)" >&2
  exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/caseload-pg-XXXXXX")
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$dir"
  as_owner () { setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; }
  user=nobody
else
  as_owner () { "$@"; }
  user=$(id -un)
fi

stop () {
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT INT TERM

# A free port: the kernel's choice for a socket bound to port 0.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_owner "$bindir/initdb" -D "$dir/data" -U "$user" -A trust --no-sync -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }

CASELOAD_TEST_PG_URL="host=127.0.0.1 port=$port dbname=postgres user=$user"
CASELOAD_TEST_PG_BINDIR=$bindir
CASELOAD_TEST_PG_DATA=$dir/data
export CASELOAD_TEST_PG_URL CASELOAD_TEST_PG_BINDIR CASELOAD_TEST_PG_DATA
status=0
"$@" || status=$?
exit $status
