// Pull requests and workflow runs, as a looop worker uses them: open, find and edit its pull
// request; list, read and cancel the runs its dispatches started.

import { githubError } from './openapi.ts';
import { paginate, type RouteResult } from './http.ts';
import { renderUser } from './render.ts';
import { githubTime, type PullRecord, type RepoRecord, type WorkflowRunRecord } from './state.ts';
import { created, field, notFound, repoOf, text, type RouteContext } from './context.ts';

const WEB = 'https://github.com';

/** What rendering needs: the core renders too, outside any request. */
export type Renderer = Pick<RouteContext, 'api' | 'store'>;

function forbidden(ctx: RouteContext, message = 'Resource not accessible by integration'): RouteResult {
  return { status: 403, body: githubError(403, message, ctx.docsUrl) };
}

function invalid(ctx: RouteContext, error: Record<string, unknown>): RouteResult {
  return { status: 422, body: githubError(422, 'Validation Failed', ctx.docsUrl, { errors: [error] }) };
}

function branchJson(ctx: Renderer, repo: RepoRecord, ref: string) {
  const sha = repo.git.refs.get(`refs/heads/${ref}`) ?? '0'.repeat(40);
  const owner = ctx.store.user(repo.owner);
  return { label: `${repo.owner}:${ref}`, ref, sha, user: renderUser(ctx.api, owner), repo: null };
}

export function renderPull(ctx: Renderer, repo: RepoRecord, pull: PullRecord) {
  const full = `${repo.owner}/${repo.name}`;
  const url = `${ctx.api}/repos/${full}/pulls/${pull.number}`;
  const issueUrl = `${ctx.api}/repos/${full}/issues/${pull.number}`;
  const link = (href: string) => ({ href });
  return {
    url,
    id: pull.id,
    node_id: `PR_${pull.id}`,
    html_url: `${WEB}/${full}/pull/${pull.number}`,
    diff_url: `${WEB}/${full}/pull/${pull.number}.diff`,
    patch_url: `${WEB}/${full}/pull/${pull.number}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${ctx.api}/repos/${full}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: `${ctx.api}/repos/${full}/statuses/${branchJson(ctx, repo, pull.head).sha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: renderUser(ctx.api, pull.user),
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: githubTime(pull.createdAt),
    updated_at: githubTime(pull.updatedAt),
    closed_at: pull.closedAt && githubTime(pull.closedAt),
    merged_at: pull.mergedAt && githubTime(pull.mergedAt),
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchJson(ctx, repo, pull.head),
    base: branchJson(ctx, repo, pull.base),
    _links: {
      self: link(url),
      html: link(`${WEB}/${full}/pull/${pull.number}`),
      issue: link(issueUrl),
      comments: link(`${issueUrl}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${ctx.api}/repos/${full}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${ctx.api}/repos/${full}/statuses/0`),
    },
    author_association: 'NONE',
    auto_merge: null,
    draft: false,
  };
}

/** head as GitHub takes it: "branch" or "owner:branch" (a branch of the owner's repository). */
function headRef(value: string): string {
  const colon = value.indexOf(':');
  return colon === -1 ? value : value.slice(colon + 1);
}

export function createPull(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const head = text(field(ctx.body, 'head'));
  const base = text(field(ctx.body, 'base'));
  if (head === undefined || head === '') return invalid(ctx, { resource: 'PullRequest', field: 'head', code: 'missing_field' });
  if (base === undefined || base === '') return invalid(ctx, { resource: 'PullRequest', field: 'base', code: 'missing_field' });
  if (!ctx.store.may(repo, ctx.user.login, 'pull-requests')) return forbidden(ctx);
  // The repository setting "Allow GitHub Actions to create and approve pull requests" binds the workflow's token.
  if (!repo.actionsMayCreatePulls && ctx.user.type === 'Bot') return forbidden(ctx, 'GitHub Actions is not permitted to create or approve pull requests.');
  const ref = headRef(head);
  const open = [...repo.pulls.values()].some((p) => p.state === 'open' && p.head === ref && p.base === base);
  if (open) return invalid(ctx, { resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${repo.owner}:${ref}.` });
  const pull = ctx.store.createPull(repo, ctx.user, { head: ref, base, title: text(field(ctx.body, 'title')) ?? '', body: text(field(ctx.body, 'body')) ?? null });
  const json = renderPull(ctx, repo, pull);
  return created(json.url, json);
}

function pullsMatching(repo: RepoRecord, q: URLSearchParams): PullRecord[] {
  const state = q.get('state') ?? 'open';
  const head = q.get('head');
  const base = q.get('base');
  const byUpdated = q.get('sort') === 'updated';
  const asc = q.get('direction') === 'asc' || (q.get('direction') === null && q.get('sort') === null ? false : q.get('direction') === 'asc');
  const list = [...repo.pulls.values()].filter(
    (p) => (state === 'all' || p.state === state) && (head === null || headRef(head) === p.head) && (base === null || p.base === base),
  );
  const key = (p: PullRecord) => (byUpdated ? p.updatedAt.getTime() : p.createdAt.getTime()) * 1e6 + p.number;
  return list.sort((a, b) => (asc ? key(a) - key(b) : key(b) - key(a)));
}

export function listPulls(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const page = paginate(pullsMatching(repo, ctx.url.searchParams), ctx.url);
  return { status: 200, body: page.items.map((p) => renderPull(ctx, repo, p)), headers: page.headers };
}

function pullOf(ctx: RouteContext, repo: RepoRecord): PullRecord | undefined {
  return repo.pulls.get(Number(ctx.params['pull_number']));
}

export function getPull(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const pull = pullOf(ctx, repo);
  return pull ? { status: 200, body: renderPull(ctx, repo, pull) } : notFound(ctx);
}

export function updatePull(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const pull = pullOf(ctx, repo);
  if (!pull) return notFound(ctx);
  if (!ctx.store.may(repo, ctx.user.login, 'pull-requests')) return forbidden(ctx);
  const title = text(field(ctx.body, 'title'));
  const body = field(ctx.body, 'body');
  const state = text(field(ctx.body, 'state'));
  if (title !== undefined) pull.title = title;
  if (typeof body === 'string' || body === null) pull.body = body;
  if ((state === 'open' || state === 'closed') && pull.mergedAt === null) ctx.store.setPullState(pull, state);
  pull.updatedAt = ctx.store.now();
  return { status: 200, body: renderPull(ctx, repo, pull) };
}

// ---- workflow runs ----

/** A workflow's run-name with {input} replaced by the dispatch's inputs, or the workflow's file name. */
export function displayTitle(repo: RepoRecord, workflow: string, inputs: Readonly<Record<string, unknown>>): string {
  const template = repo.runNames.get(workflow);
  if (template === undefined) return workflow.replace(/\.ya?ml$/, '');
  return template.replace(/\{([^}]+)\}/g, (_all, name: string) => { const value = inputs[name]; return typeof value === 'string' ? value : JSON.stringify(value ?? ''); });
}

export function renderRun(ctx: Renderer, repo: RepoRecord, run: WorkflowRunRecord) {
  const full = `${repo.owner}/${repo.name}`;
  const url = `${ctx.api}/repos/${full}/actions/runs/${run.id}`;
  const actor = renderUser(ctx.api, run.actor);
  const repository = { id: repo.id, node_id: `R_${repo.id}`, name: repo.name, full_name: full, private: false, owner: renderUser(ctx.api, ctx.store.user(repo.owner)), html_url: `${WEB}/${full}`, url: `${ctx.api}/repos/${full}` };
  return {
    id: run.id,
    name: run.workflow.replace(/\.ya?ml$/, ''),
    node_id: `WFR_${run.id}`,
    head_branch: run.ref,
    head_sha: '0'.repeat(40),
    path: `.github/workflows/${run.workflow}`,
    display_title: run.displayTitle,
    run_number: run.id % 100_000,
    event: 'workflow_dispatch',
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: 1,
    url,
    html_url: `${WEB}/${full}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: githubTime(run.createdAt),
    updated_at: githubTime(run.updatedAt),
    actor,
    triggering_actor: actor,
    run_attempt: 1,
    run_started_at: githubTime(run.createdAt),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${ctx.api}/repos/${full}/check-suites/1`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    workflow_url: `${ctx.api}/repos/${full}/actions/workflows/1`,
    head_commit: null,
    repository,
    head_repository: repository,
  };
}

/** created=>=T, >T, <=T, <T, T..U or a bare date, as GitHub's search syntax takes it. */
function createdFilter(value: string | null): (t: number) => boolean {
  if (value === null) return () => true;
  const range = /^(.+)\.\.(.+)$/.exec(value);
  if (range) return (t) => t >= Date.parse(range[1] ?? '') && t <= Date.parse(range[2] ?? '');
  const m = /^(>=|<=|>|<)?(.+)$/.exec(value);
  const at = Date.parse(m?.[2] ?? '');
  switch (m?.[1]) {
    case '>=': return (t) => t >= at;
    case '>': return (t) => t > at;
    case '<=': return (t) => t <= at;
    case '<': return (t) => t < at;
    default: return (t) => t >= at && t < at + 86_400_000;
  }
}

export function listWorkflowRuns(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const workflow = ctx.params['workflow_id'] ?? '';
  if (repo.workflows !== undefined && !repo.workflows.has(workflow)) return notFound(ctx);
  const q = ctx.url.searchParams;
  const when = createdFilter(q.get('created'));
  const status = q.get('status');
  const runs = [...repo.workflowRuns.values()]
    .filter((r) => r.workflow === workflow && when(r.createdAt.getTime()) && (status === null || r.status === status || r.conclusion === status))
    .reverse();
  const page = paginate(runs, ctx.url);
  return { status: 200, body: { total_count: runs.length, workflow_runs: page.items.map((r) => renderRun(ctx, repo, r)) }, headers: page.headers };
}

export function cancelRun(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const run = repo.workflowRuns.get(Number(ctx.params['run_id']));
  const declared = repo.runs.get(Number(ctx.params['run_id']));
  if (!run && declared === undefined) return notFound(ctx);
  if (!ctx.store.may(repo, ctx.user.login, 'actions')) return forbidden(ctx);
  const status = run?.status ?? declared;
  if (status === 'completed') return { status: 409, body: githubError(409, 'Cannot cancel a workflow run that is completed.', ctx.docsUrl) };
  if (run) ctx.store.finishRun(run, 'cancelled');
  else repo.runs.set(Number(ctx.params['run_id']), 'completed');
  return { status: 202, body: {} };
}
