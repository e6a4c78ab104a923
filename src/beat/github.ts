/**
 * GitHub as the core sees it: the port's interface and the errors it throws. The shell's
 * implementation is src/io/github/client.ts; the core tests fake it.
 */

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

/** A label the loop puts on the issues of one resource, created the first time it is needed. */
export interface Label {
  readonly name: string;
  readonly color: string;
  readonly description: string;
}

/**
 * GitHub as the loop uses it: generic operations on issues, comments, permissions and workflow
 * runs. Each resource says what its issues are (a label, a hidden marker); the port knows none.
 */
export interface GitHub {
  /**
   * The newest issue under `label` that the loop's own identity opened and whose body carries
   * the resource's hidden marker (`marked` says): an issue anyone else opened is never the loop's.
   */
  findOwnIssue(label: string, marked: (body: string) => boolean): Promise<Issue | undefined>;
  /** Opens an issue under the label (creating the label if need be). Never retried: the caller finds it by marker first. */
  createIssue(label: Label, title: string, body: string): Promise<Issue>;
  /** Changes an issue's body (cut to GitHub's limit) or state. */
  updateIssue(issue: number, change: { readonly body?: string; readonly state?: 'open' | 'closed'; readonly reason?: 'completed' | 'not_planned' }): Promise<void>;
  /** Whether an issue is open, and who closed it; undefined when it is gone (deleted, transferred). */
  issueState(issue: number): Promise<{ open: boolean; closedBy: string | undefined } | undefined>;
  /** Issues under `label` updated since `since` (closed ones only, unless `all`), whether open. */
  issuesSince(label: string, since: string, which: 'closed' | 'all'): Promise<{ number: number; open: boolean }[]>;
  /** The comments on one issue, oldest first. */
  issueComments(issue: number): Promise<IssueComment[]>;
  /** Every issue comment in the repository updated since `since`, oldest first, and the pages read. */
  commentsSince(since: string): Promise<{ comments: IssueComment[]; pages: number }>;
  comment(issue: number, body: string): Promise<void>;
  /** A login's role on the repository: `admin`, `maintain`, `write`, `triage`, `read`, `none`, or a custom role's name. */
  permission(login: string): Promise<string>;
  /** Whether a workflow run is still going: `running`, `finished`, or `unknown` (no access). */
  workflowRun(runId: string): Promise<'running' | 'finished' | 'unknown'>;
  /** Starts a workflow (`workflow_dispatch`) on a ref, with inputs. */
  dispatchWorkflow(workflow: string, ref: string, inputs: Readonly<Record<string, string>>): Promise<void>;
  /** API requests made so far. */
  requests(): number;
}

/**
 * What GitHub answered when it refused a call: its HTTP status (undefined when it never
 * answered) and its message. The port throws only this, so the core never guesses at shapes.
 */
export class GitHubError extends Error {
  override name = 'GitHubError';
  readonly status: number | undefined;
  constructor(message: string, status: number | undefined, options?: ErrorOptions) {
    super(message, options);
    this.status = status;
  }
}

/** The status of a GitHub error; undefined for anything else (which is a bug, not an answer). */
export function githubStatus(error: unknown): number | undefined {
  return error instanceof GitHubError ? error.status : undefined;
}

/** GitHub says the thing is gone (deleted, transferred): no reason to stop the loop. */
export function isGone(error: unknown): boolean {
  const status = githubStatus(error);
  return status === 404 || status === 410;
}

/** GitHub refused the token: the workflow must fix it, and every call would fail alike. */
export function isRefused(error: unknown): boolean {
  const status = githubStatus(error);
  return status === 401 || status === 403;
}

