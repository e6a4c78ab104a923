import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { ASK_LABEL, markerIn } from './ask-issue.ts';
import { nodeFetch, proxied } from './http-fetch.ts';

export interface IssueComment {
  readonly id: number;
  readonly issue: number;
  readonly body: string;
  readonly login: string;
  readonly isBot: boolean;
  readonly created: string;
}

export interface Issue {
  readonly number: number;
  readonly open: boolean;
  readonly url: string;
}

/** The GitHub API as the loop uses it: few calls, each named for what it is for. */
export interface GitHub {
  /** The issue that carries this ask's marker, open or closed. */
  findAskIssue(id: string): Promise<Issue | undefined>;
  createAskIssue(title: string, body: string): Promise<Issue>;
  /** Every issue comment in the repository updated since `since`, oldest first, and the pages read. */
  commentsSince(since: string): Promise<{ comments: IssueComment[]; pages: number }>;
  /** `admin`, `maintain`, `write`, `triage`, `read` or `none`. */
  role(login: string): Promise<string>;
  comment(issue: number, body: string): Promise<void>;
  close(issue: number, reason: 'completed' | 'not_planned'): Promise<void>;
  /** Whether a workflow run is still going: `running`, `finished`, or `unknown` (no access). */
  runState(runId: string): Promise<'running' | 'finished' | 'unknown'>;
  /** API requests made so far. */
  requests(): number;
}

export interface GitHubOptions {
  readonly token: string;
  readonly owner: string;
  readonly repo: string;
  readonly baseUrl: string;
  /** For proxy settings. */
  readonly env: NodeJS.ProcessEnv;
  /** Secondary-limit and 5xx retries; tests shorten them. */
  readonly retries?: number;
}

export function createGitHub(options: GitHubOptions): GitHub {
  let count = 0;
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      // GitHub asks clients to wait retry-after on a secondary rate limit; the plugin does, a bounded number of times.
      throttle: {
        onRateLimit: (_after: number, _opts: object, _o: unknown, retryCount: number) => retryCount < (options.retries ?? 2),
        onSecondaryRateLimit: (_after: number, _opts: object, _o: unknown, retryCount: number) => retryCount < (options.retries ?? 2),
      },
      retry: { retries: options.retries ?? 2 },
      ...(proxied(options.baseUrl, options.env) ? {} : { request: { fetch: nodeFetch } }),
    },
    throttling,
    retry,
  );
  octokit.hook.before('request', () => {
    count++;
  });
  const repo = { owner: options.owner, repo: options.repo };
  return {
    async findAskIssue(id) {
      // Asks are few: the newest hundred labelled issues hold any the loop just opened.
      const { data } = await octokit.rest.issues.listForRepo({ ...repo, labels: ASK_LABEL, state: 'all', per_page: 100, sort: 'created', direction: 'desc' });
      const found = data.find((issue) => markerIn(issue.body) === id);
      return found === undefined ? undefined : { number: found.number, open: found.state === 'open', url: found.html_url };
    },
    async createAskIssue(title, body) {
      await ensureLabel();
      // Never retried blindly: an issue created whose answer was lost would be created twice.
      // The caller looks for it by marker first, beat after beat.
      const { data } = await octokit.rest.issues.create({ ...repo, title, body, labels: [ASK_LABEL], request: { retries: 0 } });
      return { number: data.number, open: true, url: data.html_url };
    },
    async commentsSince(since) {
      let pages = 0;
      const comments: IssueComment[] = [];
      for await (const page of octokit.paginate.iterator(octokit.rest.issues.listCommentsForRepo, { ...repo, since, sort: 'created', direction: 'asc', per_page: 100 })) {
        pages++;
        for (const c of page.data) {
          const issue = Number(/\/issues\/(\d+)$/.exec(c.issue_url)?.[1]);
          comments.push({ id: c.id, issue, body: c.body ?? '', login: c.user?.login ?? '', isBot: c.user?.type === 'Bot', created: c.created_at });
        }
      }
      return { comments, pages };
    },
    async role(login) {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
        return data.role_name;
      } catch (error) {
        if ((error as { status?: number }).status === 404) return 'none';
        throw error;
      }
    },
    async comment(issue, body) {
      await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
    },
    async close(issue, reason) {
      await octokit.rest.issues.update({ ...repo, issue_number: issue, state: 'closed', state_reason: reason });
    },
    async runState(runId) {
      try {
        const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: Number(runId) });
        return data.status === 'completed' ? 'finished' : 'running';
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status === 403 || status === 404) return 'unknown';
        throw error;
      }
    },
    requests: () => count,
  };

  async function ensureLabel(): Promise<void> {
    try {
      await octokit.rest.issues.getLabel({ ...repo, name: ASK_LABEL });
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
      try {
        await octokit.rest.issues.createLabel({ ...repo, name: ASK_LABEL, color: 'd93f0b', description: 'The loop asks a person: answer by comment' });
      } catch (raced) {
        // Another beat created it first: that is what we wanted.
        if ((raced as { status?: number }).status !== 422) throw raced;
      }
    }
  }
}
