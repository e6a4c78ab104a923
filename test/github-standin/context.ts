// What a handler gets, and the small readers every handler shares.

import type { RateWindow, RouteResult } from './http.ts';
import { githubError } from './openapi.ts';
import { isPlainObject } from './schema.ts';
import type { IssueRecord, RepoRecord, Store, UserRecord } from './state.ts';

export interface RouteContext {
  readonly store: Store;
  /** The stand-in's base URL, for the API URLs inside answers. */
  readonly api: string;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly user: UserRecord;
  readonly rate: RateWindow;
  readonly docsUrl: string;
}

export type Handler = (ctx: RouteContext) => RouteResult;

export interface Route {
  readonly docsUrl: string;
  readonly handle: Handler;
}

export function notFound(ctx: RouteContext): RouteResult {
  return { status: 404, body: githubError(404, 'Not Found', ctx.docsUrl) };
}

export function field(body: unknown, name: string): unknown {
  return isPlainObject(body) ? body[name] : undefined;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function labelNames(value: unknown): string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  return list.flatMap((item) => {
    const name = typeof item === 'string' ? item : text(field(item, 'name'));
    return name === undefined || name === '' ? [] : [name];
  });
}

export function repoOf(ctx: RouteContext): RepoRecord {
  return ctx.store.repo(ctx.params['owner'] ?? '', ctx.params['repo'] ?? '');
}

export function issueOf(ctx: RouteContext, repo: RepoRecord): IssueRecord | undefined {
  const n = Number(ctx.params['issue_number']);
  return Number.isInteger(n) ? repo.issues.get(n) : undefined;
}

export function since(ctx: RouteContext): number | undefined {
  const value = ctx.url.searchParams.get('since');
  const time = value === null ? NaN : Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

export function created(location: string, body: unknown): RouteResult {
  return { status: 201, body, headers: { location } };
}
