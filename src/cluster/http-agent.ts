import {createHash} from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

// The TLS material client-node put into one request's options (from the kubeconfig, files re-read each time).
type TlsOptions = Pick<
  https.RequestOptions,
  'ca' | 'cert' | 'key' | 'pfx' | 'passphrase' | 'rejectUnauthorized' | 'servername'
>;

const TLS_FIELDS = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'] as const;

// One keep-alive agent per context: client-node 1.4's applyToHTTPSOptions builds a new Agent (keep-alive off) on
// every call, so every request was a fresh TCP and TLS handshake. The agent is built once from the TLS options and
// rebuilt only when they change (a rotated client certificate file); headers (tokens, exec credentials) are still
// applied per request by client-node.
export function createAgentCache(isHttps: boolean) {
  let current: {key: string; agent: http.Agent} | undefined;
  return {
    agentFor(options: TlsOptions, fallback: http.Agent | undefined, useFallback: boolean): http.Agent | undefined {
      // A proxy (proxyUrl) agent is client-node's own; it is kept as long as the options stay the same.
      const key = fingerprint(options) + (useFallback ? ':proxy' : '');
      if (current?.key === key) return current.agent;
      // Requests still running on the old agent finish there; its idle connections go now.
      if (current) destroyIdle(current.agent);
      const agent = useFallback
        ? fallback
        : isHttps
          ? new https.Agent({...pick(options), keepAlive: true, keepAliveMsecs: 15_000, scheduling: 'lifo'})
          : new http.Agent({keepAlive: true, keepAliveMsecs: 15_000, scheduling: 'lifo'});
      if (!agent) return undefined;
      current = {key, agent};
      return agent;
    },
    // After the path was found dead, idle sockets are dead too: the next request opens a fresh connection.
    dropIdleSockets(): void {
      if (current) destroyIdle(current.agent);
    },
  };
}

function destroyIdle(agent: http.Agent): void {
  for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
}

function pick(options: TlsOptions): TlsOptions {
  const picked: TlsOptions = {};
  for (const field of TLS_FIELDS) if (options[field] !== undefined) Object.assign(picked, {[field]: options[field]});
  return picked;
}

function fingerprint(options: TlsOptions): string {
  const hash = createHash('sha256');
  for (const field of TLS_FIELDS) {
    const value: unknown = options[field];
    hash.update(`${field}=`);
    if (value === undefined) continue;
    for (const part of Array.isArray(value) ? value : [value]) {
      if (Buffer.isBuffer(part)) hash.update(part);
      else if (typeof part === 'string' || typeof part === 'boolean') hash.update(String(part));
      else hash.update(JSON.stringify(part) ?? '');
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}
