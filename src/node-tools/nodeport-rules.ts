// `iptables -t nat -L KUBE-NODEPORTS -n`: kube-proxy's NodePort entry points, one rule per service port, e.g.
// "KUBE-EXT-D56K3FJFRDOXXBVS  tcp  --  0.0.0.0/0  0.0.0.0/0  /* default/app-1-2-2-1 */ tcp dpt:31231".
export const NODEPORT_ARGS = ['-t', 'nat', '-L', 'KUBE-NODEPORTS', '-n'] as const;

export interface NodePortRule {
  service: string;
  protocol: string;
  port: number | undefined;
  target: string;
}

export function parseNodePortRules(text: string): NodePortRule[] {
  const rules: NodePortRule[] = [];
  for (const line of text.split('\n')) {
    const match = /^(\S+)\s+(tcp|udp|sctp)\s+\S+\s+\S+\s+\S+\s*(?:\/\*\s*(.*?)\s*\*\/)?(.*)$/.exec(line);
    if (!match || match[1] === 'target') continue;
    const port = /dpt:(\d+)/.exec(match[4] ?? '')?.[1];
    rules.push({
      target: match[1] ?? '',
      protocol: match[2] ?? '',
      service: match[3] ?? '',
      port: port ? Number(port) : undefined,
    });
  }
  return rules;
}
