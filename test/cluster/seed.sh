#!/usr/bin/env bash
# Seeds the demo workload into the running local cluster. Idempotent: `kubectl apply` and status patches only.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$HARNESS_DIR/node.sh"
export KUBECONFIG="$KUBECONFIG_FILE"

kubectl apply -f "$HARNESS_DIR/manifests/nodes.yaml" >/dev/null

now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# node_status NAME READY(True|False) INTERNAL_IP
node_status() {
  local reason=KubeletReady message="kubelet is posting ready status"
  if [ "$2" != True ]; then reason=KubeletNotReady; message="container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:cni plugin not initialized"; fi
  kubectl patch node "$1" --subresource=status --type=merge -p "$(cat <<JSON
{"status": {
  "conditions": [{"type": "Ready", "status": "$2", "reason": "$reason", "message": "$message",
                  "lastHeartbeatTime": "$now", "lastTransitionTime": "$now"}],
  "addresses": [{"type": "InternalIP", "address": "$3"}, {"type": "Hostname", "address": "$1"}],
  "capacity": {"cpu": "4", "memory": "8029800Ki", "pods": "110"},
  "allocatable": {"cpu": "4", "memory": "7927400Ki", "pods": "110"},
  "nodeInfo": {"machineID": "", "systemUUID": "", "bootID": "", "kernelVersion": "5.10.0-28-amd64",
               "osImage": "Debian GNU/Linux 12 (bookworm)", "containerRuntimeVersion": "containerd://1.6.20",
               "kubeletVersion": "v1.20.2", "kubeProxyVersion": "v1.20.2", "operatingSystem": "linux",
               "architecture": "amd64"}}}
JSON
)" >/dev/null
}
# The kubelet registers with the not-ready taint, which the (disabled) node-lifecycle controller would lift.
kubectl taint node localhost node.kubernetes.io/not-ready:NoSchedule- >/dev/null 2>&1 || true
node_status control-plane-1 True 192.0.2.10
node_status worker-notready False 192.0.2.21
node_status worker-cordoned True 192.0.2.22

# Namespaces first: the workload's default service accounts appear only after the namespaces exist.
kubectl apply -f "$HARNESS_DIR/manifests/namespaces.yaml" >/dev/null
for namespace in demo shop; do
  for _ in $(seq 1 60); do kubectl -n "$namespace" get serviceaccount default >/dev/null 2>&1 && break; sleep 0.5; done
done
kubectl apply -f "$HARNESS_DIR/manifests/workload.yaml" >/dev/null

# A Warning event of the kind operators see when a node's disk fills: realistic text for the events views.
kubectl apply -f - >/dev/null <<YAML
apiVersion: v1
kind: Event
metadata: {name: worker-notready.disk-pressure, namespace: default}
involvedObject: {kind: Node, name: worker-notready, uid: worker-notready, apiVersion: v1}
reason: NodeHasDiskPressure
message: "Node worker-notready status is now: NodeHasDiskPressure"
type: Warning
source: {component: kubelet, host: worker-notready}
firstTimestamp: "$now"
lastTimestamp: "$now"
count: 3
YAML

# Every pod state kubectl distinguishes, written through the status subresource (see manifests/pod-states.yaml).
# A pod that is already being deleted (the Terminating one, after a first seed) cannot be applied again.
kubectl apply -f "$HARNESS_DIR/manifests/pod-states.yaml" >/dev/null 2>&1 || true
pod_status() {
  kubectl -n states patch pod "$1" --subresource=status --type=merge -p "{\"status\": $2}" >/dev/null
}
pod_status init-error '{"phase":"Pending","initContainerStatuses":[{"name":"init","ready":false,"restartCount":0,"image":"kview.local/busybox:1","imageID":"","state":{"terminated":{"exitCode":1,"reason":"Error"}}}],"containerStatuses":[{"name":"app","ready":false,"restartCount":0,"image":"kview.local/busybox:1","imageID":"","state":{"waiting":{"reason":"PodInitializing"}}}]}'
pod_status init-exitcode '{"phase":"Pending","initContainerStatuses":[{"name":"init","ready":false,"restartCount":0,"image":"kview.local/busybox:1","imageID":"","state":{"terminated":{"exitCode":2}}}]}'
pod_status init-crashloop '{"phase":"Pending","initContainerStatuses":[{"name":"init","ready":false,"restartCount":4,"image":"kview.local/busybox:1","imageID":"","state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 1m20s restarting failed container"}},"lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"2026-11-22T09:00:00Z"}}}]}'
pod_status oomkilled '{"phase":"Running","containerStatuses":[{"name":"app","ready":false,"restartCount":3,"image":"kview.local/busybox:1","imageID":"","state":{"terminated":{"exitCode":137,"reason":"OOMKilled"}},"lastState":{"terminated":{"exitCode":137,"reason":"OOMKilled","finishedAt":"2026-11-22T09:00:00Z"}}}]}'
pod_status signal '{"phase":"Running","containerStatuses":[{"name":"app","ready":false,"restartCount":0,"image":"kview.local/busybox:1","imageID":"","state":{"terminated":{"exitCode":0,"signal":9}}}]}'
pod_status exitcode '{"phase":"Running","containerStatuses":[{"name":"app","ready":false,"restartCount":0,"image":"kview.local/busybox:1","imageID":"","state":{"terminated":{"exitCode":3}}}]}'
pod_status evicted '{"phase":"Failed","reason":"Evicted","message":"The node was low on resource: memory.","containerStatuses":[]}'
pod_status imagepull '{"phase":"Pending","containerStatuses":[{"name":"app","ready":false,"restartCount":0,"image":"registry.example/app:1","imageID":"","state":{"waiting":{"reason":"ImagePullBackOff","message":"Back-off pulling image"}}}]}'
pod_status creating '{"phase":"Pending","containerStatuses":[{"name":"app","ready":false,"restartCount":0,"image":"kview.local/busybox:1","imageID":"","state":{"waiting":{"reason":"ContainerCreating"}}}]}'
pod_status unknown-phase '{"phase":"Unknown"}'
pod_status not-ready '{"phase":"Running","conditions":[{"type":"Ready","status":"False"}],"containerStatuses":[{"name":"app","ready":false,"restartCount":0,"image":"kview.local/busybox:1","imageID":"","state":{"running":{"startedAt":"2026-11-22T08:00:00Z"}}}]}'
pod_status nominated '{"phase":"Pending","nominatedNodeName":"control-plane-1"}'
# Deleted with a grace period on a node without a kubelet: it stays Terminating.
kubectl -n states delete pod terminating --wait=false >/dev/null 2>&1 || true

# The second node's pods (node.sh), when it runs.
if [ "${KVIEW_SYSTEMD_NODE:-1}" != 0 ] && node_running; then node_seed; fi
