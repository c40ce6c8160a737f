# How each component of the local cluster is configured and started. Sourced by cluster.sh.

CONTAINERD_DIR="$STATE_DIR/containerd"
CONTAINERD_SOCKET="$CONTAINERD_DIR/containerd.sock"
PKI="$STATE_DIR/pki"

start_etcd() {
  start_process etcd etcd --data-dir "$STATE_DIR/etcd" --name default \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "default=http://127.0.0.1:$ETCD_PEER_PORT"
}

start_apiserver() {
  start_process kube-apiserver "$BIN_DIR/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$ETCD_PORT" --bind-address 127.0.0.1 --secure-port "$APISERVER_PORT" \
    --insecure-port 0 --advertise-address 127.0.0.1 \
    --tls-cert-file "$PKI/apiserver.crt" --tls-private-key-file "$PKI/apiserver.key" \
    --client-ca-file "$PKI/ca.crt" --token-auth-file "$PKI/tokens.csv" --authorization-mode Node,RBAC \
    --service-account-key-file "$PKI/sa.pub" --service-account-signing-key-file "$PKI/sa.key" \
    --service-account-issuer https://kubernetes.default.svc --service-cluster-ip-range 10.96.0.0/16 \
    --kubelet-client-certificate "$PKI/apiserver-kubelet-client.crt" \
    --kubelet-client-key "$PKI/apiserver-kubelet-client.key" --kubelet-certificate-authority "$PKI/ca.crt" \
    --kubelet-preferred-address-types Hostname --allow-privileged=true
}

write_containerd_config() {
  local config="$CONTAINERD_DIR/config.toml"
  [ -f "$config" ] && return 0
  mkdir -p "$CONTAINERD_DIR/cni-conf"
  containerd config default > "$config.default"
  # This VM lacks CAP_SYS_RESOURCE: without restrict_oom_score_adj runc fails to start the pause container.
  sed -e "s#^root = .*#root = \"$CONTAINERD_DIR/root\"#" \
      -e "s#^state = .*#state = \"$CONTAINERD_DIR/state\"#" \
      -e "/^\[grpc\]/,/^\[/ s#^  address = .*#  address = \"$CONTAINERD_SOCKET\"#" \
      -e "/^\[ttrpc\]/,/^\[/ s#^  address = .*#  address = \"$CONTAINERD_DIR/containerd-ttrpc.sock\"#" \
      -e "s#restrict_oom_score_adj = false#restrict_oom_score_adj = true#" \
      -e "s#sandbox_image = .*#sandbox_image = \"$PAUSE_IMAGE\"#" \
      -e "s#bin_dir = .*#bin_dir = \"/usr/lib/cni\"#" \
      -e "s#conf_dir = .*#conf_dir = \"$CONTAINERD_DIR/cni-conf\"#" \
      "$config.default" > "$config"
  # Only loopback: workload pods use the host network, which is all a single loopback-bound node needs.
  cat > "$CONTAINERD_DIR/cni-conf/10-loopback.conflist" <<'JSON'
{"cniVersion": "0.4.0", "name": "kview-loopback", "plugins": [{"type": "loopback"}]}
JSON
}

start_containerd() {
  write_containerd_config
  start_process containerd containerd --config "$CONTAINERD_DIR/config.toml"
  wait_for "containerd" 30 ctr --address "$CONTAINERD_SOCKET" version
  import_images "$CONTAINERD_SOCKET"
}

write_kubelet_config() {
  mkdir -p "$STATE_DIR/manifests" "$STATE_DIR/kubelet"
  cat > "$STATE_DIR/kubelet-config.yaml" <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: 127.0.0.1
port: $KUBELET_PORT
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: $KUBELET_HEALTHZ_PORT
tlsCertFile: $PKI/kubelet.crt
tlsPrivateKeyFile: $PKI/kubelet.key
authentication:
  x509: {clientCAFile: $PKI/ca.crt}
  webhook: {enabled: false}
  anonymous: {enabled: false}
authorization: {mode: AlwaysAllow}
cgroupDriver: cgroupfs
cgroupsPerQOS: false
enforceNodeAllocatable: []
failSwapOn: false
staticPodPath: $STATE_DIR/manifests
# The images exist only locally: never garbage-collect them, and never evict for a full development disk.
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: "1Mi", nodefs.available: "1%", imagefs.available: "1%"}
YAML
  cp "$HARNESS_DIR/manifests/static-pod.yaml" "$STATE_DIR/manifests/node-probe.yaml"
}

# --restart (the start-kubelet drill): the pod log entries of this cluster's own `up` are already recorded.
start_kubelet() {
  write_kubelet_config
  if ! is_running kubelet && [ "${1:-}" != --restart ]; then
    mkdir -p /var/log/pods
    ls /var/log/pods > "$STATE_DIR/pod-logs-before"
  fi
  start_process kubelet "$BIN_DIR/kubelet" --container-runtime remote \
    --container-runtime-endpoint "unix://$CONTAINERD_SOCKET" --hostname-override localhost \
    --kubeconfig "$STATE_DIR/kubelet.kubeconfig" --root-dir "$STATE_DIR/kubelet" \
    --pod-infra-container-image "$PAUSE_IMAGE" --config "$STATE_DIR/kubelet-config.yaml"
}

start_controller_manager() {
  # nodelifecycle is off so the API-only demo nodes keep the status the seed gives them instead of turning Unknown.
  start_process kube-controller-manager "$BIN_DIR/kube-controller-manager" --kubeconfig "$KUBECONFIG_FILE" \
    --service-account-private-key-file "$PKI/sa.key" --root-ca-file "$PKI/ca.crt" --leader-elect=false \
    --bind-address 127.0.0.1 --secure-port 0 --port 0 --use-service-account-credentials=false \
    --controllers '*,-nodelifecycle'
}

start_scheduler() {
  start_process kube-scheduler "$BIN_DIR/kube-scheduler" --kubeconfig "$KUBECONFIG_FILE" --leader-elect=false \
    --bind-address 127.0.0.1 --secure-port 0 --port 0
}
