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

/** A pull request as the loop reads it: a worker's, found by its head branch and hidden marker. */
export interface PullRequest {
  readonly number: number;
  readonly url: string;
  readonly open: boolean;
  readonly merged: boolean;
  readonly body: string;
  /** The head branch's name, e.g. looop/fix-docs. */
  readonly head: string;
}

/** One run of a workflow, as the runs API lists it. */
export interface WorkflowRunInfo {
  readonly id: string;
  /** What the run is called: the workflow's `run-name` as GitHub rendered it (display_title). */
  readonly name: string;
  /** `queued`, `in_progress`, `completed`, `waiting`, `requested`, `pending`. */
  readonly status: string;
  /** Once completed: `success`, `failure`, `cancelled`, `timed_out`, `skipped`…; undefined before. */
  readonly conclusion: string | undefined;
  readonly url: string;
  readonly created: string;
}

/** What a dispatch told about the run it started: GitHub gives the run's id when asked (return_run_details), older servers do not. */
export interface Dispatched {
  readonly runId?: string;
  readonly url?: string;
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
  /**
   * Starts a workflow (`workflow_dispatch`) on a ref, with inputs, and says which run it
   * started when GitHub tells (asked with return_run_details; a server that refuses the
   * parameter is asked again without it). Never retried: a dispatch whose answer was lost
   * may have started a run.
   */
  dispatchWorkflow(workflow: string, ref: string, inputs: Readonly<Record<string, string>>): Promise<Dispatched>;
  /** Runs of a workflow file created since `since` (ISO time), newest first, at most 100. */
  workflowRuns(workflow: string, since: string): Promise<WorkflowRunInfo[]>;
  /** Asks GitHub to cancel a run: `cancelled` (asked), `finished` (it had already completed: 409), `unknown` (gone or no access). */
  cancelWorkflowRun(runId: string): Promise<'cancelled' | 'finished' | 'unknown'>;
  /** The repository's default branch, where workers branch from and pull requests go. */
  defaultBranch(): Promise<string>;
  /**
   * The newest pull request from `head` (a branch of this repository) that the token's own
   * identity opened and whose body carries the marker (`marked` says), open or closed.
   */
  findOwnPullRequest(head: string, marked: (body: string) => boolean): Promise<PullRequest | undefined>;
  /** Opens a pull request. Never retried: the caller finds it by marker first. */
  createPullRequest(pull: { readonly head: string; readonly base: string; readonly title: string; readonly body: string }): Promise<PullRequest>;
  /** Changes a pull request's title or body (cut to GitHub's limit). */
  updatePullRequest(pull: number, change: { readonly title?: string; readonly body?: string }): Promise<void>;
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

