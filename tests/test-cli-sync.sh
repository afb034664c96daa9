#!/bin/sh
# test-cli-sync.sh — caseload-cli server init and sync as a district runs them, against the
# PostgreSQL tests/with-postgres.sh started: init twice, two laptops, the same field changed on
# both (exit 3), the server down (exit 1, nothing lost). CASELOAD_CLI is the program.
set -u
NAME=cli-sync
. "$(dirname "$0")/cli-test-lib.sh"

bundle () {  # bundle FIRST_NAME: a synthetic district of one student
  cat <<JSON
{"format": "caseload-bundle/1", "jurisdiction": "CA",
 "calendars": [{"id": "district-2026", "first_day": "2026-08-17", "last_day": "2027-06-10", "closed": []}],
 "schools": [{"id": "lincoln", "name": "Lincoln Middle School", "calendars": ["district-2026"]}],
 "staff": [{"id": "cm-1", "name": "Case Manager One", "role": "case_manager"}],
 "students": [{"id": "S-1", "first_name": "$1", "last_name": "Synthetic", "birth_date": "2014-02-28",
   "school": "lincoln", "case_manager": "cm-1",
   "events": [{"type": "referral", "date": "2026-09-01", "from": "parent"}]}]}
JSON
}
bundle Ada >"$dir/ada.json"
bundle Adela >"$dir/adela.json"
bundle Adelina >"$dir/adelina.json"

expect 0 "server init" "$cli" server init --url "$url"
expect_out "now has Caseload's schema 4 (it had 0)" "server init says what it did"
expect 0 "server init again" "$cli" server init --url "$url"
expect_out "nothing was changed" "server init again changes nothing"

expect 0 "laptop A: first sync" "$cli" sync --db "$dir/a.db" --url "$url"
expect 0 "laptop A: import" "$cli" import --db "$dir/a.db" "$dir/ada.json"
expect 0 "laptop A: sync" "$cli" sync --db "$dir/a.db" --url "$url"
expect_out "Sent 6 changes" "laptop A sent the district's six records"
expect 0 "laptop B: first sync into an empty database" "$cli" sync --db "$dir/b.db" --url "$url"
expect_out "received 6 records" "laptop B received them"
expect 0 "laptop B holds the student" "$cli" export --db "$dir/b.db" --output "$dir/b.json"
expect 0 "laptop B's export names Ada" grep -q '"Ada"' "$dir/b.json"

# Both offline, the same field changed on each.
expect 0 "laptop A: rename offline" "$cli" import --db "$dir/a.db" "$dir/adela.json"
expect 0 "laptop B: rename offline" "$cli" import --db "$dir/b.db" "$dir/adelina.json"
expect 0 "laptop A: sync first" "$cli" sync --db "$dir/a.db" --url "$url"
expect 3 "laptop B: sync leaves a conflict" "$cli" sync --db "$dir/b.db" --url "$url"
expect_out "1 change waits for a choice: someone else's reached the server first" "the conflict is told"
expect 0 "laptop B now has A's value" "$cli" export --db "$dir/b.db" --output "$dir/b.json"
expect 0 "laptop B's export names Adela" grep -q '"Adela"' "$dir/b.json"
expect 0 "laptop B lists its conflict" "$cli" conflicts --db "$dir/b.db"
expect_out "mine:   Adelina" "the list has B's value"
expect_out "theirs: Adela" "the list has the server's value"
expect 0 "laptop B lists it as JSON" "$cli" conflicts --db "$dir/b.db" --format json
expect_out '"student" : "S-1"' "the JSON names the student"
expect_out '"field" : "first name"' "the JSON names the field"
expect_out '"mine" : "Adelina"' "the JSON has B's value"
expect_out '"theirs" : "Adela"' "the JSON has the server's value"
expect 3 "laptop B: a sync while the conflict waits still says so" "$cli" sync --db "$dir/b.db" --url "$url"
expect 0 "laptop A lists none" "$cli" conflicts --db "$dir/a.db" --format json
expect_out '[]' "A's list is empty"

# A case manager's login, its password from standard input, and the laptop it syncs.
expect 0 "server add-user" sh -c "echo synthetic-password | '$cli' server add-user --url '$url' --login cm1 --password-stdin --role case_manager --staff cm-1"
expect_out "cm1 is a case_manager login" "add-user says what it did"
expect 1 "a principal needs schools" "$cli" server add-user --url "$url" --login pr --role principal
expect_out "needs their schools" "the refusal says why"
expect 0 "laptop C: first sync as cm1" "$cli" sync --db "$dir/c.db" --url "$url user=cm1"
expect 0 "laptop C holds cm1's student" "$cli" export --db "$dir/c.db" --output "$dir/c.json"
expect 0 "laptop C's export names Adela" grep -q '"Adela"' "$dir/c.json"

# The server down: exit 1, a message, the database as it was.
cp "$dir/a.db" "$dir/a-before.db"
expect 1 "sync with the server down" "$cli" sync --db "$dir/a.db" --url "host=127.0.0.1 port=1 dbname=x connect_timeout=5"
expect_out "Could not reach the district server" "the failure is told"
# In the person's language where the machine has it.
if locale -a 2>/dev/null | grep -qi '^es_ES\.utf-\?8$'; then
  expect 1 "sync with the server down, in Spanish" env LC_ALL=es_ES.UTF-8 "$cli" sync --db "$dir/a.db" --url "host=127.0.0.1 port=1 dbname=x connect_timeout=5"
  expect_out "No se pudo conectar con el servidor del distrito" "the failure is told in Spanish"
fi
expect 0 "server init with the server down fails" sh -c "! '$cli' server init --url 'host=127.0.0.1 port=1 dbname=x' 2>/dev/null"
expect 0 "nothing changed" "$cli" export --db "$dir/a.db" --output "$dir/a-after.json"
expect 0 "nothing changed (before)" "$cli" export --db "$dir/a-before.db" --output "$dir/a-before.json"
expect 0 "the exports match" cmp "$dir/a-after.json" "$dir/a-before.json"

[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
