#!/bin/sh
# test-district.sh — one district scripted end to end against the PostgreSQL tests/with-postgres.sh
# started: server init, server load of a synthetic district (all or nothing), three logins (two case
# managers of one school and its principal), four laptops. Each laptop holds exactly its login's
# students; offline edits on two laptops both reach the principal; a same-field conflict between
# two laptops of one case manager is listed with both values; with the server stopped, sync fails
# with a message and changes nothing. CASELOAD_CLI is the program.
set -u
NAME=district
. "$(dirname "$0")/cli-test-lib.sh"
same () {  # same DESCRIPTION FILE1 FILE2
  if cmp -s "$2" "$3"; then echo "ok: $1"; else
    echo "not ok: $1"; diff "$2" "$3" | head -10 | sed 's/^/  | /'; failures=$((failures + 1)); fi
}
server () { psql "$url" -Atc "$1"; }
laptop () { sqlite3 "$dir/$1.db" "$2"; }

# The server starts at schema 3, as the Caseload before staff were scoped to schools left it
# (its scripts run by psql, as server init ran them); server init upgrades it.
schema=$(dirname "$0")/../data/server
expect 0 "a schema-3 server" sh -c "cat '$schema/001-records.sql' '$schema/002-roles.sql' '$schema/003-visibility.sql' |
  psql '$url' -v ON_ERROR_STOP=1 -1 -q -f - && psql '$url' -qc \"UPDATE caseload.meta SET value = '3' WHERE key = 'schema_version'\""
expect 0 "server init upgrades it" "$cli" server init --url "$url"
expect_out "(it had 3)" "from schema 3"

# A district of 700 made-up students in three schools; first a load that fails half-way (the
# second bundle is broken) and leaves the server empty.
expect 0 "a synthetic district" "$cli" demo --students 700 -o "$dir/district.json"
echo '{"format": "caseload-bundle/1", "students": [{"id": "S-X"}]}' >"$dir/broken.json"
expect 1 "server load with a broken bundle fails" "$cli" server load --url "$url" "$dir/district.json" "$dir/broken.json"
expect_out "broken.json" "the failure names the file"
server "SELECT count(*) FROM caseload.records" >"$dir/n"
echo 0 >"$dir/zero"
same "nothing was loaded" "$dir/n" "$dir/zero"
expect 0 "server load" "$cli" server load --url "$url" "$dir/district.json"
expect_out "The district server took" "server load says how many records it took"
server "SELECT count(*) FROM caseload.records WHERE tbl = 'students'" >"$dir/n"
echo 700 >"$dir/want"
same "the server holds the 700 students" "$dir/n" "$dir/want"

# Logins: two case managers of school-1 and its principal.
for login in cm1:school-1-cm-1 cm2:school-1-cm-2; do
  expect 0 "add-user ${login%%:*}" sh -c "echo synthetic-password | '$cli' server add-user --url '$url' --login ${login%%:*} --password-stdin --role case_manager --staff ${login#*:}"
done
expect 0 "add-user principal" sh -c "echo synthetic-password | '$cli' server add-user --url '$url' --login principal1 --password-stdin --role principal --school school-1"

# Four laptops: cm1 twice (office and home), cm2, the principal.
expect 0 "laptop 1 (cm1): first sync" "$cli" sync --db "$dir/l1.db" --url "$url user=cm1"
expect 0 "laptop 2 (cm2): first sync" "$cli" sync --db "$dir/l2.db" --url "$url user=cm2"
expect 0 "laptop 3 (principal): first sync" "$cli" sync --db "$dir/l3.db" --url "$url user=principal1"
expect 0 "laptop 4 (cm1 again): first sync" "$cli" sync --db "$dir/l4.db" --url "$url user=cm1"
for l in l1:school-1-cm-1 l2:school-1-cm-2 l4:school-1-cm-1; do
  laptop "${l%%:*}" "SELECT id FROM students ORDER BY id" >"$dir/have"
  server "SELECT key FROM caseload.records WHERE tbl = 'students' AND row->>'case_manager_id' = '${l#*:}' ORDER BY key COLLATE \"C\"" >"$dir/want"
  same "${l%%:*} holds exactly ${l#*:}'s students" "$dir/have" "$dir/want"
  [ -s "$dir/have" ] && echo "ok: ${l#*:} has students" || { echo "not ok: ${l#*:} has none"; failures=$((failures + 1)); }
done
laptop l3 "SELECT id FROM students ORDER BY id" >"$dir/have"
server "SELECT key FROM caseload.records WHERE tbl = 'students' AND row->>'school_id' = 'school-1' ORDER BY key COLLATE \"C\"" >"$dir/want"
same "l3 holds exactly school-1's students" "$dir/have" "$dir/want"
[ -s "$dir/want" ] && echo "ok: school-1 has students" || { echo "not ok: school-1 has no students"; failures=$((failures + 1)); }

# Staff have no school: a school's staff are its students' case managers and meeting teams. The
# principal's laptop holds exactly school-1's, all named; psql as the principal reads no other
# school's staff, nor its calendar links, which the admin reads.
staff_of_school1="SELECT row->>'case_manager_id' FROM caseload.records WHERE tbl = 'students' AND row->>'school_id' = 'school-1'
  UNION SELECT i.row->>'staff_id' FROM caseload.records i JOIN caseload.records s ON s.tbl = 'students' AND s.key = i.student_id
  WHERE i.tbl = 'invitees' AND s.row->>'school_id' = 'school-1' AND i.row->>'staff_id' IS NOT NULL"
laptop l3 "SELECT id FROM staff ORDER BY id" >"$dir/have"
server "SELECT id FROM ($staff_of_school1) AS s (id) ORDER BY id COLLATE \"C\"" >"$dir/want"
same "l3 holds exactly school-1's staff" "$dir/have" "$dir/want"
laptop l3 "SELECT count(*) FROM staff WHERE id NOT LIKE 'school-1-%'" >"$dir/have"; echo 0 >"$dir/want"
same "none of another school's" "$dir/have" "$dir/want"
laptop l3 "SELECT count(*) FROM staff WHERE name IS NULL OR name = ''" >"$dir/have"
same "every one named" "$dir/have" "$dir/want"
laptop l3 "SELECT count(*) FROM students s LEFT JOIN staff c ON c.id = s.case_manager_id WHERE c.name IS NULL" >"$dir/have"
same "every student's case manager named" "$dir/have" "$dir/want"
laptop l3 "SELECT count(*) FROM invitees i LEFT JOIN staff t ON t.id = i.staff_id WHERE i.staff_id IS NOT NULL AND t.name IS NULL" >"$dir/have"
same "every team member named" "$dir/have" "$dir/want"
laptop l3 "SELECT count(*) > 3 FROM staff" >"$dir/have"; echo 1 >"$dir/want"
same "school-1 has staff" "$dir/have" "$dir/want"
laptop l1 "SELECT id FROM staff ORDER BY id" >"$dir/have"
server "SELECT id FROM ($staff_of_school1) AS s (id) ORDER BY id COLLATE \"C\"" >"$dir/want"
same "l1 (cm1) holds the staff of its school" "$dir/have" "$dir/want"
psql "$url user=principal1" -Atc "SELECT count(*) FROM caseload.records WHERE tbl = 'staff' AND key LIKE 'school-2-%'" >"$dir/have"
echo 0 >"$dir/want"
same "psql as the principal reads no staff of school-2" "$dir/have" "$dir/want"
psql "$url user=principal1" -Atc "SELECT count(*) FROM caseload.records WHERE tbl = 'school_calendars' AND key LIKE 'school-2/%'" >"$dir/have"
same "nor its calendar links" "$dir/have" "$dir/want"
psql "$url user=principal1" -Atc "SELECT count(*) FROM caseload.records WHERE tbl = 'staff' AND key NOT LIKE 'school-1-%'" >"$dir/have"
same "nor any other school's staff" "$dir/have" "$dir/want"
server "SELECT count(*) > 0 FROM caseload.records WHERE tbl = 'staff' AND key LIKE 'school-2-%'" >"$dir/have"; echo t >"$dir/want"
same "which the admin reads" "$dir/have" "$dir/want"
psql "$url user=principal1" -Atc "SELECT count(*) FROM caseload.staff_of_schools (ARRAY['school-2'])" >"$dir/have"; echo 0 >"$dir/want"
same "the server names no staff of school-2 to the principal" "$dir/have" "$dir/want"
psql "$url user=principal1" -Atc "SELECT count(*) FROM caseload.school_students ('school-2')" >"$dir/have"
same "nor its students" "$dir/have" "$dir/want"

# Offline, cm1 and cm2 each change one of their students; both reach the principal.
s1=$(laptop l1 "SELECT id FROM students ORDER BY id LIMIT 1")
s2=$(laptop l2 "SELECT id FROM students ORDER BY id LIMIT 1")
expect 0 "l1 edits $s1 offline" laptop l1 "UPDATE students SET home_language = 'vi' WHERE id = '$s1'"
expect 0 "l2 edits $s2 offline" laptop l2 "UPDATE students SET grade = '4' WHERE id = '$s2'"
expect 0 "l1 syncs" "$cli" sync --db "$dir/l1.db" --url "$url user=cm1"
expect 0 "l2 syncs" "$cli" sync --db "$dir/l2.db" --url "$url user=cm2"
expect 0 "the principal syncs" "$cli" sync --db "$dir/l3.db" --url "$url user=principal1"
laptop l3 "SELECT home_language FROM students WHERE id = '$s1'" >"$dir/have"; echo vi >"$dir/want"
same "the principal has cm1's edit" "$dir/have" "$dir/want"
laptop l3 "SELECT grade FROM students WHERE id = '$s2'" >"$dir/have"; echo 4 >"$dir/want"
same "the principal has cm2's edit" "$dir/have" "$dir/want"

# A school's obligations straight from the server are the principal's laptop's, byte for byte;
# another school's students stay out of the principal's reach.
expect 0 "alerts --url --school as the principal" sh -c "'$cli' alerts --url '$url user=principal1' --school school-1 --today 2026-12-07 >'$dir/from-server.json'"
expect 0 "alerts --db on the principal's laptop" sh -c "'$cli' alerts --db '$dir/l3.db' --today 2026-12-07 >'$dir/from-laptop.json'"
same "the server's and the laptop's obligations are the same" "$dir/from-server.json" "$dir/from-laptop.json"
expect 0 "and there are some" grep -q '"rule"' "$dir/from-server.json"
expect 0 "alerts --url --school as the admin" sh -c "'$cli' alerts --url '$url' --school school-1 --today 2026-12-07 >'$dir/from-admin.json'"
same "the admin's are the same" "$dir/from-admin.json" "$dir/from-laptop.json"
expect 0 "another school, as the principal" "$cli" alerts --url "$url user=principal1" --school school-2 --today 2026-12-07
expect_out "[]" "reads none of it"
expect 2 "--school needs --url" "$cli" alerts --db "$dir/l3.db" --school school-1

# cm1's two laptops change the same field differently: the first to sync stands, the other is a
# conflict listed with both values.
expect 0 "l1 renames $s1" laptop l1 "UPDATE students SET first_name = 'Office' WHERE id = '$s1'"
expect 0 "l4 renames $s1" laptop l4 "UPDATE students SET first_name = 'Home' WHERE id = '$s1'"
expect 0 "l1 syncs first" "$cli" sync --db "$dir/l1.db" --url "$url user=cm1"
expect 3 "l4's sync leaves a conflict" "$cli" sync --db "$dir/l4.db" --url "$url user=cm1"
expect 0 "l4 lists it" "$cli" conflicts --db "$dir/l4.db" --format json
expect_out '"mine" : "Home"' "with l4's value"
expect_out '"theirs" : "Office"' "and the value the server kept"
expect_out '"field" : "first name"' "naming the field"

# The server stopped: sync fails with a message, the laptop's database is as it was.
expect 0 "l2 edits offline again" laptop l2 "UPDATE students SET grade = '5' WHERE id = '$s2'"
cp "$dir/l2.db" "$dir/l2-before.db"
if [ "$(id -u)" -eq 0 ]; then as_owner () { setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; }; else as_owner () { "$@"; }; fi
expect 0 "the server stops" as_owner "$CASELOAD_TEST_PG_BINDIR/pg_ctl" -D "$CASELOAD_TEST_PG_DATA" -m fast -w stop
expect 1 "l2's sync fails" "$cli" sync --db "$dir/l2.db" --url "$url user=cm2 connect_timeout=5"
expect_out "Could not reach the district server" "and says why"
laptop l2 "SELECT grade FROM students WHERE id = '$s2'" >"$dir/have"; echo 5 >"$dir/want"
same "the offline edit is still there" "$dir/have" "$dir/want"
laptop l2 "SELECT count(*) FROM outbox" >"$dir/have"; sqlite3 "$dir/l2-before.db" "SELECT count(*) FROM outbox" >"$dir/want"
same "the change still waits to go" "$dir/have" "$dir/want"

[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
