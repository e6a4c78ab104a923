import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { nodeFetch, proxied } from '../http.ts';

export interface OctokitOptions {
  readonly token: string;
  readonly baseUrl: string;
  /** For proxy settings. */
  readonly env: NodeJS.ProcessEnv;
  readonly retries?: number;
}

export type Octokit = ReturnType<typeof getOctokit>;

/** The one Octokit set-up (the beat's GitHub port, init, the steer check): bounded waits on rate limits, retries on 5xx. */
export function createOctokit(options: OctokitOptions): Octokit {
  const retries = options.retries ?? 2;
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      throttle: {
        onRateLimit: (_after: number, _opts: object, _o: unknown, retryCount: number) => retryCount < retries,
        onSecondaryRateLimit: (_after: number, _opts: object, _o: unknown, retryCount: number) => retryCount < retries,
      },
      retry: { retries },
      ...(proxied(options.baseUrl, options.env) ? {} : { request: { fetch: nodeFetch } }),
    },
    throttling,
    retry,
  );
}

/** The HTTP status of an Octokit error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}
