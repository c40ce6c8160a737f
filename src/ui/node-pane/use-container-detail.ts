import {useEffect, useState} from 'react';
import {readContainerDetail} from '../../node-tools/container-detail.js';
import type {ContainerDetail} from '../../node-tools/container-detail.js';
import type {NodeIdentity} from '../../node-tools/node-flavour.js';
import type {NodeTools} from '../../node-tools/node-tools.js';
import type {RuntimeView} from '../../node-tools/runtime-reader.js';
import {errorLine} from '../../resources/error-line.js';

// The inspect and log tail of the container the operator opened; read again on each refresh. A read that fails
// is a detail with that one problem line.
export function useContainerDetail(
  tools: NodeTools,
  identity: NodeIdentity | undefined,
  runtime: RuntimeView | undefined,
  containerId: string | undefined,
): ContainerDetail | undefined {
  const [read, setRead] = useState<{detail: ContainerDetail; for: string} | undefined>();
  useEffect(() => {
    if (!identity || !runtime || !containerId) return;
    let current = true;
    readContainerDetail(tools, identity, runtime, containerId).then(
      (detail) => {
        if (current) setRead({detail, for: containerId});
      },
      (error: unknown) => {
        if (current)
          setRead({detail: failedDetail(`cannot read the container: ${errorLine(error)}`), for: containerId});
      },
    );
    return () => {
      current = false;
    };
  }, [tools, identity, runtime, containerId]);
  // Another container's detail is never shown for this one while it is read.
  return read && containerId !== undefined && read.for === containerId ? read.detail : undefined;
}

function failedDetail(problem: string): ContainerDetail {
  return {inspect: undefined, logSource: '', logFile: undefined, logLines: [], note: undefined, problems: [problem]};
}
