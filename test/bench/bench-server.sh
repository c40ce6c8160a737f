#!/usr/bin/env bash
# The bench's own API server: etcd and kube-apiserver from the cached Kubernetes build, nothing else (no kubelet,
# scheduler or controllers), with its data under ~/.cache/kview/bench so 100,000 seeded pods are kept across runs.
# It is separate from the shared local cluster on purpose: a 100k-pod list there would slow every other test.
#   bench-server.sh up       start (or find running) and print nothing but the kubeconfig path on stdout
#   bench-server.sh down     stop exactly the two processes `up` started (the data stays)
#   bench-server.sh status   exit 0 when the API server answers
#   bench-server.sh wipe     down, then remove the data (the next run seeds again)
export KVIEW_CLUSTER_DIR="${KVIEW_BENCH_DIR:-$HOME/.cache/kview/bench}"
source "$(dirname "${BASH_SOURCE[0]}")/../cluster/common.sh"
source "$HARNESS_DIR/certs.sh"
source "$HARNESS_DIR/processes.sh"
source "$HARNESS_DIR/components.sh"

ready() {
  kubectl --kubeconfig "$KUBECONFIG_FILE" get --raw /readyz --request-timeout=2s 2>/dev/null | grep -q ok
}

ports() {
  mkdir -p "$STATE_DIR"
  if [ ! -f "$STATE_DIR/ports.env" ]; then
    {
      echo "ETCD_PORT=$(free_port)"
      echo "ETCD_PEER_PORT=$(free_port)"
      echo "APISERVER_PORT=$(free_port)"
    } > "$STATE_DIR/ports.env"
  fi
  source "$STATE_DIR/ports.env"
}

cmd_up() {
  [ -x "$BIN_DIR/kube-apiserver" ] || die "no cached Kubernetes build at $BIN_DIR: run test/cluster/build.sh"
  ports
  make_credentials
  write_kubeconfigs
  # etcd's default 2 GiB quota is too small for 100k pods written twice (spec, then status).
  if ! is_running etcd; then
    mkdir -p "$STATE_DIR/pids" "$LOG_DIR"
    setsid etcd --data-dir "$STATE_DIR/etcd" --name default --quota-backend-bytes 8589934592 \
      --auto-compaction-retention 5m \
      --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
      --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
      --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
      --initial-cluster "default=http://127.0.0.1:$ETCD_PEER_PORT" >"$LOG_DIR/etcd.log" 2>&1 < /dev/null &
    echo $! > "$STATE_DIR/pids/etcd.pid"
  fi
  start_apiserver
  wait_for "the bench kube-apiserver /readyz" 180 ready
  echo "$KUBECONFIG_FILE"
}

cmd_down() {
  stop_process kube-apiserver
  stop_process etcd
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) ports; ready ;;
  wipe) cmd_down; rm -rf "${STATE_DIR:?}" ;;
  *) echo "usage: $0 up|down|status|wipe" >&2; exit 2 ;;
esac
