// What every GitHub answer carries: rate-limit headers, a request id, JSON content type, and on
// paged lists a Link header in GitHub's format.

import type { ServerResponse } from 'node:http';

export interface RouteResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RateWindow {
  readonly limit: number;
  used: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

export const RATE_LIMIT = 5000;

export function rateHeaders(window: RateWindow): Record<string, string> {
  return {
    'x-ratelimit-limit': String(window.limit),
    'x-ratelimit-remaining': String(Math.max(0, window.limit - window.used)),
    'x-ratelimit-reset': String(window.reset),
    'x-ratelimit-used': String(window.used),
    'x-ratelimit-resource': 'core',
  };
}

let requestCounter = 0;

/** GitHub's request ids look like CFA4:3E1E:1C3B2A4:1D4F5B7:6560F0A0. */
export function newRequestId(now: Date): string {
  requestCounter++;
  const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
  const seconds = Math.floor(now.getTime() / 1000);
  return [hex(process.pid & 0xffff, 4), hex(requestCounter & 0xffff, 4), hex(requestCounter * 7919, 7), hex(requestCounter * 104729, 7), hex(seconds, 8)].join(':');
}

export function send(res: ServerResponse, result: RouteResult, common: Readonly<Record<string, string>>): void {
  const headers: Record<string, string> = {
    server: 'github.com',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    ...common,
    ...result.headers,
  };
  if (result.status === 204 || result.body === undefined) {
    res.writeHead(result.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(result.body);
  res.writeHead(result.status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly headers: Readonly<Record<string, string>>;
}

function positive(value: string | null, fallback: number): number {
  if (value === null || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 ? n : fallback;
}

/**
 * One page of `items` by the request's per_page (default 30, at most 100) and page (default 1),
 * with GitHub's Link header: rel prev, next, last, first, each present only when it makes sense.
 */
export function paginate<T>(items: readonly T[], requestUrl: URL): Page<T> {
  const perPage = Math.min(100, positive(requestUrl.searchParams.get('per_page'), 30));
  const page = positive(requestUrl.searchParams.get('page'), 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (n: number, rel: string) => {
    const url = new URL(requestUrl.href);
    url.searchParams.delete('page');
    url.searchParams.append('page', String(n));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { items: slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}
