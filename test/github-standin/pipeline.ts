// One API request, as GitHub handles it: authenticate, count against the rate limit, fail when a
// failure was asked for, check it against the OpenAPI description, serve it, and log it.

import type { IncomingHttpHeaders } from 'node:http';
import type { FailRule, RequestRecord, StandinCore } from './core.ts';
import { newRequestId, rateHeaders, RATE_LIMIT, type RateWindow, type RouteResult } from './http.ts';
import { DOCS_ROOT, githubError, type OpenApi } from './openapi.ts';
import { findRoute } from './routes.ts';
import type { UserRecord } from './state.ts';
import { ACTIONS_BOT } from './state.ts';
import { isPlainObject } from './schema.ts';

const SECONDARY_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';
const PRIMARY_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits';

export interface PipelineInput {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly bodyText: string;
}

export interface PipelineOutput {
  readonly result: RouteResult;
  readonly headers: Readonly<Record<string, string>>;
}

function tokenOf(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.authorization;
  const match = value === undefined ? null : /^(?:token|bearer)\s+(\S+)$/i.exec(value.trim());
  return match?.[1];
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export class Pipeline {
  readonly #core: StandinCore;
  readonly #openapi: OpenApi | undefined;
  readonly #windows = new Map<string, RateWindow>();

  constructor(core: StandinCore, openapi: OpenApi | undefined) {
    this.#core = core;
    this.#openapi = openapi;
  }

  #window(key: string, limit: number, now: Date): RateWindow {
    const seconds = Math.floor(now.getTime() / 1000);
    let window = this.#windows.get(key);
    if (window === undefined || seconds >= window.reset) {
      window = { limit, used: 0, reset: seconds + 3600 };
      this.#windows.set(key, window);
    }
    return window;
  }

  #failure(rule: FailRule, requestId: string, window: RateWindow, now: Date): PipelineOutput {
    const wait = rule.retryAfterSeconds ?? 60;
    const base = rateHeaders(window);
    switch (rule.kind) {
      case 'secondary-rate-limit':
      case 'abuse': {
        const message =
          rule.kind === 'abuse'
            ? 'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.'
            : `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`;
        return { result: { status: 403, body: githubError(403, message, SECONDARY_DOCS), headers: { 'retry-after': String(wait) } }, headers: base };
      }
      case 'rate-limit': {
        const reset = String(Math.floor(now.getTime() / 1000) + wait);
        const message = `API rate limit exceeded for installation ID ${1000 + (window.limit % 97)}. If you reach out to GitHub Support for help, please include the request ID ${requestId} and timestamp ${now.toISOString().slice(0, 19)} UTC.`;
        const headers = { ...base, 'x-ratelimit-remaining': '0', 'x-ratelimit-used': String(window.limit), 'x-ratelimit-reset': reset };
        return { result: { status: 403, body: githubError(403, message, PRIMARY_DOCS) }, headers };
      }
      case 'server-error': {
        const status = rule.status ?? 500;
        return { result: { status, body: githubError(status, 'Server Error', DOCS_ROOT) }, headers: base };
      }
    }
  }

  /**
   * GraphQL, as far as a client of this project asks it: who the token acts as. GitHub answers
   * a query it cannot run with 200 and an `errors` list, and so does this.
   */
  #graphql(method: string, body: unknown, user: UserRecord): RouteResult {
    const query = isPlainObject(body) && typeof body.query === 'string' ? body.query : '';
    if (method !== 'POST' || !/^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
      this.#core.recordViolation({ method, path: '/graphql', reason: `the stand-in answers only "query { viewer { login } }", not ${JSON.stringify(query.slice(0, 200))}` });
      return { status: 200, body: { errors: [{ message: 'the GitHub stand-in does not serve this query' }] } };
    }
    return { status: 200, body: { data: { viewer: { login: user.login } } } };
  }

  handle(input: PipelineInput): PipelineOutput {
    const core = this.#core;
    const { method, url } = input;
    const now = core.store.now();
    const requestId = newRequestId(now);
    const token = tokenOf(input.headers);
    const mapped = token === undefined ? undefined : core.store.tokens.get(token);
    const window = this.#window(token ?? 'anonymous', token === undefined ? 60 : RATE_LIMIT, now);
    let user: UserRecord | undefined;
    let operationId: string | undefined;
    const body = parseBody(input.bodyText);

    const run = (): PipelineOutput => {
      const common = () => ({ ...rateHeaders(window), 'x-github-request-id': requestId });
      if (token === undefined || mapped === null) {
        const message = token === undefined ? 'Requires authentication' : 'Bad credentials';
        return { result: { status: 401, body: githubError(401, message, DOCS_ROOT) }, headers: common() };
      }
      if (url.pathname !== '/rate_limit') window.used++;
      const fail = core.takeFailure(method, url.pathname + url.search);
      if (fail !== undefined) {
        const out = this.#failure(fail, requestId, window, now);
        return { result: out.result, headers: { ...out.headers, 'x-github-request-id': requestId } };
      }
      if (window.used > window.limit) {
        const message = `API rate limit exceeded for user. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`;
        return { result: { status: 403, body: githubError(403, message, PRIMARY_DOCS) }, headers: common() };
      }
      user = core.store.user(mapped?.login ?? ACTIONS_BOT.login, mapped?.type ?? ACTIONS_BOT.type);
      if (!body.ok) {
        core.recordViolation({ method, path: url.pathname, reason: 'request body is not valid JSON' });
        return { result: { status: 400, body: githubError(400, 'Problems parsing JSON', DOCS_ROOT) }, headers: common() };
      }
      if (url.pathname === '/graphql') return { result: this.#graphql(method, body.value, user), headers: common() };
      const check = this.#openapi?.check(method, url.pathname, url.searchParams, body.value);
      operationId = check?.operation?.operationId;
      for (const reason of check?.violations ?? []) {
        core.recordViolation({ method, path: url.pathname, reason, ...(operationId ? { operationId } : {}) });
      }
      if (check?.reject) return { result: check.reject, headers: common() };
      const found = findRoute(method, url.pathname);
      if (found === undefined) {
        if (check?.operation) {
          core.recordViolation({ method, path: url.pathname, reason: `${check.operation.operationId} is documented but the stand-in does not serve it`, operationId: check.operation.operationId });
        } else if (check === undefined) {
          core.recordViolation({ method, path: url.pathname, reason: 'the stand-in serves no such route' });
        }
        return { result: { status: 404, body: githubError(404, 'Not Found', check?.operation?.docsUrl ?? DOCS_ROOT) }, headers: common() };
      }
      const result = found.route.handle({
        store: core.store,
        api: core.api,
        url,
        params: found.params,
        body: body.value,
        user,
        rate: window,
        docsUrl: found.route.docsUrl,
      });
      return { result, headers: common() };
    };

    const out = run();
    core.requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: body.ok ? body.value : input.bodyText,
      status: out.result.status,
      ...(user ? { user: user.login } : {}),
      ...(operationId ? { operationId } : {}),
    });
    core.onRequest?.(core.requests[core.requests.length - 1] as RequestRecord);
    return out;
  }
}
