import {useEffect, useState} from 'react';
import {readContainerDetail} from '../../node-tools/container-detail.js';
import type {ContainerDetail} from '../../node-tools/container-detail.js';
import type {NodeIdentity} from '../../node-tools/node-flavour.js';
import type {NodeTools} from '../../node-tools/node-tools.js';
import type {RuntimeView} from '../../node-tools/runtime-reader.js';

// The inspect and log tail of the container the operator opened; read again on each refresh.
export function useContainerDetail(
  tools: NodeTools,
  identity: NodeIdentity | undefined,
  runtime: RuntimeView | undefined,
  containerId: string | undefined,
): ContainerDetail | undefined {
  const [detail, setDetail] = useState<ContainerDetail | undefined>();
  useEffect(() => {
    setDetail(undefined);
    if (!identity || !runtime || !containerId) return;
    let current = true;
    void readContainerDetail(tools, identity, runtime, containerId).then((read) => {
      if (current) setDetail(read);
    });
    return () => {
      current = false;
    };
  }, [tools, identity, runtime, containerId]);
  return detail;
}
