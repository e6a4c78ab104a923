// The stand-in's memory: users, tokens, repositories with their issues, comments, labels,
// collaborator roles and workflow dispatches. Records here are internal; render.ts turns them into
// the JSON GitHub returns.

export type UserType = 'User' | 'Bot';
export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';
export type StateReason = 'completed' | 'not_planned' | 'duplicate' | 'reopened';

export interface UserRecord {
  readonly login: string;
  readonly id: number;
  readonly type: UserType;
}

export interface LabelRecord {
  readonly id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface IssueRecord {
  readonly id: number;
  readonly number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: StateReason | null;
  /** Lower-cased label names, in the order they were applied. */
  labels: string[];
  readonly user: UserRecord;
  comments: number;
  readonly createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  closedBy: UserRecord | null;
}

export interface CommentRecord {
  readonly id: number;
  readonly issueNumber: number;
  body: string;
  readonly user: UserRecord;
  readonly createdAt: Date;
  updatedAt: Date;
}

export interface DispatchRecord {
  readonly owner: string;
  readonly repo: string;
  readonly workflowId: string;
  readonly ref: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** GitHub's timestamp format, e.g. 2026-11-23T12:00:00Z. */
  readonly at: string;
  readonly user: string;
}

export interface RepoRecord {
  readonly id: number;
  readonly owner: string;
  readonly name: string;
  nextNumber: number;
  readonly issues: Map<number, IssueRecord>;
  readonly comments: CommentRecord[];
  /** Keyed by lower-cased name: GitHub label names are case-insensitive. */
  readonly labels: Map<string, LabelRecord>;
  /** Keyed by lower-cased login. */
  readonly roles: Map<string, Role>;
  readonly dispatches: DispatchRecord[];
  /** Workflow runs a test has declared, by id: queued, in_progress or completed. */
  readonly runs: Map<number, RunStatus>;
  defaultBranch: string;
  /** Workflow files a test declared; when set, a dispatch to any other is 404, as on GitHub. */
  workflows: Set<string> | undefined;
  /** Lower-cased logins whose token lacks a permission here (actions: write, contents: write): GitHub answers 403. */
  readonly denied: Map<string, Set<Permission>>;
  readonly git: GitData;
  readonly pulls: Map<number, PullRecord>;
  /** Runs dispatches started, by id, in creation order. */
  readonly workflowRuns: Map<number, WorkflowRunRecord>;
  /** A workflow file's run-name as a template over its inputs, e.g. "looop worker {worker-id}". */
  readonly runNames: Map<string, string>;
  /** Answer return_run_details with 422, as GitHub Enterprise Server releases without it do. */
  refuseRunDetails: boolean;
  /** The setting "Allow GitHub Actions to create and approve pull requests"; GitHub's default is off, the stand-in's on. */
  actionsMayCreatePulls: boolean;
}

export interface PullRecord {
  readonly id: number;
  readonly number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  readonly head: string;
  readonly base: string;
  readonly user: UserRecord;
  readonly createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  mergedAt: Date | null;
}

export interface WorkflowRunRecord {
  readonly id: number;
  readonly workflow: string;
  readonly displayTitle: string;
  readonly ref: string;
  status: RunStatus;
  conclusion: string | null;
  readonly actor: UserRecord;
  readonly createdAt: Date;
  updatedAt: Date;
}

export type Permission = 'actions' | 'contents' | 'pull-requests';

/** The Git Data API's objects and refs, as `init` writes them. */
export interface GitData {
  readonly blobs: Map<string, Buffer>;
  readonly trees: Map<string, readonly GitTreeEntry[]>;
  readonly commits: Map<string, { readonly tree: string; readonly parents: readonly string[]; readonly message: string }>;
  /** Full ref name (refs/heads/x) to commit sha. */
  readonly refs: Map<string, string>;
}

export interface GitTreeEntry {
  readonly path: string;
  readonly mode: string;
  readonly type: 'blob' | 'tree' | 'commit';
  readonly sha: string;
}

export type RunStatus = 'queued' | 'in_progress' | 'completed';

export const ACTIONS_BOT: Readonly<{ login: string; type: UserType }> = { login: 'github-actions[bot]', type: 'Bot' };

/** GitHub's timestamp format: whole seconds, UTC, Z. */
export function githubTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export class Store {
  clock: () => Date = () => new Date();
  readonly users = new Map<string, UserRecord>();
  /** token → user; null marks a token GitHub would refuse as bad credentials. */
  readonly tokens = new Map<string, { login: string; type: UserType } | null>();
  readonly repos = new Map<string, RepoRecord>();
  #nextUserId = 1000;
  #nextRepoId = 700_000_000;
  #nextIssueId = 3_000_000_000;
  #nextCommentId = 2_500_000_000;
  #nextLabelId = 9_000_000_000;
  #nextPullId = 1_800_000_000;
  #nextRunId = 20_000_000_001;

  constructor() {
    this.users.set(ACTIONS_BOT.login, { login: ACTIONS_BOT.login, id: 41898282, type: 'Bot' });
  }

  now(): Date {
    return this.clock();
  }

  user(login: string, type?: UserType): UserRecord {
    const key = login.toLowerCase();
    const known = this.users.get(key);
    if (known !== undefined && (type === undefined || type === known.type)) return known;
    const id = known?.id ?? this.#nextUserId++;
    const created: UserRecord = { login: known?.login ?? login, id, type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User') };
    this.users.set(key, created);
    return created;
  }

  knownUser(login: string): UserRecord | undefined {
    return this.users.get(login.toLowerCase());
  }

  repo(owner: string, name: string): RepoRecord {
    const key = `${owner}/${name}`.toLowerCase();
    let repo = this.repos.get(key);
    if (repo === undefined) {
      this.user(owner);
      repo = {
        id: this.#nextRepoId++,
        owner,
        name,
        nextNumber: 1,
        issues: new Map(),
        comments: [],
        labels: new Map(),
        roles: new Map(),
        dispatches: [],
        runs: new Map(),
        defaultBranch: 'main',
        workflows: undefined,
        denied: new Map(),
        git: { blobs: new Map(), trees: new Map(), commits: new Map(), refs: new Map() },
        pulls: new Map(),
        workflowRuns: new Map(),
        runNames: new Map(),
        refuseRunDetails: false,
        actionsMayCreatePulls: true,
      };
      this.repos.set(key, repo);
    }
    return repo;
  }

  /** False when a test took this permission from the login's token. */
  may(repo: RepoRecord, login: string, permission: Permission): boolean {
    return repo.denied.get(login.toLowerCase())?.has(permission) !== true;
  }

  role(repo: RepoRecord, login: string): Role {
    const set = repo.roles.get(login.toLowerCase());
    if (set !== undefined) return set;
    // The owner of a user repository administers it; anyone else may read a public repository.
    return login.toLowerCase() === repo.owner.toLowerCase() ? 'admin' : 'read';
  }

  /** The label, created with GitHub's default colour when missing (as issue creation does). */
  label(repo: RepoRecord, name: string, color = 'ededed', description: string | null = null): LabelRecord {
    const key = name.toLowerCase();
    let label = repo.labels.get(key);
    if (label === undefined) {
      label = { id: this.#nextLabelId++, name, color, description };
      repo.labels.set(key, label);
    }
    return label;
  }

  createIssue(repo: RepoRecord, user: UserRecord, fields: { title: string; body?: string | null; labels?: readonly string[] }): IssueRecord {
    const now = this.now();
    const issue: IssueRecord = {
      id: this.#nextIssueId++,
      number: repo.nextNumber++,
      title: fields.title,
      body: fields.body ?? null,
      state: 'open',
      stateReason: null,
      labels: [],
      user,
      comments: 0,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      closedBy: null,
    };
    this.setLabels(repo, issue, fields.labels ?? []);
    repo.issues.set(issue.number, issue);
    return issue;
  }

  setLabels(repo: RepoRecord, issue: IssueRecord, names: readonly string[]): void {
    issue.labels = [];
    this.addLabels(repo, issue, names);
  }

  addLabels(repo: RepoRecord, issue: IssueRecord, names: readonly string[]): void {
    for (const name of names) {
      const key = this.label(repo, name).name.toLowerCase();
      if (!issue.labels.includes(key)) issue.labels.push(key);
    }
  }

  setState(issue: IssueRecord, user: UserRecord, state: 'open' | 'closed', reason: StateReason | null | undefined): void {
    if (state === issue.state) {
      if (reason !== undefined && state === 'closed') issue.stateReason = reason;
      return;
    }
    issue.state = state;
    if (state === 'closed') {
      issue.closedAt = this.now();
      issue.closedBy = user;
      issue.stateReason = reason ?? 'completed';
    } else {
      issue.closedAt = null;
      issue.stateReason = 'reopened';
    }
  }

  addComment(repo: RepoRecord, issue: IssueRecord, user: UserRecord, body: string): CommentRecord {
    const now = this.now();
    const comment: CommentRecord = { id: this.#nextCommentId++, issueNumber: issue.number, body, user, createdAt: now, updatedAt: now };
    repo.comments.push(comment);
    issue.comments++;
    issue.updatedAt = now;
    return comment;
  }

  /** Pull requests share the issues' numbers, as on GitHub. */
  createPull(repo: RepoRecord, user: UserRecord, fields: { head: string; base: string; title: string; body: string | null }): PullRecord {
    const now = this.now();
    const pull: PullRecord = { id: this.#nextPullId++, number: repo.nextNumber++, ...fields, state: 'open', user, createdAt: now, updatedAt: now, closedAt: null, mergedAt: null };
    repo.pulls.set(pull.number, pull);
    return pull;
  }

  setPullState(pull: PullRecord, state: 'open' | 'closed', merged = false): void {
    const now = this.now();
    pull.state = state;
    pull.closedAt = state === 'closed' ? now : null;
    if (merged) pull.mergedAt = now;
    pull.updatedAt = now;
  }

  createRun(repo: RepoRecord, actor: UserRecord, fields: { workflow: string; ref: string; displayTitle: string }): WorkflowRunRecord {
    const now = this.now();
    const run: WorkflowRunRecord = { id: this.#nextRunId++, ...fields, status: 'queued', conclusion: null, actor, createdAt: now, updatedAt: now };
    repo.workflowRuns.set(run.id, run);
    return run;
  }

  finishRun(run: WorkflowRunRecord, conclusion: string): void {
    run.status = 'completed';
    run.conclusion = conclusion;
    run.updatedAt = this.now();
  }
}
