# cli-test-lib.sh — what the shell tests of caseload-cli share, sourced after they set NAME:
# cli and url from the environment (no url when the script set CLI_TEST_NO_PG: it needs no
# server), a temporary $dir removed at exit, $failures, and the checks expect (a command's exit
# status) and expect_out (what it printed).
cli=${CASELOAD_CLI:?}
if [ -z "${CLI_TEST_NO_PG:-}" ]; then url=${CASELOAD_TEST_PG_URL:?}; fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/caseload-${NAME:-cli}-XXXXXX")
trap 'rm -rf "$dir"' EXIT
failures=0

expect () {  # expect STATUS DESCRIPTION COMMAND…: COMMAND exits STATUS
  want=$1 what=$2; shift 2
  "$@" >"$dir/out" 2>&1
  got=$?
  if [ "$got" -ne "$want" ]; then
    echo "not ok: $what: exit $got, expected $want"; sed 's/^/  | /' "$dir/out"; failures=$((failures + 1))
  else
    echo "ok: $what"
  fi
}
expect_out () {  # expect_out TEXT DESCRIPTION: the last command's output says TEXT
  if grep -qF -- "$1" "$dir/out"; then echo "ok: $2"; else
    echo "not ok: $2: no \"$1\" in"; sed 's/^/  | /' "$dir/out"; failures=$((failures + 1)); fi
}
