import {KviewError} from './kview-error.js';

interface StatusBody {
  message?: string;
  reason?: string;
  details?: {kind?: string; name?: string};
}

// Node's network errors carry a code; each maps to what an operator should check next.
export function describeNetworkError(error: unknown, server: string): KviewError {
  if (error instanceof KviewError) return error;
  const code = (error as {code?: string}).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ABORT_ERR') return new KviewError('request aborted', 'none', 'other');
  if (code === 'ECONNREFUSED') {
    return new KviewError(
      `the connection to the server ${hostOf(server)} was refused`,
      'is the API server up? on a control-plane node check `systemctl status kubelet` and the kube-apiserver pod',
      'connection-refused',
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new KviewError(
      `cannot resolve the server ${hostOf(server)}`,
      'check the server address in your kubeconfig',
      'unreachable',
    );
  }
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ECONNRESET') {
    return new KviewError(
      `cannot reach the server ${hostOf(server)} (${code})`,
      'check the network path to the API server (VPN, firewall, load balancer)',
      'unreachable',
    );
  }
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
    return new KviewError(
      `TLS to ${hostOf(server)} failed: ${message}`,
      "the kubeconfig's certificate-authority does not match the server; check the cluster entry",
      'tls',
    );
  }
  return new KviewError(
    `request to ${hostOf(server)} failed: ${message}`,
    'check the server address and network',
    'unreachable',
  );
}

export function describeHttpFailure(status: number, body: string, method: string, path: string): KviewError {
  let parsed: StatusBody = {};
  try {
    parsed = JSON.parse(body) as StatusBody;
  } catch {
    parsed = {message: body.trim().slice(0, 200)};
  }
  const serverMessage = parsed.message ?? `HTTP ${status}`;
  if (status === 401) {
    return new KviewError(
      'the server rejected your credentials (Unauthorized)',
      'your token or client certificate is expired or wrong; refresh your kubeconfig',
      'unauthorized',
    );
  }
  if (status === 403) {
    return new KviewError(
      `forbidden: ${serverMessage}`,
      `ask for RBAC permission to ${verbOf(method, path)}, or pick a namespace you may read with -n`,
      'forbidden',
    );
  }
  if (status === 404)
    return new KviewError(`not found: ${serverMessage}`, 'the object or API may not exist', 'not-found');
  if (status === 410) return new KviewError(`expired: ${serverMessage}`, 'the list is re-read', 'gone');
  // A PodDisruptionBudget refusing an eviction, or the server's own rate limit: worth asking again later.
  if (status === 429) return new KviewError(serverMessage, 'asked again shortly', 'too-many-requests');
  // An edit tells these apart: a conflict is re-edited on the newest version, an invalid object in place.
  const kind = status === 409 ? 'conflict' : status === 422 || status === 400 ? 'invalid' : 'other';
  return new KviewError(`${method} ${path.split('?')[0]} failed: ${serverMessage}`, `HTTP ${status}`, kind);
}

function verbOf(method: string, path: string): string {
  const resource = path.split('?')[0]?.split('/').filter(Boolean).slice(-1)[0] ?? 'the resource';
  if (method === 'GET') return path.includes('watch=') ? `watch ${resource}` : `list/get ${resource}`;
  return `${method.toLowerCase()} ${resource}`;
}

function hostOf(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}
