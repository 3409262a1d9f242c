# Sourced by the end-to-end tests in jobscripts/test/ (bash): counting checks, and judging a
# rankexec pi result line against the local engine's.
#
#   TEST_NAME           prefix of the test's own messages (set it before sourcing)
#   pass MSG / fail MSG one line per check, with the seconds since the test started
#   summary             prints "N passed, M failed"
#   abort MSG           counts a failure, prints the summary and exits 1
#   result_line FILE    the last "pi ..." result line of a rankexec output file
#   pi_line_ok LINE     4 * inside / samples recomputed from LINE is within 0.01 of pi and
#                       equals the printed estimate
#   local_result SEED ARGS...   the local thread engine's result line (no MPI)
#   check_result NAME FILE EXPECTED   pass when FILE's result line is EXPECTED and pi_line_ok,
#                       else fail and show the end of FILE

TEST_NAME="${TEST_NAME:-test}"
PASSED=0 FAILED=0 START=$SECONDS
pass() { PASSED=$((PASSED + 1)); echo "PASS [$((SECONDS - START)) s] $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL [$((SECONDS - START)) s] $*"; }
summary() { echo "$PASSED passed, $FAILED failed"; }
abort() { echo "$TEST_NAME: $*" >&2; FAILED=$((FAILED + 1)); summary; exit 1; }

result_line() { grep -a '^pi ' "$1" 2>/dev/null | tail -1; }

pi_line_ok() {
  awk -v line="$1" 'BEGIN {
    if (match(line, /samples=[0-9]+/) == 0) exit 1; n = substr(line, RSTART + 8, RLENGTH - 8)
    if (match(line, /inside=[0-9]+/) == 0) exit 1; k = substr(line, RSTART + 7, RLENGTH - 7)
    split(line, f, " "); est = f[2]; mine = sprintf("%.7f", 4 * k / n)
    d = mine - 3.14159265358979; if (d < 0) d = -d
    exit !(d < 0.01 && mine == est) }'
}

local_result() {
  local seed="$1"; shift
  "$(dirname "${BASH_SOURCE[0]}")/../../bin/rankexec" --quiet --seed "$seed" "$@" 2>&1 | grep -a '^pi ' | tail -1
}

check_result() {
  local got; got="$(result_line "$2")"
  if [ -n "$3" ] && [ "$got" = "$3" ] && pi_line_ok "$got"; then
    pass "$1: $got"
  else
    fail "$1: got '$got', expected '$3' (output: $2)"
    tr '\r' '\n' <"$2" 2>/dev/null | grep -v '^[0-9]*/[0-9]* tasks' | sed 's/^/    | /' | tail -15
  fi
}
