// What differs between Kubernetes distributions on a node: unit names, where the runtime listens, crictl's config.
// 'kubelet' is a kubelet that no distribution's marks were found for (installed by hand or by other tooling).
export type Flavour = 'kubeadm' | 'kubelet' | 'k3s' | 'rke2' | 'microk8s';

export interface FlavourProfile {
  flavour: Flavour;
  kubeletUnits: readonly string[];
  runtimeUnits: readonly string[];
  runtimeSocket: string;
  // CRI_CONFIG_FILE for crictl; undefined means crictl's own default (/etc/crictl.yaml).
  crictlConfig?: string;
  containerdRoot: string;
  kubeletRootDir: string;
  manifestsDir: string;
  // Where each flavour keeps binaries that are not on PATH (RKE2 ships crictl and ctr there).
  extraBinDirs: readonly string[];
}

export const flavourProfiles: Readonly<Record<Flavour, FlavourProfile>> = {
  kubeadm: {
    flavour: 'kubeadm',
    kubeletUnits: ['kubelet.service'],
    runtimeUnits: ['containerd.service', 'crio.service'],
    runtimeSocket: '/run/containerd/containerd.sock',
    containerdRoot: '/var/lib/containerd',
    kubeletRootDir: '/var/lib/kubelet',
    manifestsDir: '/etc/kubernetes/manifests',
    extraBinDirs: [],
  },
  kubelet: {
    flavour: 'kubelet',
    kubeletUnits: ['kubelet.service'],
    runtimeUnits: ['containerd.service', 'crio.service'],
    runtimeSocket: '/run/containerd/containerd.sock',
    containerdRoot: '/var/lib/containerd',
    kubeletRootDir: '/var/lib/kubelet',
    manifestsDir: '/etc/kubernetes/manifests',
    extraBinDirs: [],
  },
  k3s: {
    flavour: 'k3s',
    kubeletUnits: ['k3s.service', 'k3s-agent.service'],
    runtimeUnits: [],
    runtimeSocket: '/run/k3s/containerd/containerd.sock',
    crictlConfig: '/var/lib/rancher/k3s/agent/etc/crictl.yaml',
    containerdRoot: '/var/lib/rancher/k3s/agent/containerd',
    kubeletRootDir: '/var/lib/kubelet',
    manifestsDir: '/var/lib/rancher/k3s/agent/pod-manifests',
    extraBinDirs: [],
  },
  rke2: {
    flavour: 'rke2',
    kubeletUnits: ['rke2-server.service', 'rke2-agent.service'],
    runtimeUnits: [],
    runtimeSocket: '/run/k3s/containerd/containerd.sock',
    crictlConfig: '/var/lib/rancher/rke2/agent/etc/crictl.yaml',
    containerdRoot: '/var/lib/rancher/rke2/agent/containerd',
    kubeletRootDir: '/var/lib/kubelet',
    manifestsDir: '/var/lib/rancher/rke2/agent/pod-manifests',
    extraBinDirs: ['/var/lib/rancher/rke2/bin'],
  },
  microk8s: {
    flavour: 'microk8s',
    kubeletUnits: ['snap.microk8s.daemon-kubelite.service'],
    runtimeUnits: ['snap.microk8s.daemon-containerd.service'],
    runtimeSocket: '/var/snap/microk8s/common/run/containerd.sock',
    containerdRoot: '/var/snap/microk8s/common/var/lib/containerd',
    kubeletRootDir: '/var/snap/microk8s/common/var/lib/kubelet',
    manifestsDir: '/var/snap/microk8s/current/args/manifests',
    extraBinDirs: ['/snap/microk8s/current/bin'],
  },
};

// What kview found out about the node it runs on, and how.
export interface NodeIdentity {
  nodeName: string;
  flavour: Flavour;
  kubeletUnit: string;
  runtimeUnit: string | undefined;
  // A filesystem path (the "unix://" prefix removed).
  runtimeSocket: string;
  crictlConfig: string | undefined;
  containerdRoot: string;
  kubeletRootDir: string;
  manifestsDir: string;
  podLogDir: string;
  kubeletPid: number | undefined;
  runtimePid: number | undefined;
  // The observations detection relied on, shown in the pane so a wrong guess is visible.
  evidence: string[];
}
