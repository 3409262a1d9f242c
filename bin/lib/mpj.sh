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

# ---- host names (multi-node pitfalls, checked before mpjrun starts) ---------------------------
#   mpj_host_addr NAME       the address the JVM's InetAddress.getByName(NAME) picks here (the
#                            first IPv4 address, else the first IPv6 one); empty if NAME does not
#                            resolve
#   mpj_check_hosts MACHINES RANKS
#                            true when MPJ Express can run RANKS ranks on the hosts of the machines
#                            file MACHINES (empty: this machine only) as far as this machine can
#                            tell; else returns 1 with a one-line reason in MPJ_HOSTS_PROBLEM:
#                            - this machine's own name does not resolve (mpjrun, the daemons and
#                              every rank call InetAddress.getLocalHost() and die with
#                              UnknownHostException);
#                            - a host of the machines file does not resolve;
#                            - with 2+ hosts, one of them, or this machine's own name while this
#                              machine is one of them, resolves to a loopback address (Debian's
#                              "127.0.1.1 HOSTNAME" line): MPJ Express takes each rank's address
#                              from its connection to mpjrun, so the other nodes would be handed
#                              127.x and spin forever in MPI.Init.

mpj_host_addr() {
  local a
  a="$(getent ahostsv4 "$1" 2>/dev/null | awk 'NR == 1 { print $1 }')"
  [ -n "$a" ] || a="$(getent ahosts "$1" 2>/dev/null | awk 'NR == 1 { print $1 }')"
  echo "$a"
}

_mpj_is_loopback() { case "$1" in 127.*|::1|::ffff:127.*) return 0 ;; esac; return 1; }

# shellcheck disable=SC2034  # MPJ_HOSTS_PROBLEM is for the caller
mpj_check_hosts() {
  local machines="$1" ranks="$2" self self_addr h addr here=0 hosts=() my_addrs
  MPJ_HOSTS_PROBLEM=""
  self="$(hostname)"
  self_addr="$(mpj_host_addr "$self")"
  if [ -z "$self_addr" ]; then
    MPJ_HOSTS_PROBLEM="this machine's host name '$self' does not resolve (MPJ Express would die with java.net.UnknownHostException): add '<its address> $self' to /etc/hosts or DNS"
    return 1
  fi
  [ -n "$machines" ] || return 0
  # As mpjrun reads the file: trimmed non-empty lines, each host once, at most RANKS of them.
  mapfile -t hosts < <(awk '{ gsub(/^[ \t]+|[ \t\r]+$/, "") } $0 != "" && !seen[$0]++' "$machines" | head -n "$ranks")
  for h in "${hosts[@]}"; do
    [ -n "$(mpj_host_addr "$h")" ] || {
      MPJ_HOSTS_PROBLEM="host '$h' of machines file $machines does not resolve on this machine ($self)"; return 1; }
  done
  [ "${#hosts[@]}" -ge 2 ] || return 0
  my_addrs=" $(hostname -I 2>/dev/null) "
  for h in "${hosts[@]}"; do
    addr="$(mpj_host_addr "$h")"
    if _mpj_is_loopback "$addr"; then
      MPJ_HOSTS_PROBLEM="host '$h' resolves to the loopback address $addr on $self, so MPJ Express would hand that address to the other nodes and MPI.Init would hang: with several hosts, map '$h' to its network address in /etc/hosts or DNS (Debian maps the host name to 127.0.1.1)"
      return 1
    fi
    case "$my_addrs" in *" $addr "*) here=1 ;; esac
    [ "$h" = "$self" ] || [ "$h" = "${self%%.*}" ] && here=1
  done
  if [ "$here" = 1 ] && _mpj_is_loopback "$self_addr"; then
    MPJ_HOSTS_PROBLEM="this machine's host name '$self' resolves to the loopback address $self_addr, so MPJ Express would hand that address to the other nodes and MPI.Init would hang: with several hosts, map '$self' to its network address in /etc/hosts or DNS (Debian maps the host name to 127.0.1.1)"
    return 1
  fi
  return 0
}
