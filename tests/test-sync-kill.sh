#!/bin/sh
# test-sync-kill.sh — sync killed (SIGKILL) again and again while it pushes and pulls: afterwards
# every record of the laptop is on the server exactly once, and a second laptop holds them all.
# Runs under tests/with-postgres.sh; CASELOAD_CLI is the program, KILLS how many kills (20).
set -u
cli=${CASELOAD_CLI:?}
url=${CASELOAD_TEST_PG_URL:?}
kills=${KILLS:-20}
dir=$(mktemp -d "${TMPDIR:-/tmp}/caseload-sync-kill-XXXXXX")
trap 'rm -rf "$dir"' EXIT
fail () { echo "not ok: $*"; exit 1; }
count () { psql "$url" -XAtq -c "$1"; }

"$cli" server init --url "$url" >/dev/null || fail "server init"
"$cli" sync --db "$dir/a.db" --url "$url" >/dev/null || fail "first sync"
"$cli" demo --students 150 --events 10 --seed 18 --output "$dir/district.json" || fail "demo"
"$cli" import --db "$dir/a.db" "$dir/district.json" >/dev/null || fail "import"

# A kill at a different moment each time: from 10 ms to 300 ms into the sync.
i=0
while [ "$i" -lt "$kills" ]; do
  "$cli" sync --db "$dir/a.db" --url "$url" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(printf '%03d' $(( (i * 37) % 290 + 10 )))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  i=$((i + 1))
done
echo "ok: $kills syncs killed; $(count 'SELECT count(*) FROM caseload.changes') changes on the server so far"

"$cli" sync --db "$dir/a.db" --url "$url" >/dev/null || fail "the sync after the kills"
"$cli" sync --db "$dir/a.db" --url "$url" >"$dir/again" || fail "a sync with nothing to send"
grep -q "^Sent 0 changes" "$dir/again" || fail "the last sync sent again: $(cat "$dir/again")"

# Each record of the laptop once: as many records as the laptop's synced rows, one change each.
local_rows=$(sqlite3 "$dir/a.db" "SELECT (SELECT count(*) FROM calendars) + (SELECT count(*) FROM calendar_closed)
  + (SELECT count(*) FROM schools) + (SELECT count(*) FROM school_calendars) + (SELECT count(*) FROM staff)
  + (SELECT count(*) FROM students) + (SELECT count(*) FROM guardians) + (SELECT count(*) FROM events)
  + (SELECT count(*) FROM meetings) + (SELECT count(*) FROM invitees) + (SELECT count(*) FROM notes)
  + (SELECT count(*) FROM attendance_attempts) + (SELECT count(*) FROM checklist_state)") ||
  fail "reading the laptop's database"
records=$(count "SELECT count(*) FROM caseload.records WHERE row IS NOT NULL")
changes=$(count "SELECT count(*) FROM caseload.changes")
[ "$records" -gt 0 ] || fail "nothing reached the server"
[ "$changes" -eq "$records" ] || fail "$changes changes for $records records"
[ "$local_rows" -eq "$records" ] || fail "the laptop has $local_rows rows, the server $records records"
echo "ok: $records records on the server, one change each"

"$cli" sync --db "$dir/b.db" --url "$url" >"$dir/b" || fail "laptop B's first sync"
grep -q "received $records records" "$dir/b" || fail "laptop B: $(cat "$dir/b")"
"$cli" export --db "$dir/a.db" --output "$dir/a.json" && "$cli" export --db "$dir/b.db" --output "$dir/b.json" ||
  fail "export"
students_a=$(grep -o '"birth_date"' "$dir/a.json" | wc -l)
students_b=$(grep -o '"birth_date"' "$dir/b.json" | wc -l)
[ "$students_a" -eq "$students_b" ] || fail "laptop A has $students_a students, B $students_b"
echo "ok: laptop B holds all $students_b students"
