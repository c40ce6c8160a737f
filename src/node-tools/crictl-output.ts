import {asArray, asNumber, asObject, asString, asStringMap} from './json-fields.js';
import type {JsonObject} from './json-fields.js';
import {containerState, timestampMs} from './runtime-model.js';
import type {RuntimeContainer, RuntimeImage, RuntimeSandbox} from './runtime-model.js';

// Parsers for `crictl ... -o json` (cri-tools: the CRI protobuf messages printed as JSON).
export function parseCrictlPods(document: JsonObject): RuntimeSandbox[] {
  return asArray(document.items).map((item) => {
    const pod = asObject(item);
    const metadata = asObject(pod.metadata);
    const annotations = asStringMap(pod.annotations);
    return {
      id: asString(pod.id),
      name: asString(metadata.name),
      namespace: asString(metadata.namespace),
      uid: asString(metadata.uid),
      attempt: asNumber(metadata.attempt) ?? 0,
      ready: asString(pod.state) === 'SANDBOX_READY',
      createdAtMs: timestampMs(pod.createdAt),
      staticPod: annotations['kubernetes.io/config.source'] === 'file',
    };
  });
}

export function parseCrictlContainers(document: JsonObject): RuntimeContainer[] {
  return asArray(document.containers).map((item) => {
    const container = asObject(item);
    const metadata = asObject(container.metadata);
    const labels = asStringMap(container.labels);
    return {
      id: asString(container.id),
      sandboxId: asString(container.podSandboxId),
      name: asString(metadata.name),
      podName: labels['io.kubernetes.pod.name'] ?? '',
      podNamespace: labels['io.kubernetes.pod.namespace'] ?? '',
      attempt: asNumber(metadata.attempt) ?? 0,
      state: containerState(asString(container.state)),
      image: asString(asObject(container.image).image) || asString(container.imageRef),
      createdAtMs: timestampMs(container.createdAt),
      finishedAtMs: undefined,
      exitCode: undefined,
      reason: '',
      pid: undefined,
      logPath: undefined,
    };
  });
}

export function parseCrictlImages(document: JsonObject): RuntimeImage[] {
  return asArray(document.images).map((item) => {
    const image = asObject(item);
    return {
      id: asString(image.id),
      tags: asArray(image.repoTags).map(asString),
      sizeBytes: asNumber(image.size),
    };
  });
}

// `crictl inspect -o json ID`: fills in what the list leaves out (exit code, finish time, log path, pid).
export function mergeCrictlInspect(container: RuntimeContainer, document: JsonObject): RuntimeContainer {
  const status = asObject(document.status);
  const info = asObject(document.info);
  const pid = asNumber(info.pid);
  return {
    ...container,
    state:
      containerState(asString(status.state)) === 'unknown' ? container.state : containerState(asString(status.state)),
    createdAtMs: timestampMs(status.createdAt) ?? container.createdAtMs,
    finishedAtMs: timestampMs(status.finishedAt),
    exitCode: asNumber(status.exitCode),
    reason: asString(status.reason),
    pid: pid && pid > 0 ? pid : undefined,
    logPath: asString(status.logPath) || undefined,
  };
}
