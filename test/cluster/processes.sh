# Starting, stopping and checking the cluster's processes, each tracked by its PID file. Sourced by cluster.sh.

PROCESS_NAMES=(etcd kube-apiserver containerd kubelet kube-controller-manager kube-scheduler)

pid_of() { cat "$STATE_DIR/pids/$1.pid" 2>/dev/null || true; }

# A PID file can outlive its process (the machine or session was stopped): the PID counts only while its command
# line still names the component, so a recycled PID is never mistaken for (or killed as) ours.
is_running() {
  local pid; pid=$(pid_of "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$1"
}

any_running() {
  local name
  for name in "${PROCESS_NAMES[@]}"; do is_running "$name" && return 0; done
  return 1
}

# start NAME CMD...: detached in its own session so it outlives the shell that ran `up`.
start_process() {
  local name="$1"; shift
  is_running "$name" && return 0
  mkdir -p "$STATE_DIR/pids" "$LOG_DIR"
  setsid "$@" >"$LOG_DIR/$name.log" 2>&1 < /dev/null &
  echo $! > "$STATE_DIR/pids/$name.pid"
}

# wait_for WHAT SECONDS CMD...: polls CMD until it succeeds, failing with the log of the process concerned.
wait_for() {
  local what="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      die "timed out after ${seconds}s waiting for $what; see $LOG_DIR/"
    fi
    sleep 0.5
  done
}

stop_process() {
  local name="$1" pid
  pid=$(pid_of "$name")
  if is_running "$name"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$STATE_DIR/pids/$name.pid"
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
