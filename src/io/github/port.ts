import { ASK_LABEL, fitted, GITHUB_BODY_LIMIT, markerIn } from '../../resources/asks/issue.ts';
import { FAILURE_LABEL, failureMarkerIn } from '../../resources/failures/issue.ts';
import { createOctokit, statusOf } from './octokit.ts';

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
  readonly body: string;
}

/** The GitHub API as the loop uses it: few calls, each named for what it is for. */
export interface GitHub {
  /**
   * The issue that carries this ask's marker (id and nonce), open or closed, and that the loop's
   * own identity opened: an issue anyone else opened is never this ask's, whatever it says.
   */
  findAskIssue(id: string, nonce: string): Promise<Issue | undefined>;
  createAskIssue(title: string, body: string): Promise<Issue>;
  /** The failure issue that carries this marker (fingerprint and nonce) and that the loop's own identity opened. */
  findFailureIssue(fingerprint: string, nonce: string): Promise<Issue | undefined>;
  createFailureIssue(title: string, body: string): Promise<Issue>;
  /** The comments on one issue, oldest first (a failure issue's are few). */
  issueComments(issue: number): Promise<IssueComment[]>;
  reopen(issue: number): Promise<void>;
  /** Puts the loop's own text back into an issue's body. */
  setIssueBody(issue: number, body: string): Promise<void>;
  /** Whether an issue is open, and who closed it; undefined when it is gone (deleted, transferred). */
  issueState(issue: number): Promise<{ open: boolean; closedBy: string | undefined } | undefined>;
  /** Ask issues updated since `since` (closed ones only, unless `all`), whether open. */
  askIssuesSince(since: string, which: 'closed' | 'all'): Promise<{ number: number; open: boolean }[]>;
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

/** Logins compared as GitHub does: case aside, and a bot named with or without its "[bot]" (GraphQL drops it). */
function sameLogin(login: string): string {
  return login.toLowerCase().replace(/\[bot\]$/, '');
}

interface Label {
  readonly name: string;
  readonly color: string;
  readonly description: string;
}

const ASK: Label = { name: ASK_LABEL, color: 'd93f0b', description: 'The loop asks a person: answer by comment' };
const FAILURE: Label = { name: FAILURE_LABEL, color: 'b60205', description: "The loop's decisions fail: fix, then comment /resume" };

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
  // GitHub asks clients to wait retry-after on a secondary rate limit; the plugin does, a bounded number of times.
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
  const body = (text: string): string => fitted(text, GITHUB_BODY_LIMIT, "cut to fit GitHub's limit");
  /** The newest hundred issues under a label hold any the loop just opened; only the loop's own count. */
  const findOwn = async (label: string, marked: (body: string | null | undefined) => boolean): Promise<Issue | undefined> => {
    const { data } = await octokit.rest.issues.listForRepo({ ...repo, labels: label, state: 'all', per_page: 100, sort: 'created', direction: 'desc' });
    const candidates = data.filter((issue) => marked(issue.body));
    if (candidates.length === 0) return undefined;
    const me = await identity();
    const found = candidates.find((issue) => sameLogin(issue.user?.login ?? '') === me);
    return found === undefined ? undefined : { number: found.number, open: found.state === 'open', url: found.html_url, body: found.body ?? '' };
  };
  const create = async (label: Label, title: string, text: string): Promise<Issue> => {
    await ensureLabel(label);
    // Never retried blindly: an issue created whose answer was lost would be created twice.
    // The caller looks for it by marker first, beat after beat.
    const { data } = await octokit.rest.issues.create({ ...repo, title, body: body(text), labels: [label.name], request: { retries: 0 } });
    return { number: data.number, open: true, url: data.html_url, body: data.body ?? '' };
  };
  return {
    findAskIssue: (id, nonce) =>
      findOwn(ASK_LABEL, (text) => {
        const marker = markerIn(text);
        return marker?.id === id && marker.nonce === nonce && nonce !== '';
      }),
    createAskIssue: (title, text) => create(ASK, title, text),
    findFailureIssue: (fingerprint, nonce) =>
      findOwn(FAILURE_LABEL, (text) => {
        const marker = failureMarkerIn(text);
        return marker?.fingerprint === fingerprint && marker.nonce === nonce && nonce !== '';
      }),
    createFailureIssue: (title, text) => create(FAILURE, title, text),
    async issueComments(issue) {
      const comments: IssueComment[] = [];
      for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 })) {
        for (const c of page.data) comments.push({ id: c.id, issue, body: c.body ?? '', login: c.user?.login ?? '', isBot: c.user?.type === 'Bot', created: c.created_at });
      }
      return comments;
    },
    async reopen(issue) {
      await octokit.rest.issues.update({ ...repo, issue_number: issue, state: 'open' });
    },
    async setIssueBody(issue, text) {
      await octokit.rest.issues.update({ ...repo, issue_number: issue, body: body(text) });
    },
    async issueState(issue) {
      try {
        const { data } = await octokit.rest.issues.get({ ...repo, issue_number: issue });
        return { open: data.state === 'open', closedBy: data.closed_by?.login ?? undefined };
      } catch (error) {
        const status = statusOf(error);
        if (status === 404 || status === 410) return undefined;
        throw error;
      }
    },
    async askIssuesSince(since, which) {
      const issues: { number: number; open: boolean }[] = [];
      for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, { ...repo, labels: ASK_LABEL, state: which, since, sort: 'updated', direction: 'asc', per_page: 100 })) {
        for (const issue of page.data) issues.push({ number: issue.number, open: issue.state === 'open' });
      }
      return issues;
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
        if (statusOf(error) === 404) return 'none';
        throw error;
      }
    },
    async comment(issue, text) {
      await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body: body(text) });
    },
    async close(issue, reason) {
      await octokit.rest.issues.update({ ...repo, issue_number: issue, state: 'closed', state_reason: reason });
    },
    async runState(runId) {
      try {
        const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: Number(runId) });
        return data.status === 'completed' ? 'finished' : 'running';
      } catch (error) {
        const status = statusOf(error);
        if (status === 403 || status === 404) return 'unknown';
        throw error;
      }
    },
    requests: () => count,
  };

  async function ensureLabel(label: Label): Promise<void> {
    try {
      await octokit.rest.issues.getLabel({ ...repo, name: label.name });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      try {
        await octokit.rest.issues.createLabel({ ...repo, ...label });
      } catch (raced) {
        // Another beat created it first: that is what we wanted.
        if (statusOf(raced) !== 422) throw raced;
      }
    }
  }
}
