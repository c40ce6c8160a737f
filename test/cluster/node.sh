# The local cluster's second node, "systemd-node": a Debian bookworm rootfs booted under systemd-nspawn, where
# systemd is PID 1, journald is live and containerd and the kubelet are ordinary systemd units. It joins the local
# API server with its own node identity. Sourced by cluster.sh (after common.sh, certs.sh and processes.sh).
#
# The rootfs is built once with debootstrap into the cache (keyed by NODE_ROOTFS_VERSION: change the version when
# the package list or the build changes, and the next `up` builds a new one). Each start boots a fresh copy in the
# state directory, so the cached rootfs stays pristine and every run sees a freshly installed node. A copy rather
# than an overlay: containerd inside the node keeps its snapshots under /var/lib/containerd, and its overlayfs
# snapshotter cannot use an overlayfs upper directory; the copy takes a few seconds.

NODE_NAME=systemd-node
NODE_ROOTFS_VERSION=bookworm-1
NODE_PACKAGES=systemd,systemd-sysv,dbus,containerd,runc,containernetworking-plugins,iproute2,procps
NODE_CACHE="$CACHE_DIR/systemd-node-$NODE_ROOTFS_VERSION"
NODE_DIR="$STATE_DIR/$NODE_NAME"
NODE_ROOT="$NODE_DIR/root"
# nspawn mounts the cgroup v1 controllers read-only; runc must create cgroups in them (see hostcg.service below).
NODE_CGROUP_CONTROLLERS=(blkio pids memory freezer cpuset cpuacct devices cpu)

node_log() { printf '[cluster] %s: %s\n' "$NODE_NAME" "$*" >&2; }

# The one systemd-nspawn process this harness started, checked against its command line like the components.
node_nspawn_pid() {
  local pid
  pid=$(cat "$NODE_DIR/nspawn.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "systemd-nspawn .*--machine=$NODE_NAME" || return 1
  echo "$pid"
}

# The container's PID 1 (its systemd), which nsenter enters: the child of systemd-nspawn, remembered in leader.pid
# because it outlives a killed systemd-nspawn. A PID counts only while its root is the node's root directory (which
# also passes over nspawn's short-lived helper children, whose root is still the host's). The root's device and
# inode are kept in root.id, so a leader is still recognised after its directory was removed.
node_leader() {
  local pid
  pid=$(cat "$NODE_DIR/leader.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && node_rooted "$pid"; then echo "$pid"; return 0; fi
  local nspawn
  nspawn=$(node_nspawn_pid) || return 1
  pid=$(pgrep -P "$nspawn" | head -n 1)
  [ -n "$pid" ] && node_rooted "$pid" || return 1
  echo "$pid" >"$NODE_DIR/leader.pid"
  echo "$pid"
}

# The same directory by device and inode (the path a process in another mount namespace shows is not ours).
node_rooted() {
  local theirs ours
  theirs=$(stat -L -c %d:%i "/proc/$1/root" 2>/dev/null) || return 1
  ours=$(cat "$NODE_DIR/root.id" 2>/dev/null) || return 1
  [ "$theirs" = "$ours" ]
}

node_running() { node_nspawn_pid >/dev/null && node_leader >/dev/null; }

node_exec() {
  local leader
  leader=$(node_leader) || die "$NODE_NAME is not running"
  [ -n "$leader" ] || die "$NODE_NAME has no leader process yet"
  nsenter -t "$leader" -a "$@"
}

node_build_rootfs() {
  [ -f "$NODE_CACHE/.complete" ] && return 0
  local mirror
  # The mirror this machine's apt already uses (deb822 sources first, then the classic list).
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  step "building the $NODE_NAME rootfs with debootstrap (Debian bookworm from $mirror; a few minutes, once)"
  rm -rf "$NODE_CACHE"
  mkdir -p "$NODE_CACHE"
  local started=$SECONDS
  run_logged systemd-node-debootstrap debootstrap --variant=minbase --include="$NODE_PACKAGES" bookworm \
    "$NODE_CACHE/rootfs" "$mirror"
  rm -rf "$NODE_CACHE/rootfs/var/cache/apt/archives/"*.deb
  echo "$((SECONDS - started))" >"$NODE_CACHE/debootstrap-seconds"
  touch "$NODE_CACHE/.complete"
  step "$NODE_NAME rootfs cached in $NODE_CACHE ($((SECONDS - started)) s)"
}

node_choose_ports() {
  if [ ! -f "$NODE_DIR/ports.env" ]; then
    mkdir -p "$NODE_DIR"
    # Distinct from the localhost kubelet's ports: both kubelets share the host's network namespace.
    printf 'NODE_KUBELET_PORT=%s\nNODE_HEALTHZ_PORT=%s\n' "$(free_port)" "$(free_port)" >"$NODE_DIR/ports.env"
  fi
  source "$NODE_DIR/ports.env"
}

# The node's own identity: a client certificate for system:node:NAME in group system:nodes, so the API server's
# Node authorizer grants it exactly a node's rights, and a serving certificate for the name the API server dials.
node_credentials() {
  local pki="$STATE_DIR/pki"
  [ -f "$pki/$NODE_NAME-client.crt" ] || sign "$NODE_NAME-client" "/O=system:nodes/CN=system:node:$NODE_NAME"
  [ -f "$pki/$NODE_NAME-serving.crt" ] || sign "$NODE_NAME-serving" "/CN=$NODE_NAME" "DNS:$NODE_NAME,IP:127.0.0.1"
  local target="$NODE_ROOT/etc/kubernetes/pki"
  mkdir -p "$target"
  cp "$pki/ca.crt" "$target/ca.crt"
  cp "$pki/$NODE_NAME-client.crt" "$target/kubelet-client.crt"
  cp "$pki/$NODE_NAME-client.key" "$target/kubelet-client.key"
  cp "$pki/$NODE_NAME-serving.crt" "$target/kubelet.crt"
  cp "$pki/$NODE_NAME-serving.key" "$target/kubelet.key"
  chmod 600 "$target"/*.key
  cat >"$NODE_ROOT/etc/kubernetes/kubelet.kubeconfig" <<YAML
apiVersion: v1
kind: Config
clusters:
- name: kview-local
  cluster: {server: https://127.0.0.1:$APISERVER_PORT, certificate-authority: /etc/kubernetes/pki/ca.crt}
users:
- name: kubelet
  user: {client-certificate: /etc/kubernetes/pki/kubelet-client.crt, client-key: /etc/kubernetes/pki/kubelet-client.key}
contexts:
- name: kubelet
  context: {cluster: kview-local, user: kubelet}
current-context: kubelet
YAML
  chmod 600 "$NODE_ROOT/etc/kubernetes/kubelet.kubeconfig"
}

# Everything of the node that is not in the cached rootfs: written into the per-run copy before it boots.
node_configure() {
  local root="$NODE_ROOT"
  mkdir -p "$root/etc/kubernetes/manifests" "$root/etc/containerd" "$root/etc/cni/net.d" "$root/var/lib/kubelet" \
    "$root/root/images" "$root/etc/systemd/system/multi-user.target.wants"
  cp "$BIN_DIR/kubelet" "$root/usr/local/bin/kubelet"
  cp "$CACHE_DIR/images/pause.tar" "$CACHE_DIR/images/busybox.tar" "$root/root/images/"
  echo "$NODE_NAME" >"$root/etc/hostname"
  node_credentials
  # As on localhost: no CAP_SYS_RESOURCE (restrict_oom_score_adj), loopback-only CNI (pods use hostNetwork).
  # nspawn's seccomp filter refuses keyctl, so runc must not ask for a new session keyring (NoNewKeyring).
  cat >"$root/etc/containerd/config.toml" <<TOML
version = 2
[plugins."io.containerd.grpc.v1.cri"]
  restrict_oom_score_adj = true
  sandbox_image = "$PAUSE_IMAGE"
  disable_hugetlb_controller = true
  tolerate_missing_hugetlb_controller = true
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "/etc/cni/net.d"
  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
    runtime_type = "io.containerd.runc.v2"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
      NoNewKeyring = true
TOML
  echo '{"cniVersion": "0.4.0", "name": "loopback", "plugins": [{"type": "loopback"}]}' \
    >"$root/etc/cni/net.d/10-loopback.conflist"
  cat >"$root/var/lib/kubelet/config.yaml" <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: 127.0.0.1
port: $NODE_KUBELET_PORT
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: $NODE_HEALTHZ_PORT
tlsCertFile: /etc/kubernetes/pki/kubelet.crt
tlsPrivateKeyFile: /etc/kubernetes/pki/kubelet.key
authentication:
  x509: {clientCAFile: /etc/kubernetes/pki/ca.crt}
  webhook: {enabled: false}
  anonymous: {enabled: false}
authorization: {mode: AlwaysAllow}
cgroupDriver: cgroupfs
cgroupsPerQOS: false
enforceNodeAllocatable: []
failSwapOn: false
staticPodPath: /etc/kubernetes/manifests
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: "1Mi", nodefs.available: "1%", imagefs.available: "1%"}
YAML
  # nspawn mounts the cgroup v1 controllers read-only, and runc must create cgroups: the host's controllers are
  # bound into /run/hostcg by nspawn and mounted over the read-only ones before containerd starts.
  cat >"$root/etc/systemd/system/hostcg.service" <<'UNIT'
[Unit]
Description=Writable cgroup controllers from the host
DefaultDependencies=no
Before=containerd.service kubelet.service
[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/bin/sh -c 'for c in /run/hostcg/*; do mount --bind "$$c" "/sys/fs/cgroup/$${c##*/}"; done'
[Install]
WantedBy=multi-user.target
UNIT
  cat >"$root/etc/systemd/system/kubelet.service" <<UNIT
[Unit]
Description=kubelet: The Kubernetes Node Agent
After=containerd.service hostcg.service
Requires=hostcg.service
[Service]
ExecStart=/usr/local/bin/kubelet --container-runtime remote --container-runtime-endpoint unix:///run/containerd/containerd.sock --hostname-override $NODE_NAME --register-with-taints kview.local/systemd-node=true:NoSchedule --pod-infra-container-image $PAUSE_IMAGE --kubeconfig /etc/kubernetes/kubelet.kubeconfig --config /var/lib/kubelet/config.yaml
Restart=always
RestartSec=2
[Install]
WantedBy=multi-user.target
UNIT
  local unit
  for unit in hostcg kubelet containerd; do
    ln -sf "/etc/systemd/system/$unit.service" "$root/etc/systemd/system/multi-user.target.wants/$unit.service"
  done
  # containerd's own unit lives under /lib; the link above must point at it.
  ln -sf /lib/systemd/system/containerd.service "$root/etc/systemd/system/multi-user.target.wants/containerd.service"
}

node_hosts_line() { printf '127.0.0.1 %s # kview local cluster\n' "$NODE_NAME"; }

# The API server dials kubelets by node name (--kubelet-preferred-address-types Hostname).
node_add_hosts_line() {
  grep -qxF "$(node_hosts_line)" /etc/hosts || node_hosts_line >>/etc/hosts
}

# Rewritten in place rather than replaced (sed -i renames), since /etc/hosts may be a bind mount.
node_remove_hosts_line() {
  grep -qxF "$(node_hosts_line)" /etc/hosts || return 0
  local kept
  kept=$(grep -vxF "$(node_hosts_line)" /etc/hosts || true)
  printf '%s\n' "$kept" >/etc/hosts
}

node_up() {
  if node_running; then
    node_log "running (systemd-nspawn pid $(node_nspawn_pid), leader $(node_leader))"
    return 0
  fi
  node_build_rootfs
  node_down
  node_choose_ports
  local started=$SECONDS
  step "$NODE_NAME: copying the cached rootfs and configuring containerd and the kubelet"
  mkdir -p "$NODE_DIR"
  cp -a "$NODE_CACHE/rootfs" "$NODE_ROOT"
  stat -c %d:%i "$NODE_ROOT" >"$NODE_DIR/root.id"
  node_configure
  node_add_hosts_line
  local binds=(--bind=/dev/kmsg) controller
  for controller in "${NODE_CGROUP_CONTROLLERS[@]}"; do
    [ -d "/sys/fs/cgroup/$controller" ] && binds+=("--bind=/sys/fs/cgroup/$controller:/run/hostcg/$controller")
  done
  step "$NODE_NAME: booting systemd under systemd-nspawn"
  # --register=no --keep-unit: the host has no systemd or machined to register with. --capability=all: mounts
  # inside (hostcg, runc) are refused otherwise. The network namespace is the host's, like localhost's kubelet.
  setsid systemd-nspawn --directory="$NODE_ROOT" --machine="$NODE_NAME" --boot --register=no --keep-unit \
    --console=passive --capability=all "${binds[@]}" >"$NODE_DIR/nspawn.log" 2>&1 </dev/null &
  echo $! >"$NODE_DIR/nspawn.pid"
  wait_for "$NODE_NAME's systemd to finish booting (log $NODE_DIR/nspawn.log)" 60 node_booted
  # Copy, configuration and boot: what a restart of the node costs before its kubelet starts.
  echo "$((SECONDS - started))" >"$NODE_DIR/boot-seconds"
  wait_for "$NODE_NAME's containerd" 60 node_exec ctr version
  local image
  for image in pause busybox; do
    run_logged "$NODE_NAME-import-$image" node_exec ctr -n k8s.io images import "/root/images/$image.tar"
  done
  # A Node object from an earlier run still says Ready (no node-lifecycle controller): the new kubelet counts once
  # the API server reaches it by name, with its serving certificate, and then reports the node Ready.
  wait_for "$NODE_NAME's kubelet through the API server (journal: $0 node-exec journalctl -u kubelet)" 120 \
    kubectl --kubeconfig "$KUBECONFIG_FILE" get --raw "/api/v1/nodes/$NODE_NAME/proxy/healthz" --request-timeout=2s
  wait_for "node $NODE_NAME to be Ready (journal: $0 node-exec journalctl -u kubelet)" 120 \
    kubectl --kubeconfig "$KUBECONFIG_FILE" wait --for=condition=Ready "node/$NODE_NAME" --timeout=2s
  # The kubelet registers with the not-ready taint, which the (disabled) node-lifecycle controller would lift.
  kubectl --kubeconfig "$KUBECONFIG_FILE" taint node "$NODE_NAME" node.kubernetes.io/not-ready:NoSchedule- \
    >/dev/null 2>&1 || true
  step "$NODE_NAME: up in $((SECONDS - started)) s (leader pid $(node_leader); cluster.sh node-exec CMD runs in it)"
}

node_seed() {
  kubectl --kubeconfig "$KUBECONFIG_FILE" apply -f "$HARNESS_DIR/manifests/systemd-node.yaml" >/dev/null
}

node_booted() {
  local leader
  leader=$(node_leader) || return 1
  [ -n "$leader" ] || return 1
  # "degraded" still means booted (a unit that does not fit a container may fail); anything else is not yet.
  case "$(nsenter -t "$leader" -a systemctl is-system-running 2>/dev/null)" in
    running | degraded) return 0 ;;
    *) return 1 ;;
  esac
}

# Undoes everything node_up did, whether the node runs or was left behind by a killed session.
node_down() {
  local pid
  # SIGKILL to the container's PID 1 ends its PID namespace: the kernel kills every process in it, the pods'
  # included, at once. (Killing systemd-nspawn alone does not: its child lives on.) An orderly poweroff takes
  # over a minute, since containerd's KillMode=process leaves the shims to systemd's final kill.
  for pid in $(node_leader || true) $(node_nspawn_pid || true); do
    kill -KILL "$pid" 2>/dev/null || true
    local _
    # A zombie is gone as far as the node is concerned (its reaper may be slow: nspawn, its parent, may be dead).
    for _ in $(seq 1 40); do
      case "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || echo gone)" in Z | gone) break ;; esac
      sleep 0.25
    done
  done
  rm -f "$NODE_DIR/nspawn.pid" "$NODE_DIR/leader.pid" "$NODE_DIR/root.id"
  # nspawn's mounts live in its own mount namespace and die with it; anything under the root seen here goes too.
  unmount_under "$NODE_ROOT"
  node_remove_hosts_line
  rm -rf "${NODE_ROOT:?}"
}

node_status() {
  if node_running; then
    echo "$NODE_NAME: running (systemd-nspawn pid $(node_nspawn_pid), systemd pid $(node_leader))"
  else
    echo "$NODE_NAME: stopped"
  fi
}
