import {test} from 'node:test';
import assert from 'node:assert/strict';
import {detectNode} from '../../src/node-tools/detect-node.js';
import type {FileReader} from '../../src/node-tools/file-reader.js';
import {sharesSystem} from '../../src/node-tools/process-namespace.js';
import {memoryFiles, scriptedNodeTools} from '../fixtures/node-tools/scripted-node-tools.js';

// A host that runs a second node under systemd-nspawn: both kubelets are in its process table. The container's
// kubelet (pid 1324, listed first) has another root and other mount and pid namespaces than kview.
const PROCESSES =
  ' 1324  1300  60 /usr/local/bin/kubelet --hostname-override systemd-node --config /var/lib/kubelet/config.yaml\n' +
  ' 1290  1300  60 /usr/bin/containerd\n' +
  '  880     1 300 /cache/bin/kubelet --hostname-override localhost --root-dir /cache/kubelet\n' +
  '  870     1 300 containerd --config /cache/containerd/config.toml\n';

function procFiles(options: {readable: boolean; tree?: Record<string, string>}): FileReader {
  const base = memoryFiles(options.tree ?? {});
  const inContainer = (path: string) => /^\/proc\/(1324|1290)\//.test(path);
  return {
    ...base,
    readLink(path) {
      const namespace = path.split('/').at(-1) ?? '';
      return Promise.resolve(
        options.readable ? `${namespace}:[${inContainer(path) ? 4026532200 : 4026531840}]` : undefined,
      );
    },
    fileIdentity(path) {
      return Promise.resolve(options.readable ? (inContainer(path) ? '254:1234567' : '254:2') : undefined);
    },
  };
}

test("a kubelet in another root and namespaces is not this host's: the host's own kubelet is found", async () => {
  const tools = {...scriptedNodeTools({script: (command) => (command === 'ps' ? PROCESSES : undefined)})};
  tools.files = procFiles({readable: true});
  const identity = await detectNode(tools);
  assert.ok(identity);
  assert.equal(identity.nodeName, 'localhost');
  assert.equal(identity.kubeletPid, 880);
  assert.equal(identity.runtimePid, 870, 'containerd of the container is skipped too');
  assert.equal(identity.flavour, 'kubelet', 'no kubeadm flags file, no kubeadm kubeconfig: not called kubeadm');
  assert.ok(identity.evidence.some((line) => /kubelet process 1324 has another root: not this node's/.test(line)));
});

test('inside the container the same check finds its own kubelet, and kubeadm only with kubeadm marks', async () => {
  const tools = scriptedNodeTools({
    script: (command) => (command === 'ps' ? PROCESSES.split('\n').slice(0, 2).join('\n') : undefined),
    files: {'/var/lib/kubelet/kubeadm-flags.env': 'KUBELET_KUBEADM_ARGS=""\n'},
  });
  const identity = await detectNode(tools);
  assert.equal(identity?.nodeName, 'systemd-node');
  assert.equal(identity?.kubeletPid, 1324);
  assert.equal(identity?.flavour, 'kubeadm');
});

test('without root the namespace links are unreadable: NSpid depth in /proc/PID/status still tells them apart', async () => {
  const files = procFiles({
    readable: false,
    tree: {
      '/proc/self/status': 'Name:\tnode\nNSpid:\t4242\n',
      '/proc/1324/status': 'Name:\tkubelet\nNSpid:\t1324\t77\n',
      '/proc/880/status': 'Name:\tkubelet\nNSpid:\t880\n',
    },
  });
  assert.deepEqual(await sharesSystem(files, 1324), {
    same: false,
    why: 'process 1324 is in a nested pid namespace (NSpid)',
  });
  assert.deepEqual(await sharesSystem(files, 880), {
    same: true,
    note: 'cannot compare the namespaces of process 880 (not root)',
  });
});

test('another mount namespace alone is enough to refuse a process', async () => {
  const files: FileReader = {
    ...memoryFiles({}),
    readLink: (path) => Promise.resolve(path.endsWith('/mnt') && path.startsWith('/proc/77/') ? 'mnt:[9]' : 'x:[1]'),
    fileIdentity: () => Promise.resolve('254:2'),
  };
  assert.deepEqual(await sharesSystem(files, 77), {
    same: false,
    why: 'process 77 is in another mnt namespace (mnt:[9], kview x:[1])',
  });
});
