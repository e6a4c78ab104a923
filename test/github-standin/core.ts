// The stand-in's controls and inspection, shared by the in-process API and the /_standin HTTP API:
// who tokens act as, who holds which role, what people said, what was requested, what broke the
// OpenAPI contract, and which requests should fail next.

import { renderComment, renderIssue, renderLabel, type CommentJson, type IssueJson, type LabelJson } from './render.ts';
import { addBranch, branchFiles } from './git-data.ts';
import { renderPull, renderRun } from './workers.ts';
import { Store, type DispatchRecord, type Permission, type RepoRecord, type Role, type RunStatus, type UserType } from './state.ts';

export type { CommentJson, IssueJson, LabelJson, UserJson } from './render.ts';
export type { DispatchRecord, Permission, Role, RunStatus, StateReason, UserType } from './state.ts';

/** A file of a branch made through the Git Data API. */
export interface BranchFile {
  readonly path: string;
  /** 100644, 100755 or 120000. */
  readonly mode: string;
  readonly content: string;
}

export interface RequestRecord {
  readonly method: string;
  /** The path without the query, e.g. /repos/o/r/issues. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** The parsed JSON body, or the raw text when it was not JSON; undefined when empty. */
  readonly body: unknown;
  readonly status: number;
  /** The login the token acted as, when it was accepted. */
  readonly user?: string;
  /** GitHub's operation id, e.g. issues/create, when the request named a documented operation. */
  readonly operationId?: string;
}

export interface Violation {
  readonly method: string;
  readonly path: string;
  readonly reason: string;
  readonly operationId?: string;
}

export type FailKind = 'secondary-rate-limit' | 'abuse' | 'server-error' | 'rate-limit';

export interface FailRule {
  /** Only requests with this method (any case); every method when absent. */
  readonly method?: string;
  /** A substring of, or a pattern tested against, the path with its query string. */
  readonly path: string | RegExp;
  /** How many matching requests fail; 1 when absent. */
  readonly times?: number;
  /**
   * secondary-rate-limit: 403 with GitHub's secondary-limit message and retry-after;
   * abuse: 403 with the "temporarily blocked from content creation" secondary-limit message and retry-after;
   * rate-limit: 403 primary limit, x-ratelimit-remaining 0, reset retryAfterSeconds ahead;
   * server-error: 500 (or `status`, e.g. 502).
   */
  readonly kind: FailKind;
  /** Seconds for retry-after (or the primary reset); 60 when absent. */
  readonly retryAfterSeconds?: number;
  /** Status for server-error; 500 when absent. */
  readonly status?: number;
}

export interface PersonIssue {
  readonly login: string;
  readonly type?: UserType;
  readonly title: string;
  readonly body?: string;
  readonly labels?: readonly string[];
}

export interface PersonComment {
  readonly login: string;
  readonly type?: UserType;
  readonly body: string;
}

export class StandinCore {
  readonly store = new Store();
  readonly requests: RequestRecord[] = [];
  readonly violations: Violation[] = [];
  readonly #rules: { rule: FailRule; left: number }[] = [];
  /** Set once the server listens; API URLs inside answers point here. */
  api = 'http://127.0.0.1';
  /** Called with each violation as it is recorded (the CLI prints them). */
  onViolation: ((violation: Violation) => void) | undefined;
  /** Called with each request once handled, before its answer is sent (a test can crash a client there). */
  onRequest: ((request: RequestRecord) => void) | undefined;

  setClock(clock: () => Date): void {
    this.store.clock = clock;
  }

  setPermission(owner: string, repo: string, login: string, role: Role): void {
    this.store.user(login);
    this.store.repo(owner, repo).roles.set(login.toLowerCase(), role);
  }

  /** Maps a token to the user it acts as; null makes GitHub refuse it (401 Bad credentials). */
  setTokenUser(token: string, user: { readonly login: string; readonly type?: UserType } | null): void {
    if (user === null) {
      this.store.tokens.set(token, null);
      return;
    }
    const record = this.store.user(user.login, user.type);
    this.store.tokens.set(token, { login: record.login, type: record.type });
  }

  ensureRepo(owner: string, repo: string): void {
    this.store.repo(owner, repo);
  }

  #repo(owner: string, repo: string): RepoRecord {
    return this.store.repo(owner, repo);
  }

  addIssue(owner: string, repo: string, issue: PersonIssue): IssueJson {
    const record = this.#repo(owner, repo);
    const created = this.store.createIssue(record, this.store.user(issue.login, issue.type), issue);
    return renderIssue(this.api, record, created);
  }

  addComment(owner: string, repo: string, issueNumber: number, comment: PersonComment): CommentJson {
    const record = this.#repo(owner, repo);
    const issue = record.issues.get(issueNumber);
    if (issue === undefined) throw new Error(`standin: ${owner}/${repo} has no issue #${issueNumber}`);
    const created = this.store.addComment(record, issue, this.store.user(comment.login, comment.type), comment.body);
    return renderComment(this.api, record, created);
  }

  editComment(owner: string, repo: string, commentId: number, body: string): CommentJson {
    const record = this.#repo(owner, repo);
    const comment = record.comments.find((c) => c.id === commentId);
    if (comment === undefined) throw new Error(`standin: ${owner}/${repo} has no comment ${commentId}`);
    comment.body = body;
    comment.updatedAt = this.store.now();
    return renderComment(this.api, record, comment);
  }

  setIssueState(owner: string, repo: string, n: number, login: string, state: 'open' | 'closed'): IssueJson {
    const record = this.#repo(owner, repo);
    const issue = record.issues.get(n);
    if (issue === undefined) throw new Error(`standin: ${owner}/${repo} has no issue #${n}`);
    this.store.setState(issue, this.store.user(login), state, state === 'closed' ? 'completed' : 'reopened');
    issue.updatedAt = this.store.now();
    return renderIssue(this.api, record, issue);
  }

  issue(owner: string, repo: string, n: number): IssueJson | undefined {
    const record = this.#repo(owner, repo);
    const issue = record.issues.get(n);
    return issue && renderIssue(this.api, record, issue);
  }

  issues(owner: string, repo: string): IssueJson[] {
    const record = this.#repo(owner, repo);
    return [...record.issues.values()].map((issue) => renderIssue(this.api, record, issue));
  }

  comments(owner: string, repo: string, n: number): CommentJson[] {
    const record = this.#repo(owner, repo);
    return record.comments.filter((c) => c.issueNumber === n).map((c) => renderComment(this.api, record, c));
  }

  labels(owner: string, repo: string): LabelJson[] {
    const record = this.#repo(owner, repo);
    return [...record.labels.values()].map((label) => renderLabel(this.api, record, label));
  }

  setRun(owner: string, repo: string, runId: number, status: RunStatus): void {
    this.#repo(owner, repo).runs.set(runId, status);
  }

  setDefaultBranch(owner: string, repo: string, branch: string): void {
    this.#repo(owner, repo).defaultBranch = branch;
  }

  /** The workflow files the repository has; a dispatch to any other is then 404. */
  setWorkflows(owner: string, repo: string, files: readonly string[]): void {
    this.#repo(owner, repo).workflows = new Set(files);
  }

  /** Takes a permission (actions: write, contents: write) from the token a login acts with: GitHub answers 403. */
  deny(owner: string, repo: string, login: string, permission: Permission): void {
    const record = this.#repo(owner, repo);
    const key = login.toLowerCase();
    record.denied.set(key, new Set([...(record.denied.get(key) ?? []), permission]));
  }

  /** A branch that exists already (one empty commit), as the Git Data API sees it. */
  addBranch(owner: string, repo: string, branch: string): void {
    addBranch(this.#repo(owner, repo), branch);
  }

  /** The files of a branch made through the Git Data API, or undefined when there is no such branch. */
  branchFiles(owner: string, repo: string, branch: string): BranchFile[] | undefined {
    return branchFiles(this.#repo(owner, repo), branch);
  }

  /** The repository's pull requests in GitHub's shape, oldest first. */
  pulls(owner: string, repo: string): ReturnType<typeof renderPull>[] {
    const record = this.#repo(owner, repo);
    return [...record.pulls.values()].map((p) => renderPull(this, record, p));
  }

  /** A person merges, closes or reopens a pull request. */
  setPullState(owner: string, repo: string, n: number, state: 'open' | 'closed' | 'merged'): void {
    const pull = this.#repo(owner, repo).pulls.get(n);
    if (pull === undefined) throw new Error(`standin: ${owner}/${repo} has no pull request #${n}`);
    if (pull.mergedAt !== null) throw new Error(`standin: pull request #${n} is merged; it can no longer change state`);
    this.store.setPullState(pull, state === 'open' ? 'open' : 'closed', state === 'merged');
  }

  /** The runs dispatches started, newest first, in GitHub's shape. */
  workflowRuns(owner: string, repo: string): ReturnType<typeof renderRun>[] {
    const record = this.#repo(owner, repo);
    return [...record.workflowRuns.values()].reverse().map((r) => renderRun(this, record, r));
  }

  /** GitHub runs a dispatched run: queued → in_progress → completed with a conclusion. */
  setRunState(owner: string, repo: string, runId: number, status: RunStatus, conclusion?: string): void {
    const run = this.#repo(owner, repo).workflowRuns.get(runId);
    if (run === undefined) throw new Error(`standin: ${owner}/${repo} has no dispatched run ${runId}`);
    run.status = status;
    run.conclusion = status === 'completed' ? (conclusion ?? 'success') : null;
    run.updatedAt = this.store.now();
  }

  /** A workflow's run-name over its inputs, e.g. "looop worker {worker-id}"; the file's name when unset. */
  setRunName(owner: string, repo: string, workflow: string, template: string): void {
    this.#repo(owner, repo).runNames.set(workflow, template);
  }

  /** Refuse return_run_details with 422, as older GitHub Enterprise Server does. */
  refuseRunDetails(owner: string, repo: string, refuse: boolean): void {
    this.#repo(owner, repo).refuseRunDetails = refuse;
  }

  /** The repository setting "Allow GitHub Actions to create and approve pull requests". */
  allowActionsPullRequests(owner: string, repo: string, allow: boolean): void {
    this.#repo(owner, repo).actionsMayCreatePulls = allow;
  }

  dispatches(owner: string, repo: string): DispatchRecord[] {
    return [...this.#repo(owner, repo).dispatches];
  }

  resetRequests(): void {
    this.requests.length = 0;
  }

  resetViolations(): void {
    this.violations.length = 0;
  }

  recordViolation(violation: Violation): void {
    this.violations.push(violation);
    this.onViolation?.(violation);
  }

  assertNoViolations(): void {
    if (this.violations.length === 0) return;
    const lines = this.violations.map((v) => `  ${v.method} ${v.path}${v.operationId ? ` (${v.operationId})` : ''}: ${v.reason}`);
    throw new Error(`GitHub stand-in saw ${this.violations.length} request(s) GitHub's OpenAPI description does not allow:\n${lines.join('\n')}`);
  }

  failNext(rule: FailRule): void {
    this.#rules.push({ rule, left: rule.times ?? 1 });
  }

  /** The failure rule this request consumes, if any. */
  takeFailure(method: string, pathWithQuery: string): FailRule | undefined {
    const index = this.#rules.findIndex(({ rule }) => {
      if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
      return typeof rule.path === 'string' ? pathWithQuery.includes(rule.path) : rule.path.test(pathWithQuery);
    });
    const entry = this.#rules[index];
    if (entry === undefined) return undefined;
    entry.left--;
    if (entry.left <= 0) this.#rules.splice(index, 1);
    return entry.rule;
  }
}
