import {createExecRunner} from './exec-runner.js';
import type {PodExec} from './exec-runner.js';
import {defaultNodePaths} from './node-tools.js';
import type {NodeTools} from './node-tools.js';
import {createRunnerFileReader} from './runner-file-reader.js';

// The node pane's world on another node, through its debug pod: commands run in the node's mount namespace over the
// exec API, files are read with the node's own tools, and the pod is privileged (root on the node). The host
// name is the node's, which detection takes unless the kubelet overrides it.
export function createRemoteNodeTools(exec: PodExec, nodeName: string, now: () => number = Date.now): NodeTools {
  const runner = createExecRunner(exec);
  return {
    runner,
    files: createRunnerFileReader(runner),
    now,
    isRoot: true,
    hostname: nodeName,
    paths: defaultNodePaths,
    queuedRestarts: true,
  };
}
