import { Octokit as OctokitCore } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { nodeFetch, proxied, type Fetch } from '../http.ts';
import { NOTIFYING, pacedLimiter, WRITES } from './pace.ts';
import type Bottleneck from 'bottleneck';

export interface OctokitOptions {
  readonly token: string;
  readonly baseUrl: string;
  /** For proxy settings. */
  readonly env: NodeJS.ProcessEnv;
  readonly retries?: number;
}

/**
 * What @actions/github's getOctokit builds (Octokit's core with pagination), with throttling and
 * retries, and without the REST methods plugin: calls name their routes
 * (`octokit.request('GET /repos/{owner}/{repo}/issues', …)`, typed as the methods were), so a
 * beat that asks GitHub anything does not load and evaluate a table of GitHub's thousand
 * routes. @actions/github itself is loaded only behind a proxy: its module graph brings undici,
 * for the proxy-aware fetch, which costs a beat that asks GitHub anything more than its requests.
 */
const GitHubOctokit = OctokitCore.plugin(paginateRest, throttling, retry);

export type Octokit = InstanceType<typeof GitHubOctokit>;

/** The user agent @actions/github gives its Octokit: the runner's orchestration id, when there is one. */
function userAgent(): string | undefined {
  const id = process.env.ACTIONS_ORCHESTRATION_ID?.trim();
  return id ? `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : undefined;
}

/** Behind a proxy, @actions/github's proxy-aware fetch, loaded with the first request. */
function proxyFetch(): Fetch {
  let loaded: Promise<Fetch> | undefined;
  return async (url, init) => {
    loaded ??= import('@actions/github/lib/utils').then((utils) => {
      const fetch = utils.defaults.request?.fetch as Fetch | undefined;
      if (fetch === undefined) throw new Error("@actions/github gave no proxy-aware fetch");
      return fetch;
    });
    return (await loaded)(url, init);
  };
}

/** The one Octokit set-up (the beat's GitHub port, init, the steer check): bounded waits on rate limits, retries on 5xx. */
export function createOctokit(options: OctokitOptions): Octokit {
  const retries = options.retries ?? 2;
  const agent = userAgent();
  return new GitHubOctokit({
    auth: `token ${options.token}`,
    baseUrl: options.baseUrl,
    ...(agent === undefined ? {} : { userAgent: agent }),
    throttle: {
      // The plugin schedules writes through key(id).schedule() only: a paced limiter stands in for its Bottleneck groups.
      write: pacedLimiter(WRITES) as unknown as Bottleneck.Group,
      notifications: pacedLimiter(NOTIFYING) as unknown as Bottleneck.Group,
      onRateLimit: (_after: number, _opts: object, _o: unknown, retryCount: number) => retryCount < retries,
      onSecondaryRateLimit: (_after: number, _opts: object, _o: unknown, retryCount: number) => retryCount < retries,
    },
    retry: { retries },
    request: { fetch: proxied(options.baseUrl, options.env) ? proxyFetch() : nodeFetch },
  });
}

/** The HTTP status of an Octokit error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
