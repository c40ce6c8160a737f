#!/usr/bin/env bash
# Seeds the demo workload into the running local cluster. Idempotent: `kubectl apply` and status patches only.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
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
