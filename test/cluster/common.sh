# Shared paths and helpers for the local cluster harness (sourced, not run).
# The cache holds the built binaries (slow to make, kept across runs); the state dir holds one running cluster.
set -euo pipefail

K8S_VERSION=1.20.2
HARNESS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE_DIR="${KVIEW_CACHE_DIR:-$HOME/.cache/kview}"
# The reflect2 patch changes the binaries, so it is part of the cache key.
BIN_DIR="$CACHE_DIR/kubernetes-$K8S_VERSION-reflect2-1.0.2/bin"
STATE_DIR="${KVIEW_CLUSTER_DIR:-$CACHE_DIR/cluster}"
LOG_DIR="$STATE_DIR/logs"
KUBECONFIG_FILE="$STATE_DIR/kubeconfig"

step() { printf '[cluster] %s\n' "$*" >&2; }
die() { printf '[cluster] error: %s\n' "$*" >&2; exit 1; }

# run_logged NAME CMD...: runs a long step with its output in a log file, naming that file on failure.
run_logged() {
  local name="$1"; shift
  mkdir -p "$CACHE_DIR/logs"
  local log="$CACHE_DIR/logs/$name.log"
  if ! "$@" >"$log" 2>&1; then
    tail -n 20 "$log" >&2 || true
    die "step '$name' failed; full log: $log"
  fi
}
