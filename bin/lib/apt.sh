# Sourced shell library (bash): installing Debian packages for rankexec's scripts (bin/setup,
# bench/, the Slurm test).
#
#   apt_install PKG...  installs those of the packages that are not installed (needs root then).
#                       Silent on success (RANKEXEC_VERBOSE=1: one "installing ..." line on
#                       stderr); on failure prints which command failed and the end of apt's output
#                       on stderr and returns 1.
#   apt_missing PKG...  prints the packages that are not installed, one a line.
#
# Freshness rule: the package lists are refreshed (apt-get update) only when something has to be
# installed, and then once per run: the first refresh exports RANKEXEC_APT_UPDATED=1, so later
# installs of this script and of the scripts it starts skip it. (The lists' file dates cannot tell
# when they were last refreshed: apt dates them with the archive's Last-Modified time.)
# Another apt or dpkg run holding the locks is waited for (up to 10 minutes), not failed on.

apt_missing() {
  local p
  for p in "$@"; do
    # (dpkg -s also succeeds for a removed package whose configuration files remain)
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || echo "$p"
  done
}

apt_install() {
  local me="${0##*/}" missing=() log
  mapfile -t missing < <(apt_missing "$@")
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "$me: missing packages ${missing[*]}: install them (apt-get install ${missing[*]}) or run this as root on Debian" >&2
    return 1
  fi
  [ "${RANKEXEC_VERBOSE:-0}" != 1 ] || echo "$me: installing ${missing[*]}" >&2
  log="$(mktemp "${TMPDIR:-/tmp}/rankexec-apt.XXXXXX")" || return 1
  if [ "${RANKEXEC_APT_UPDATED:-0}" != 1 ]; then
    if ! apt-get -o DPkg::Lock::Timeout=600 -q update >"$log" 2>&1; then
      echo "$me: apt-get update failed:" >&2
      tail -n 8 "$log" | sed 's/^/  /' >&2
      rm -f "$log"
      return 1
    fi
    export RANKEXEC_APT_UPDATED=1
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q -y \
         --no-install-recommends install "${missing[@]}" >"$log" 2>&1; then
    echo "$me: apt-get install ${missing[*]} failed:" >&2
    tail -n 8 "$log" | sed 's/^/  /' >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}
