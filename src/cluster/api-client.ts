import http from 'node:http';
import https from 'node:https';
import type {KubeConfig} from '@kubernetes/client-node';
import {describeHttpFailure, describeNetworkError} from './describe-error.js';

// A thin raw client: kview needs the server's Table rendering and line-by-line watch streams, which the generated
// client-node APIs do not expose, while TLS and credentials still come from client-node's KubeConfig.
export interface ApiClient {
  getJson<T>(path: string, accept?: string, signal?: AbortSignal): Promise<T>;
  sendJson<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, contentType?: string): Promise<T>;
  stream(path: string, accept: string, onChunk: (chunk: Buffer) => void, signal: AbortSignal): Promise<void>;
}

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

export function createApiClient(kubeConfig: KubeConfig): ApiClient {
  const server = kubeConfig.getCurrentCluster()?.server ?? '';

  async function open(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<http.IncomingMessage> {
    const url = new URL(server.replace(/\/$/, '') + path);
    const options: https.RequestOptions = {method, headers: {...headers}};
    await kubeConfig.applyToHTTPSOptions(options);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(url, {...options, signal}, resolve);
      request.on('error', (error) => reject(describeNetworkError(error, server)));
      if (body !== undefined) request.write(body);
      request.end();
    });
  }

  async function readBody(response: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async function expectOk(response: http.IncomingMessage, method: string, path: string): Promise<string> {
    const text = await readBody(response);
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299) throw describeHttpFailure(status, text, method, path);
    return text;
  }

  return {
    async getJson<T>(path: string, accept = 'application/json', signal?: AbortSignal): Promise<T> {
      const response = await open('GET', path, {Accept: accept}, undefined, signal);
      return JSON.parse(await expectOk(response, 'GET', path)) as T;
    },
    async sendJson<T>(
      method: 'POST' | 'PATCH' | 'DELETE',
      path: string,
      body: unknown,
      contentType = 'application/json',
    ): Promise<T> {
      const payload = JSON.stringify(body);
      const response = await open(
        method,
        path,
        {'Content-Type': contentType, Accept: 'application/json'},
        payload,
        undefined,
      );
      return JSON.parse(await expectOk(response, method, path)) as T;
    },
    async stream(path, accept, onChunk, signal) {
      const response = await open('GET', path, {Accept: accept}, undefined, signal);
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 299) {
        await expectOk(response, 'GET', path);
        return;
      }
      await new Promise<void>((resolve, reject) => {
        response.on('data', (chunk: Buffer) => onChunk(chunk));
        response.on('end', resolve);
        response.on('error', (error) => (signal.aborted ? resolve() : reject(describeNetworkError(error, server))));
        response.on('aborted', () => resolve());
      });
    },
  };
}
