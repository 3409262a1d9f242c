# Sourced shell library (bash): where MPJ Express is, and whether an MPJ port is taken. Used by
# bin/setup, bin/rankexec and jobscripts/ (through jobscripts/lib/mpj-daemons.sh).
#
#   mpj_home_check DIR       true when DIR is a complete MPJ Express installation (the upstream
#                            tarball's layout, which bin/setup's assembled copy follows); else
#                            prints the first missing file and returns 1
#   mpj_home_resolve ROOT    sets and exports MPJ_HOME, made absolute: the user's MPJ_HOME when
#                            set, else ROOT/build/mpj-home (what bin/setup assembles in the
#                            rankexec checkout ROOT); either must pass mpj_home_check. Otherwise
#                            returns 1 with a one-line reason in MPJ_HOME_PROBLEM, MPJ_HOME unchanged
#   mpj_port_listening PORT  true when something on this host listens on TCP PORT

mpj_home_check() {
  local f
  for f in lib/starter.jar lib/daemon.jar lib/mpj.jar conf/mpjexpress.conf; do
    [ -f "$1/$f" ] || { echo "$f"; return 1; }
  done
}

# shellcheck disable=SC2034  # MPJ_HOME_PROBLEM is for the caller
mpj_home_resolve() {
  local dir missing
  MPJ_HOME_PROBLEM=""
  if [ -n "${MPJ_HOME:-}" ]; then
    dir="$MPJ_HOME"
    missing="$(mpj_home_check "$dir")" \
      || { MPJ_HOME_PROBLEM="MPJ_HOME=$dir is not an MPJ Express installation (no $missing)"; return 1; }
  else
    dir="$1/build/mpj-home"
    missing="$(mpj_home_check "$dir")" \
      || { MPJ_HOME_PROBLEM="no MPJ Express in $dir (no $missing): run bin/setup, or set MPJ_HOME"; return 1; }
  fi
  MPJ_HOME="$(CDPATH='' cd -- "$dir" && pwd)" || { MPJ_HOME_PROBLEM="cannot enter MPJ Express directory $dir"; return 1; }
  export MPJ_HOME
}

# Read from /proc/net (needs no tool): a probe connection would make an MPJ daemon log a stack
# trace. Self-contained, so it can be shipped to other nodes with $(declare -f mpj_port_listening).
mpj_port_listening() {
  local hex
  hex="$(printf '%04X' "$1")"
  grep -Eq "^ *[0-9]+: [0-9A-F]+:$hex [0-9A-F]+:0000 0A " /proc/net/tcp /proc/net/tcp6 2>/dev/null
}
