#!/usr/bin/env bash
# The local single-node Kubernetes cluster that kview's tests, benchmarks and demo run against.
#   cluster.sh up       build if needed (first time ~10 min), start, seed the demo workload; harmless when up
#   cluster.sh down     stop exactly what `up` started and clean what it left outside its state directory
#   cluster.sh status   one line per process, and whether the API server answers
#   cluster.sh env      print `export KUBECONFIG=...` for the running cluster
#   cluster.sh stop-apiserver | start-apiserver | compact-etcd | stop-kubelet | start-kubelet
#                       failure drills for the tests: the API server away and back, an etcd compaction, the
#                       kubelet killed (SIGKILL: its containers keep running under containerd) and started again
#   cluster.sh node-up | node-down | node-exec CMD...
#                       the second node alone (node.sh): start it on a running cluster, stop it and undo what it
#                       changed, run a command inside it. KVIEW_SYSTEMD_NODE=0 makes `up` leave it out.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$HARNESS_DIR/images.sh"
source "$HARNESS_DIR/certs.sh"
source "$HARNESS_DIR/processes.sh"
source "$HARNESS_DIR/components.sh"
source "$HARNESS_DIR/node.sh"

api_ready() {
  [ -f "$STATE_DIR/ports.env" ] || return 1
  # shellcheck disable=SC1091
  source "$STATE_DIR/ports.env"
  curl_ready "https://127.0.0.1:$APISERVER_PORT/readyz"
}

curl_ready() {
  kubectl --kubeconfig "$KUBECONFIG_FILE" get --raw /readyz --request-timeout=2s 2>/dev/null | grep -q ok
}

choose_ports() {
  if [ -f "$STATE_DIR/ports.env" ]; then source "$STATE_DIR/ports.env"; return 0; fi
  mkdir -p "$STATE_DIR"
  {
    echo "ETCD_PORT=$(free_port)"
    echo "ETCD_PEER_PORT=$(free_port)"
    echo "APISERVER_PORT=$(free_port)"
    echo "KUBELET_PORT=$(free_port)"
    echo "KUBELET_HEALTHZ_PORT=$(free_port)"
  } > "$STATE_DIR/ports.env"
  source "$STATE_DIR/ports.env"
}

cmd_up() {
  bash "$HARNESS_DIR/build.sh"
  build_images
  if ! any_running; then
    # Nothing of ours runs (first start, or the machine was stopped under it): start from a clean state so every
    # run sees the same fresh cluster, after clearing whatever the killed processes left behind.
    node_down
    clean_leftovers
    rm -rf "${STATE_DIR:?}"
  fi
  choose_ports
  make_credentials
  write_kubeconfigs
  step "starting etcd, kube-apiserver, containerd, kubelet, controller-manager, scheduler on 127.0.0.1"
  start_etcd
  start_apiserver
  wait_for "kube-apiserver /readyz" 90 curl_ready
  start_containerd
  start_kubelet
  start_controller_manager
  start_scheduler
  wait_for "node localhost to be Ready" 120 kubectl --kubeconfig "$KUBECONFIG_FILE" wait --for=condition=Ready \
    node/localhost --timeout=2s
  [ "${KVIEW_SYSTEMD_NODE:-1}" = 0 ] || node_up
  step "seeding the demo workload"
  bash "$HARNESS_DIR/seed.sh"
  step "ready: export KUBECONFIG=$KUBECONFIG_FILE"
}

cmd_down() {
  node_down
  for name in kube-scheduler kube-controller-manager kubelet; do stop_process "$name"; done
  clean_leftovers
  for name in containerd kube-apiserver etcd; do stop_process "$name"; done
  unmount_under "$STATE_DIR"
  step "stopped"
}

# Containers outlive containerd and the kubelet. Ours are the ones whose bundle lies in this state directory.
clean_leftovers() {
  local id pid bundle
  while read -r id pid _ bundle _; do
    case "$bundle" in
      "$STATE_DIR"/*) runc --root /run/containerd/runc/k8s.io kill "$id" KILL >/dev/null 2>&1 || true
                      runc --root /run/containerd/runc/k8s.io delete -f "$id" >/dev/null 2>&1 || true ;;
    esac
  done < <(runc --root /run/containerd/runc/k8s.io list 2>/dev/null | tail -n +2)
  for pid in $(pgrep -f "containerd-shim.*$STATE_DIR" || true); do kill -9 "$pid" 2>/dev/null || true; done
  unmount_under "$STATE_DIR"
  remove_pod_logs
}

unmount_under() {
  local prefix="$1"
  # Deepest first, so a mount inside another is released before its parent.
  awk -v prefix="$prefix" '$2 ~ "^"prefix {print $2}' /proc/self/mounts | sort -r | while read -r mount; do
    umount "$mount" 2>/dev/null || umount -l "$mount" 2>/dev/null || true
  done
}

# The kubelet writes fixed paths under /var/log/pods and /var/log/containers. Entries that were there before `up`
# (recorded then) are someone else's and stay; the rest are this cluster's pods and go.
remove_pod_logs() {
  local before="$STATE_DIR/pod-logs-before"
  [ -d /var/log/pods ] && [ -f "$before" ] || return 0
  local entry link
  for entry in $(ls /var/log/pods); do
    grep -qxF "$entry" "$before" && continue
    for link in /var/log/containers/*; do
      [ -L "$link" ] && case "$(readlink "$link")" in "/var/log/pods/$entry/"*) rm -f "$link" ;; esac
    done
    rm -rf "/var/log/pods/${entry:?}"
  done
  rm -f "$before"
}

cmd_status() {
  for name in "${PROCESS_NAMES[@]}"; do
    if is_running "$name"; then echo "$name: running (pid $(pid_of "$name"))"; else echo "$name: stopped"; fi
  done
  node_status
  if api_ready; then echo "api: ready at https://127.0.0.1:$APISERVER_PORT"; echo "kubeconfig: $KUBECONFIG_FILE"
  else echo "api: not answering"; return 1; fi
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) echo "export KUBECONFIG=$KUBECONFIG_FILE" ;;
  stop-apiserver) stop_process kube-apiserver ;;
  start-apiserver)
    source "$STATE_DIR/ports.env"
    start_apiserver
    wait_for "kube-apiserver /readyz" 90 curl_ready ;;
  node-up)
    api_ready || die "the local cluster is not up: run $0 up"
    node_up
    node_seed ;;
  node-down) node_down ;;
  node-exec) shift; node_exec "$@" ;;
  stop-kubelet)
    if is_running kubelet; then kill -9 "$(pid_of kubelet)"; fi
    rm -f "$STATE_DIR/pids/kubelet.pid" ;;
  start-kubelet)
    source "$STATE_DIR/ports.env"
    start_kubelet --restart
    wait_for "kubelet /healthz" 60 curl -fsS "http://127.0.0.1:$KUBELET_HEALTHZ_PORT/healthz" ;;
  compact-etcd)
    source "$STATE_DIR/ports.env"
    revision=$(ETCDCTL_API=3 etcdctl --endpoints "http://127.0.0.1:$ETCD_PORT" endpoint status -w json \
      | grep -o '"revision":[0-9]*' | head -1 | cut -d: -f2)
    ETCDCTL_API=3 etcdctl --endpoints "http://127.0.0.1:$ETCD_PORT" compact "$revision" >/dev/null
    echo "$revision" ;;
  *) echo "usage: $0 up|down|status|env|stop-apiserver|start-apiserver|compact-etcd|stop-kubelet|start-kubelet|node-up|node-down|node-exec" >&2
     exit 2 ;;
esac
