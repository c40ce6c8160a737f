#!/usr/bin/env bash
# Takes the README's screenshots from a real terminal: kview runs in a detached tmux pane against the local
# cluster, the pane is captured with its colours and rendered to PNG with Debian's rsvg-convert.
#   bash screenshots/take.sh [NAME...]   (needs `npm run cluster:up` and `npm run build` first; NAMEs: only those)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
command -v rsvg-convert >/dev/null || apt-get install -y -q librsvg2-bin fonts-dejavu-core >/dev/null
kubeconfig="$(bash "$root/test/cluster/cluster.sh" env | sed 's/^export KUBECONFIG=//')"
session="kview-screenshot-$$"

wanted=("$@")

# shoot NAME KEYS... : starts kview -A, waits for the live table, types KEYS (each followed by a short pause for
# the view to load), captures the pane. KVIEW_ARGS replaces "-A" and READY the text waited for; KVIEW_COMMAND
# replaces the whole command. With NAMEs given on the command line, other shots are skipped.
shoot() {
  local name="$1"; shift
  if [ ${#wanted[@]} -gt 0 ] && ! printf '%s\n' "${wanted[@]}" | grep -qxF "$name"; then return 0; fi
  local command=("$root/bin/kview" --kubeconfig "$kubeconfig")
  if [ -n "${KVIEW_COMMAND:-}" ]; then read -r -a command <<<"$KVIEW_COMMAND"
  else read -r -a extra <<<"${KVIEW_ARGS:--A}"; command+=("${extra[@]}"); fi
  tmux new-session -d -s "$session" -x 160 -y 30 "${command[@]}"
  for _ in $(seq 1 100); do tmux capture-pane -p -t "$session" | grep -q "${READY:-● live}" && break; sleep 0.1; done
  for keys in "$@"; do
    # "sleep:N" waits N seconds (a debug pod starting) instead of typing.
    case "$keys" in sleep:*) sleep "${keys#sleep:}"; continue ;; esac
    tmux send-keys -t "$session" "$keys"; sleep 0.6
  done
  sleep 1.5
  tmux capture-pane -e -p -t "$session" > "$here/$name.ansi"
  tmux kill-session -t "$session"
  node "$here/ansi-to-svg.mjs" < "$here/$name.ansi" > "$here/$name.svg"
  rsvg-convert "$here/$name.svg" -o "$here/$name.png"
  rm -f "$here/$name.ansi" "$here/$name.svg"
  echo "wrote screenshots/$name.png"
}

shoot pods-all-namespaces j j j j
shoot pods-wide w j j
shoot nodes ':nodes' Enter j
shoot events ':events' Enter
shoot describe-pod ':pods demo' Enter j d
shoot logs ':pods demo' Enter '/ticker' Enter l
shoot node-pane n
# systemd-node from this host: its pane through the kubelet API, on the OS section (h: the previous section).
shoot remote-node-pane ':node-pane systemd-node' Enter h
# The same node through a debug pod kview creates (D, then Start), on its Units section; the pod is deleted when
# the session ends.
KVIEW_ARGS="--debug-image kview.local/busybox:1 --debug-namespace default" \
  shoot remote-debug-pod ':node-pane systemd-node' Enter D Tab Enter sleep:6 l
# The journal reader on seed 000's kubelet and containerd journal, written with systemd-journal-remote.
journal="$(mktemp -d)"
/lib/systemd/systemd-journal-remote --output="$journal/seed.journal" -- \
  "$root/test/fixtures/node-tools/journal-seed000.export" 2>/dev/null
KVIEW_ARGS="--journal-dir $journal" READY=Findings shoot journal-reader l l Enter a /Housekeeping Enter x
rm -rf "$journal"
# The pane inside systemd-node, the local cluster's second node (test/cluster/node.sh): real systemd, journald,
# containerd and kubelet. kview runs there from the bundle and this machine's Node binary, copied in.
node_root="$(dirname "$kubeconfig")/systemd-node/root"
if [ -f "$(dirname "$kubeconfig")/systemd-node/leader.pid" ]; then
  mkdir -p "$node_root/opt/kview/bin" "$node_root/opt/kview/dist"
  cp "$(command -v node)" "$node_root/opt/kview/bin/node"
  cp "$root/bin/kview" "$node_root/opt/kview/bin/kview"
  cp "$root/dist/kview.mjs" "$node_root/opt/kview/dist/kview.mjs"
  KVIEW_COMMAND="nsenter -t $(cat "$(dirname "$kubeconfig")/systemd-node/leader.pid") -a /usr/bin/env -i HOME=/root \
TERM=xterm-256color PATH=/usr/sbin:/usr/bin:/sbin:/bin /opt/kview/bin/node /opt/kview/bin/kview --node" \
    READY="Findings [0-9]" shoot node-pane-systemd-node l l l Enter
fi
