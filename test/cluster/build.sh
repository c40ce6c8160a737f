#!/usr/bin/env bash
# Installs the Debian packages the local cluster and the tests need, and builds the Kubernetes binaries from
# Debian's source package. Idempotent: each step is skipped when its output already exists.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PACKAGES=(golang-go rsync etcd-server etcd-client containerd runc containernetworking-plugins busybox-static
  golang-github-modern-go-reflect2-dev openssl gcc libc6-dev dpkg-dev iproute2 procps)
# What the tests use besides the cluster: tmux drives kview in real terminals, util-linux's `script` gives the
# benchmark a pty and nsenter enters the systemd node, systemd's journalctl and systemd-journal-remote read and
# write the journals the node-pane tests use, xz compresses the single executable, and debootstrap and
# systemd-nspawn (systemd-container) build and boot the systemd node.
PACKAGES+=(tmux util-linux systemd systemd-journal-remote xz-utils debootstrap systemd-container)

install_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "installing Debian packages: ${missing[*]}"
  run_logged apt-update apt-get update -q
  run_logged apt-install env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

# apt-get source needs a deb-src entry; a separate file leaves the machine's own sources untouched.
enable_deb_src() {
  local file=/etc/apt/sources.list.d/kview-deb-src.sources
  [ -f "$file" ] && return 0
  step "adding a deb-src entry for Debian's kubernetes source package"
  sed -n '/^Types: deb$/,/^$/p' /etc/apt/sources.list.d/debian.sources | sed 's/^Types: deb$/Types: deb-src/' > "$file"
  [ -s "$file" ] || printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' > "$file"
  run_logged apt-update-src apt-get update -q
}

build_kubernetes() {
  local wanted=(kube-apiserver kubelet kube-controller-manager kube-scheduler)
  local all_present=1
  for binary in "${wanted[@]}" pause; do [ -x "$BIN_DIR/$binary" ] || all_present=0; done
  [ "$all_present" = 1 ] && return 0

  enable_deb_src
  local source_dir="$CACHE_DIR/src"
  mkdir -p "$source_dir"
  if ! ls "$source_dir"/kubernetes_*.orig.tar.gz >/dev/null 2>&1; then
    step "downloading Debian's kubernetes source package (34 MB)"
    (cd "$source_dir" && run_logged apt-source apt-get source --download-only kubernetes)
  fi
  local tree="$source_dir/kubernetes-$K8S_VERSION"
  if [ ! -f "$tree/.kview-patched" ]; then
    step "unpacking the source tree"
    rm -rf "$tree" "$source_dir/tree"
    mkdir -p "$source_dir/tree"
    tar -xzf "$source_dir"/kubernetes_*.orig.tar.gz -C "$source_dir/tree"
    mv "$source_dir/tree"/* "$tree"
    rmdir "$source_dir/tree"
    # The vendored reflect2 1.0.1 crashes under Go >= 1.18 (mapiterinit fault) on large LISTs.
    step "patching vendor/github.com/modern-go/reflect2 with Debian's 1.0.2"
    rm -rf "$tree/vendor/github.com/modern-go/reflect2"
    cp -r /usr/share/gocode/src/github.com/modern-go/reflect2 "$tree/vendor/github.com/modern-go/reflect2"
    touch "$tree/.kview-patched"
  fi
  step "building kube-apiserver, kubelet, kube-controller-manager, kube-scheduler (about 10 minutes the first time)"
  (cd "$tree" && run_logged make-kubernetes make WHAT="cmd/kube-apiserver cmd/kubelet cmd/kube-controller-manager cmd/kube-scheduler")
  mkdir -p "$BIN_DIR"
  for binary in "${wanted[@]}"; do cp "$tree/_output/bin/$binary" "$BIN_DIR/$binary"; done
  # The pause binary comes from the same tree; static so the image needs no libc.
  gcc -static -O2 -o "$BIN_DIR/pause" "$tree/build/pause/linux/pause.c"
  step "binaries cached in $BIN_DIR"
}

install_packages
build_kubernetes
