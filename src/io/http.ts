import http from 'node:http';
import https from 'node:https';

/**
 * A `fetch` for Octokit over node:http(s). The default one (undici) costs a beat tens of
 * milliseconds to start before its first request, and most beats make only one request.
 * It is used only for direct connections; behind a proxy the default, proxy-aware one is kept.
 */
export type Fetch = (url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown; signal?: AbortSignal | null; redirect?: string }) => Promise<MiniResponse>;

export interface MiniResponse {
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null; [Symbol.iterator](): Iterator<[string, string]> };
  readonly body: null;
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const REQUEST_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;

/** True when a proxy setting applies to this URL, so the proxy-aware fetch must be used. */
export function proxied(url: string, env: NodeJS.ProcessEnv): boolean {
  const { protocol, hostname } = new URL(url);
  const proxy = protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY) : (env.http_proxy ?? env.HTTP_PROXY);
  if (proxy === undefined || proxy === '') return false;
  const bypass = (env.no_proxy ?? env.NO_PROXY ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  return !bypass.some((h) => h === '*' || hostname === h.replace(/^\./, '') || hostname.endsWith(h.startsWith('.') ? h : `.${h}`));
}

function headersOf(raw: http.IncomingHttpHeaders): MiniResponse['headers'] {
  const entries = Object.entries(raw).map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]);
  const map = new Map(entries);
  return { get: (name) => map.get(name.toLowerCase()) ?? null, [Symbol.iterator]: () => entries[Symbol.iterator]() };
}

function once(url: string, init: Parameters<Fetch>[1]): Promise<{ response: http.IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const request = client.request(url, { method: init.method ?? 'GET', headers: init.headers, ...(init.signal ? { signal: init.signal } : {}) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ response, body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    });
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error(`no answer from ${new URL(url).host} in ${REQUEST_TIMEOUT_MS / 1000}s`)));
    request.on('error', reject);
    request.end(typeof init.body === 'string' ? init.body : undefined);
  });
}

export const nodeFetch: Fetch = async (url, init) => {
  let target = url;
  for (let hop = 0; ; hop++) {
    const { response, body } = await once(target, init);
    const location = response.headers.location;
    const status = response.statusCode ?? 0;
    if ([301, 302, 307, 308].includes(status) && location !== undefined && init.redirect !== 'manual' && hop < MAX_REDIRECTS) {
      const next = new URL(location, target);
      // The token goes to the host it was meant for, never on to another one.
      if (next.host !== new URL(target).host) init = { ...init, headers: Object.fromEntries(Object.entries(init.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'authorization')) };
      target = next.toString();
      continue;
    }
    const text = body.toString('utf8');
    return {
      status,
      statusText: response.statusMessage ?? '',
      url: target,
      headers: headersOf(response.headers),
      body: null,
      text: () => Promise.resolve(text),
      json: () => Promise.resolve(JSON.parse(text) as unknown),
      arrayBuffer: () => Promise.resolve(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer),
    };
  }
};

/** What a POST came back with, or why it never did (refused, unreachable, aborted). */
export type Answer = { status: number; headers: { get(name: string): string | null }; body: string; cut: boolean } | { error: unknown };

/**
 * One JSON POST with the global fetch, its answer read up to `maxBytes` (the rest is never
 * downloaded). Fetch's start-up cost is nothing next to a model call, and behind a proxy it
 * honours NODE_USE_ENV_PROXY=1.
 */
export async function postJson(url: string, headers: Record<string, string>, body: unknown, options: { signal: AbortSignal; maxBytes: number }): Promise<Answer> {
  try {
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: options.signal });
    return { status: response.status, headers: response.headers, ...(await readBounded(response, options.maxBytes)) };
  } catch (error) {
    return { error };
  }
}

async function readBounded(response: Response, maxBytes: number): Promise<{ body: string; cut: boolean }> {
  if (response.body === null) return { body: '', cut: false };
  const decoder = new TextDecoder();
  let body = '';
  let bytes = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    body += decoder.decode(chunk, { stream: true });
    // Leaving the loop cancels the stream.
    if (bytes > maxBytes) return { body: body.slice(0, maxBytes), cut: true };
  }
  return { body: body + decoder.decode(), cut: false };
}
