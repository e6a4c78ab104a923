import { GitHubError, type GitHub, type Issue, type IssueComment, type Label, type PullRequest } from '../../beat/github.ts';
import { fitted, GITHUB_BODY_LIMIT } from '../../text/fit.ts';
import { createOctokit, statusOf } from './octokit.ts';

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

/** Logins compared as GitHub does: case aside, and a bot named with or without its "[bot]" (GraphQL drops it). */
function sameLogin(login: string): string {
  return login.toLowerCase().replace(/\[bot\]$/, '');
}

/**
 * Octokit's errors (an HTTP refusal, a GraphQL error, a request that never got an answer) as
 * the port's one typed error, with the status when GitHub gave one.
 */
async function answered<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GitHubError) throw error;
    throw new GitHubError(error instanceof Error ? error.message : String(error), statusOf(error), { cause: error });
  }
}

function body(text: string): string {
  return fitted(text, GITHUB_BODY_LIMIT, "cut to fit GitHub's limit");
}

function commentOf(c: { id: number; body?: string | undefined; user: { login: string; type: string } | null; created_at: string }, issue: number): IssueComment {
  return { id: c.id, issue, body: c.body ?? '', login: c.user?.login ?? '', isBot: c.user?.type === 'Bot', created: c.created_at };
}

function pullOf(pull: { number: number; html_url: string; state: string; merged_at: string | null; body: string | null; head: { ref: string } }): PullRequest {
  return { number: pull.number, url: pull.html_url, open: pull.state === 'open', merged: pull.merged_at !== null, body: pull.body ?? '', head: pull.head.ref };
}

/** The run a dispatch started, when GitHub said (200 with return_run_details; 204 says nothing). */
function runDetails(data: unknown): { runId?: string; url?: string } {
  if (data === null || typeof data !== 'object') return {};
  const run = data as { workflow_run_id?: unknown; html_url?: unknown };
  return {
    ...(typeof run.workflow_run_id === 'number' ? { runId: String(run.workflow_run_id) } : {}),
    ...(typeof run.html_url === 'string' ? { url: run.html_url } : {}),
  };
}

function refusesRunDetails(error: unknown): boolean {
  const status = statusOf(error);
  return (status === 400 || status === 422) && /return_run_details/i.test(error instanceof Error ? error.message : '');
}

/** The GitHub port over the REST API, with one Octokit set-up and every refusal a GitHubError. */
export function createGitHub(options: GitHubOptions): GitHub {
  let count = 0;
  const octokit = createOctokit(options);
  octokit.hook.before('request', () => {
    count++;
  });
  const repo = { owner: options.owner, repo: options.repo };
  let self: Promise<string> | undefined;
  // The login the token acts as. REST has no "who am I" for an installation token (GET /user
  // is refused), GraphQL's viewer answers for every kind of token.
  const identity = (): Promise<string> =>
    (self ??= octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }').then((answer) => sameLogin(answer.viewer.login)));

  async function ensureLabel(label: Label): Promise<void> {
    try {
      await octokit.request('GET /repos/{owner}/{repo}/labels/{name}', { ...repo, name: label.name });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      try {
        await octokit.request('POST /repos/{owner}/{repo}/labels', { ...repo, ...label });
      } catch (raced) {
        // Another beat created it first: that is what we wanted.
        if (statusOf(raced) !== 422) throw raced;
      }
    }
  }

  const port: GitHub = {
    async findOwnIssue(label, marked) {
      // The newest hundred issues under a label hold any the loop just opened; only the loop's own count.
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues', { ...repo, labels: label, state: 'all', per_page: 100, sort: 'created', direction: 'desc' });
      const candidates = data.filter((issue) => marked(issue.body ?? ''));
      if (candidates.length === 0) return undefined;
      const me = await identity();
      const found = candidates.find((issue) => sameLogin(issue.user?.login ?? '') === me);
      return found === undefined ? undefined : { number: found.number, open: found.state === 'open', url: found.html_url, body: found.body ?? '' };
    },
    async createIssue(label, title, text): Promise<Issue> {
      await ensureLabel(label);
      // Never retried blindly: an issue created whose answer was lost would be created twice.
      const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...repo, title, body: body(text), labels: [label.name], request: { retries: 0 } });
      return { number: data.number, open: true, url: data.html_url, body: data.body ?? '' };
    },
    async updateIssue(issue, change) {
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        ...repo,
        issue_number: issue,
        ...(change.body === undefined ? {} : { body: body(change.body) }),
        ...(change.state === undefined ? {} : { state: change.state }),
        ...(change.reason === undefined ? {} : { state_reason: change.reason }),
      });
    },
    async issueState(issue) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: issue });
        return { open: data.state === 'open', closedBy: data.closed_by?.login ?? undefined };
      } catch (error) {
        const status = statusOf(error);
        if (status === 404 || status === 410) return undefined;
        throw error;
      }
    },
    async issuesSince(label, since, which) {
      const issues: { number: number; open: boolean }[] = [];
      for await (const page of octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues', { ...repo, labels: label, state: which, since, sort: 'updated', direction: 'asc', per_page: 100 })) {
        for (const issue of page.data) issues.push({ number: issue.number, open: issue.state === 'open' });
      }
      return issues;
    },
    async issueComments(issue) {
      const comments: IssueComment[] = [];
      for await (const page of octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issue, per_page: 100 })) {
        for (const c of page.data) comments.push(commentOf(c, issue));
      }
      return comments;
    },
    async commentsSince(since) {
      let pages = 0;
      const comments: IssueComment[] = [];
      for await (const page of octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues/comments', { ...repo, since, sort: 'created', direction: 'asc', per_page: 100 })) {
        pages++;
        for (const c of page.data) comments.push(commentOf(c, Number(/\/issues\/(\d+)$/.exec(c.issue_url)?.[1])));
      }
      return { comments, pages };
    },
    async comment(issue, text) {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issue, body: body(text) });
    },
    async permission(login) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { ...repo, username: login });
        return data.role_name;
      } catch (error) {
        if (statusOf(error) === 404) return 'none';
        throw error;
      }
    },
    async workflowRun(runId) {
      try {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { ...repo, run_id: Number(runId) });
        return data.status === 'completed' ? 'finished' : 'running';
      } catch (error) {
        const status = statusOf(error);
        if (status === 403 || status === 404) return 'unknown';
        throw error;
      }
    },
    async dispatchWorkflow(workflow, ref, inputs) {
      const dispatch = { ...repo, workflow_id: workflow, ref, inputs, request: { retries: 0 } };
      try {
        const answer = await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', { ...dispatch, return_run_details: true });
        const data: unknown = answer.data;
        return runDetails(data);
      } catch (error) {
        // A server older than the parameter (GitHub Enterprise Server) refuses it: dispatch without it.
        if (!refusesRunDetails(error)) throw error;
        await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', dispatch);
        return {};
      }
    },
    async workflowRuns(workflow, since) {
      // GitHub's created filter takes whole seconds; dropping the fraction widens the window, never narrows it.
      const from = since.replace(/\.\d+(?=Z$)/, '');
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', { ...repo, workflow_id: workflow, created: `>=${from}`, per_page: 100 });
      return data.workflow_runs.map((run) => ({ id: String(run.id), name: run.display_title, status: run.status ?? 'queued', conclusion: run.conclusion ?? undefined, url: run.html_url, created: run.created_at }));
    },
    async cancelWorkflowRun(runId) {
      try {
        await octokit.request('POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel', { ...repo, run_id: Number(runId) });
        return 'cancelled';
      } catch (error) {
        const status = statusOf(error);
        if (status === 409) return 'finished';
        if (status === 403 || status === 404) return 'unknown';
        throw error;
      }
    },
    async defaultBranch() {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}', repo);
      return data.default_branch;
    },
    async findOwnPullRequest(head, marked) {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls', { ...repo, head: `${options.owner}:${head}`, state: 'all', sort: 'created', direction: 'desc', per_page: 100 });
      const candidates = data.filter((pull) => marked(pull.body ?? ''));
      if (candidates.length === 0) return undefined;
      const me = await identity();
      const found = candidates.find((pull) => sameLogin(pull.user?.login ?? '') === me);
      return found === undefined ? undefined : pullOf(found);
    },
    async createPullRequest(pull) {
      // Never retried blindly: a pull request created whose answer was lost would be opened twice.
      const { data } = await octokit.request('POST /repos/{owner}/{repo}/pulls', { ...repo, head: pull.head, base: pull.base, title: pull.title, body: body(pull.body), request: { retries: 0 } });
      return pullOf(data);
    },
    async updatePullRequest(pull, change) {
      await octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
        ...repo,
        pull_number: pull,
        ...(change.title === undefined ? {} : { title: change.title }),
        ...(change.body === undefined ? {} : { body: body(change.body) }),
      });
    },
    requests: () => count,
  };
  // Every operation answers with data or a GitHubError.
  const typed = Object.fromEntries(
    Object.entries(port).map(([name, operation]) => [name, name === 'requests' ? operation : (...args: unknown[]) => answered(() => (operation as (...a: unknown[]) => Promise<unknown>)(...args))]),
  );
  return typed as unknown as GitHub;
}
