# Sourced library (bash, root): a private cluster of "nodes" on this one machine, each node a
# Linux network namespace with its own private address, host name and hosts file, all on one
# bridge. For tests of the multi-node paths (MPJ Express niodev, multi-node Slurm).
#
# Isolation: the bridge lives in a namespace of its own (the "switch"), so neither it nor the
# veth pairs appear in the machine's own namespace; the nodes have no default route and no
# name server but loopback, so their traffic can only reach each other's addresses
# (NETNS_SUBNET.1, .2, ...) and their own loopback. Processes of a node must run through
# netns_exec, which enters the node's network namespace and gives the command its own UTS and
# mount namespaces, with the node's host name and /etc/netns/NODE/{hosts,resolv.conf} bound over
# /etc (like `ip netns exec`, but without remounting /sys, so /sys/fs/cgroup stays visible for
# slurmd). The file system is shared, like a shared home on a cluster.
#
#   netns_supported           true when namespaces, a bridge and veth pairs can be made here;
#                             else prints the reason
#   netns_create NODE...      builds the cluster (tears down leftovers of an earlier run first);
#                             node i (from 1) gets NETNS_SUBNET.i. Records what it made in
#                             NETNS_STATE so netns_destroy (also of a later run) finds it
#   netns_destroy             kills every process left in the nodes, removes the namespaces,
#                             the bridge, the veths and /etc/netns/NODE (idempotent)
#   netns_exec NODE CMD...    runs CMD as a process of NODE
#   netns_addr NODE           the node's address
#   netns_hosts_line NODE LINE  puts LINE first in NODE's hosts file (e.g. Debian's 127.0.1.1 line)
#   netns_link NODE up|down   plugs NODE's cable into the switch or pulls it
#   netns_netem DELAY         adds DELAY (e.g. 2ms) of latency on every node's link (tc netem)
#   netns_pids NODE           pids of the processes in NODE's network namespace

NETNS_NODES_PREFIX="${NETNS_NODES_PREFIX:-rxnode}"
NETNS_SUBNET="${NETNS_SUBNET:-10.231.7}"
NETNS_SWITCH="${NETNS_SWITCH:-${NETNS_NODES_PREFIX}-switch}"
NETNS_STATE="${NETNS_STATE:-/run/rankexec-netns-test.nodes}"

_netns_log() { echo "netns-cluster: $*" >&2; }

netns_supported() {
  local probe="${NETNS_NODES_PREFIX}-probe$$" why=""
  [ "$(id -u)" = 0 ] || { echo "needs root"; return 1; }
  for t in ip nsenter unshare; do command -v "$t" >/dev/null 2>&1 || { echo "no $t command"; return 1; }; done
  if ! ip netns add "$probe" 2>/dev/null; then
    echo "cannot create a network namespace (ip netns add failed)"; return 1
  fi
  if ! ip -n "$probe" link add "${probe:0:10}b" type bridge 2>/dev/null; then why="cannot create a bridge"
  elif ! ip -n "$probe" link add vp0 type veth peer name vp1 2>/dev/null; then why="cannot create a veth pair"
  elif ! nsenter --net="/run/netns/$probe" unshare --uts --mount hostname "${probe:0:10}" 2>/dev/null; then
    why="cannot enter a namespace with its own host name (nsenter/unshare --uts --mount failed)"
  fi
  ip netns del "$probe" 2>/dev/null
  [ -z "$why" ] || { echo "$why"; return 1; }
}

netns_addr() {
  local i=1 n
  for n in $(cat "$NETNS_STATE.order" 2>/dev/null); do
    [ "$n" = "$1" ] && { echo "$NETNS_SUBNET.$i"; return 0; }
    i=$((i + 1))
  done
  return 1
}

netns_exec() {
  local node="$1"; shift
  [ -e "/run/netns/$node" ] || { _netns_log "no node $node"; return 1; }
  # shellcheck disable=SC2016  # expanded by the inner bash
  nsenter --net="/run/netns/$node" -- unshare --uts --mount --propagation private -- bash -c '
    node="$1"; shift
    hostname "$node" || exit 125
    for f in /etc/netns/"$node"/*; do
      [ -e "$f" ] && { mount --bind "$f" "/etc/${f##*/}" || exit 125; }
    done
    exec "$@"' netns-exec "$node" "$@"
}

netns_pids() { ip netns pids "$1" 2>/dev/null; }

netns_create() {
  local i=1 node addr
  netns_destroy
  printf '%s\n' "$@" >"$NETNS_STATE.order"
  echo "$NETNS_SWITCH" >"$NETNS_STATE"
  printf '%s\n' "$@" >>"$NETNS_STATE"
  ip netns add "$NETNS_SWITCH" || return 1
  ip -n "$NETNS_SWITCH" link add br0 type bridge || return 1
  ip -n "$NETNS_SWITCH" link set br0 up || return 1
  for node in "$@"; do
    addr="$NETNS_SUBNET.$i"
    ip netns add "$node" || return 1
    # The switch end is named after the node's index (interface names have at most 15 characters).
    ip -n "$NETNS_SWITCH" link add "port$i" type veth peer name eth0 netns "$node" || return 1
    ip -n "$NETNS_SWITCH" link set "port$i" master br0 up || return 1
    ip -n "$node" link set lo up || return 1
    ip -n "$node" addr add "$addr/24" dev eth0 || return 1
    ip -n "$node" link set eth0 up || return 1
    mkdir -p "/etc/netns/$node" || return 1
    # Name lookups never leave the node: a name server on its own loopback (none listens).
    echo "nameserver 127.0.0.1" >"/etc/netns/$node/resolv.conf"
    i=$((i + 1))
  done
  for node in "$@"; do
    {
      echo "127.0.0.1 localhost"
      i=1
      for n in "$@"; do echo "$NETNS_SUBNET.$i $n"; i=$((i + 1)); done
    } >"/etc/netns/$node/hosts"
  done
  # Wait until every node reaches every other (bridge ports need a moment to forward).
  for node in "$@"; do
    for _ in $(seq 1 50); do
      # ("refused": the node answered; a pipe into grep would fail under pipefail)
      case "$(netns_exec "$1" bash -c "exec 3<>/dev/tcp/$(netns_addr "$node")/1" 2>&1)" in *refused*) break ;; esac
      sleep 0.1
    done
  done
}

netns_hosts_line() {
  local f="/etc/netns/$1/hosts"
  { echo "$2"; cat "$f"; } >"$f.new" && mv "$f.new" "$f"
}

netns_link() {
  local i=1 n
  for n in $(cat "$NETNS_STATE.order" 2>/dev/null); do
    [ "$n" = "$1" ] && { ip -n "$NETNS_SWITCH" link set "port$i" "$2"; return; }
    i=$((i + 1))
  done
  return 1
}

netns_netem() {
  local node
  for node in $(cat "$NETNS_STATE.order" 2>/dev/null); do
    tc -n "$node" qdisc replace dev eth0 root netem delay "$1" 2>/dev/null || return 1
  done
}

netns_destroy() {
  local ns pid
  [ -f "$NETNS_STATE" ] || return 0
  for ns in $(cat "$NETNS_STATE"); do
    [ -e "/run/netns/$ns" ] || continue
    # Whatever still runs in a node (daemons, ranks, slurmd) was started there by the test.
    for pid in $(netns_pids "$ns"); do kill -KILL "$pid" 2>/dev/null; done
    for _ in $(seq 1 50); do [ -z "$(netns_pids "$ns")" ] && break; sleep 0.1; done
    ip netns del "$ns" 2>/dev/null || _netns_log "could not delete namespace $ns"
    [ "$ns" = "$NETNS_SWITCH" ] || rm -rf "/etc/netns/$ns"
  done
  rmdir /etc/netns 2>/dev/null
  rm -f "$NETNS_STATE" "$NETNS_STATE.order"
  return 0
}
