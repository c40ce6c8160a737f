import type {PodDetail} from '../../node-tools/pod-detail.js';
import type {PodLogLine} from '../../node-tools/pod-log-files.js';
import {shortId} from '../../node-tools/runtime-model.js';
import type {RuntimeView} from '../../node-tools/runtime-reader.js';
import {podLogsRowTarget} from '../../state/node-pane-keys.js';
import type {RuntimeListView} from '../../state/node-pane-state.js';
import {columns, formatAge, formatBytes, line, problemLine} from './pane-line.js';
import type {PaneLine} from './pane-line.js';

// crictl's own columns, so the rows read like `crictl pods`, `crictl ps -a` and `crictl images`.
// Notes, problems and the column header stay above the list, out of the cursor's way.
export function runtimeLines(
  runtime: RuntimeView,
  view: RuntimeListView,
  nowMs: number,
): {fixed: PaneLine[]; rows: PaneLine[]} {
  const notes = [
    ...(runtime.note ? [line('note', runtime.note, {color: 'yellow'})] : []),
    ...runtime.problems.map((problem, index) => problemLine(`p${index}`, problem)),
  ];
  const [header, ...rows] = listLines(runtime, view, nowMs);
  return {fixed: [...notes, ...(header ? [header] : [])], rows};
}

function listLines(runtime: RuntimeView, view: RuntimeListView, nowMs: number): PaneLine[] {
  switch (view) {
    case 'pods': {
      const widths = [13, 7, 8, 40, 16, 7];
      return [
        line('header', columns(['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT'], widths), {dim: true}),
        ...runtime.sandboxes.map((pod) =>
          line(
            pod.id,
            columns(
              [
                shortId(pod.id),
                formatAge(pod.createdAtMs, nowMs),
                pod.ready ? 'Ready' : 'NotReady',
                pod.name + (pod.staticPod ? ' (static)' : ''),
                pod.namespace,
                String(pod.attempt),
              ],
              widths,
            ),
            {target: pod.id, dim: !pod.ready},
          ),
        ),
      ];
    }
    case 'containers': {
      const widths = [13, 7, 8, 24, 7, 4, 13, 30];
      return [
        line('header', columns(['CONTAINER', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'EXIT', 'POD ID', 'POD'], widths), {
          dim: true,
        }),
        ...runtime.containers.map((container) =>
          line(
            container.id,
            columns(
              [
                shortId(container.id),
                formatAge(container.createdAtMs, nowMs),
                capitalised(container.state),
                container.name,
                // A running container's status file holds exit code 0 from before it ever exited; only exits count.
                String(container.attempt),
                container.state !== 'exited' || container.exitCode === undefined ? '-' : String(container.exitCode),
                shortId(container.sandboxId),
                `${container.podNamespace}/${container.podName}`,
              ],
              widths,
            ),
            {target: container.id, color: container.state === 'exited' && container.exitCode ? 'red' : undefined},
          ),
        ),
      ];
    }
    case 'images': {
      const widths = [60, 13, 9];
      return [
        line('header', columns(['IMAGE', 'IMAGE ID', 'SIZE'], widths), {dim: true}),
        ...runtime.images.map((image) =>
          line(
            image.id,
            columns([image.tags.join(', ') || '<none>', shortId(image.id), formatBytes(image.sizeBytes)], widths),
          ),
        ),
      ];
    }
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ContainerLogTail {
  container: string;
  file: string;
  lines: PodLogLine[] | undefined;
  problem: string | undefined;
}

// Seed 004's walk on one screen: the sandbox, its containers, the shim and the processes under it, its logs.
export function detailLines(detail: PodDetail, logs: readonly ContainerLogTail[], nowMs: number): PaneLine[] {
  const {sandbox} = detail;
  const lines: PaneLine[] = [
    line('title', `${sandbox.namespace}/${sandbox.name}  sandbox ${sandbox.id}`, {color: 'cyan'}),
    line(
      'state',
      `${sandbox.ready ? 'Ready' : 'NotReady'}, created ${formatAge(sandbox.createdAtMs, nowMs)} ago, ` +
        `attempt ${sandbox.attempt}${sandbox.staticPod ? ', static pod' : ''}`,
    ),
    line(
      'manifest',
      detail.manifest
        ? `manifest: ${detail.manifest.path}`
        : sandbox.staticPod
          ? 'static pod, manifest not found in the manifests directory'
          : 'not a static pod',
      {dim: !detail.manifest},
    ),
    line('containers', 'Containers', {color: 'cyan'}),
    ...detail.containers.map((container) =>
      line(
        `c-${container.id}`,
        columns(
          [
            container.name,
            capitalised(container.state),
            `attempt ${container.attempt}`,
            container.state !== 'exited' || container.exitCode === undefined
              ? ''
              : `exit ${container.exitCode}${container.reason ? ` (${container.reason})` : ''}`,
            shortId(container.id),
          ],
          [24, 8, 11, 18],
        ),
        {target: podLogsRowTarget(container.name)},
      ),
    ),
    line('shim', detail.shim ? `Processes (containerd-shim pid ${detail.shim.pid})` : 'Processes', {color: 'cyan'}),
    ...detail.processes.map((row) =>
      line(`ps-${row.process.pid}`, `${'  '.repeat(row.depth)}${row.process.pid}  ${row.process.commandLine}`),
    ),
    ...detail.problems.map((problem, index) => problemLine(`dp${index}`, problem)),
    line('logs', `Log files (${detail.logDirectory?.path ?? 'no directory under the pod log dir'})`, {color: 'cyan'}),
  ];
  for (const log of logs) {
    const target = podLogsRowTarget(log.container);
    lines.push(line(`log-${log.file}`, `${log.file}  (enter: read and follow it)`, {dim: true, target}));
    if (log.problem) lines.push(problemLine(`lp-${log.file}`, log.problem));
    for (const [index, entry] of (log.lines ?? []).entries()) {
      lines.push(
        line(`l-${log.file}-${index}`, `  ${entry.text}`, {
          color: entry.stream === 'stderr' ? 'yellow' : undefined,
          target,
        }),
      );
    }
  }
  return lines;
}
