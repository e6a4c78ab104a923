// The control and inspection API over HTTP, under /_standin/, for a stand-in running as its own
// process (the demo). JSON in, JSON out; the same operations as the in-process methods.
//
//   POST /_standin/permission      {owner, repo, login, role}
//   POST /_standin/token-user      {token, login, type?} or {token, login: null} to refuse the token
//   POST /_standin/clock           {now?: ISO time, stepSeconds?: number}: a clock starting at `now`
//                                  that advances stepSeconds on every read; without now, real time
//   POST /_standin/repo            {owner, repo}
//   POST /_standin/issue           {owner, repo, login, type?, title, body?, labels?}  → the issue
//   POST /_standin/comment         {owner, repo, issueNumber, login, type?, body}     → the comment
//   POST /_standin/edit-comment    {owner, repo, commentId, body}                     → the comment
//   POST /_standin/run             {owner, repo, runId, status: queued|in_progress|completed}
//   POST /_standin/default-branch  {owner, repo, branch}
//   POST /_standin/workflows       {owner, repo, files}: a dispatch to any other workflow is 404
//   POST /_standin/deny            {owner, repo, login, permission: actions|contents}: 403 for that login's token
//   POST /_standin/branch          {owner, repo, branch}: a branch that exists already
//   POST /_standin/pull-state      {owner, repo, number, state: open|closed|merged}: a person merges or closes a PR
//   POST /_standin/run-state       {owner, repo, runId, status, conclusion?}: GitHub runs a dispatched run
//   POST /_standin/run-name        {owner, repo, workflow, template}: the run-name, e.g. "looop worker {worker-id}"
//   POST /_standin/refuse-run-details {owner, repo, refuse}: 422 on return_run_details (old GHES)
//   POST /_standin/actions-pull-requests {owner, repo, allow}: the "Allow GitHub Actions to create … pull requests" setting
//   POST /_standin/fail-next       {method?, path, regex?: boolean, times?, kind, retryAfterSeconds?, status?}
//   POST /_standin/reset-requests, POST /_standin/reset-violations
//   GET  /_standin/issue?owner=&repo=&number=, /_standin/issues?owner=&repo=,
//        /_standin/comments?owner=&repo=&number=, /_standin/labels?owner=&repo=,
//        /_standin/dispatches?owner=&repo=, /_standin/pulls?owner=&repo=, /_standin/runs?owner=&repo=, /_standin/branch-files?owner=&repo=&branch=, /_standin/requests, /_standin/violations, /_standin/health

import { z } from 'zod';
import type { StandinCore } from './core.ts';
import type { RouteResult } from './http.ts';

const login = z.string().min(1);
const userType = z.enum(['User', 'Bot']).optional();
const repoRef = { owner: z.string().min(1), repo: z.string().min(1) };

const schemas = {
  permission: z.object({ ...repoRef, login, role: z.enum(['admin', 'maintain', 'write', 'triage', 'read', 'none']) }),
  tokenUser: z.object({ token: z.string().min(1), login: login.nullable(), type: userType }),
  clock: z.object({ now: z.string().optional(), stepSeconds: z.number().nonnegative().optional() }),
  repo: z.object(repoRef),
  issue: z.object({ ...repoRef, login, type: userType, title: z.string().min(1), body: z.string().optional(), labels: z.array(z.string()).optional() }),
  comment: z.object({ ...repoRef, issueNumber: z.number().int(), login, type: userType, body: z.string() }),
  editComment: z.object({ ...repoRef, commentId: z.number().int(), body: z.string() }),
  run: z.object({ ...repoRef, runId: z.number().int().positive(), status: z.enum(['queued', 'in_progress', 'completed']) }),
  defaultBranch: z.object({ ...repoRef, branch: z.string().min(1) }),
  workflows: z.object({ ...repoRef, files: z.array(z.string().min(1)) }),
  deny: z.object({ ...repoRef, login, permission: z.enum(['actions', 'contents', 'pull-requests']) }),
  pullState: z.object({ ...repoRef, number: z.number().int().positive(), state: z.enum(['open', 'closed', 'merged']) }),
  runState: z.object({ ...repoRef, runId: z.number().int().positive(), status: z.enum(['queued', 'in_progress', 'completed']), conclusion: z.string().optional() }),
  runName: z.object({ ...repoRef, workflow: z.string().min(1), template: z.string() }),
  refuseRunDetails: z.object({ ...repoRef, refuse: z.boolean() }),
  actionsPullRequests: z.object({ ...repoRef, allow: z.boolean() }),
  failNext: z.object({
    method: z.string().optional(),
    path: z.string(),
    regex: z.boolean().optional(),
    times: z.number().int().positive().optional(),
    kind: z.enum(['secondary-rate-limit', 'abuse', 'server-error', 'rate-limit']),
    retryAfterSeconds: z.number().nonnegative().optional(),
    status: z.number().int().optional(),
  }),
};

function ok(body: unknown): RouteResult {
  return { status: 200, body: body ?? null };
}

function fixedClock(start: number, stepSeconds: number): () => Date {
  let next = start;
  return () => {
    const now = new Date(next);
    next += stepSeconds * 1000;
    return now;
  };
}

function post(core: StandinCore, action: string, body: unknown): RouteResult | undefined {
  switch (action) {
    case 'permission': {
      const b = schemas.permission.parse(body);
      core.setPermission(b.owner, b.repo, b.login, b.role);
      return ok({});
    }
    case 'token-user': {
      const b = schemas.tokenUser.parse(body);
      core.setTokenUser(b.token, b.login === null ? null : { login: b.login, ...(b.type ? { type: b.type } : {}) });
      return ok({});
    }
    case 'clock': {
      const b = schemas.clock.parse(body);
      const start = b.now === undefined ? NaN : Date.parse(b.now);
      if (b.now !== undefined && Number.isNaN(start)) throw new Error(`clock: ${b.now} is not a time`);
      core.setClock(b.now === undefined ? () => new Date() : fixedClock(start, b.stepSeconds ?? 0));
      return ok({});
    }
    case 'repo': {
      const b = schemas.repo.parse(body);
      core.ensureRepo(b.owner, b.repo);
      return ok({});
    }
    case 'issue': {
      const { owner, repo, ...rest } = schemas.issue.parse(body);
      return ok(core.addIssue(owner, repo, rest));
    }
    case 'comment': {
      const { owner, repo, issueNumber, ...rest } = schemas.comment.parse(body);
      return ok(core.addComment(owner, repo, issueNumber, rest));
    }
    case 'edit-comment': {
      const b = schemas.editComment.parse(body);
      return ok(core.editComment(b.owner, b.repo, b.commentId, b.body));
    }
    case 'run': {
      const b = schemas.run.parse(body);
      core.setRun(b.owner, b.repo, b.runId, b.status);
      return ok({});
    }
    case 'default-branch': {
      const b = schemas.defaultBranch.parse(body);
      core.setDefaultBranch(b.owner, b.repo, b.branch);
      return ok({});
    }
    case 'workflows': {
      const b = schemas.workflows.parse(body);
      core.setWorkflows(b.owner, b.repo, b.files);
      return ok({});
    }
    case 'deny': {
      const b = schemas.deny.parse(body);
      core.deny(b.owner, b.repo, b.login, b.permission);
      return ok({});
    }
    case 'branch': {
      const b = schemas.defaultBranch.parse(body);
      core.addBranch(b.owner, b.repo, b.branch);
      return ok({});
    }
    case 'pull-state': {
      const b = schemas.pullState.parse(body);
      core.setPullState(b.owner, b.repo, b.number, b.state);
      return ok({});
    }
    case 'run-state': {
      const b = schemas.runState.parse(body);
      core.setRunState(b.owner, b.repo, b.runId, b.status, b.conclusion);
      return ok({});
    }
    case 'run-name': {
      const b = schemas.runName.parse(body);
      core.setRunName(b.owner, b.repo, b.workflow, b.template);
      return ok({});
    }
    case 'refuse-run-details': {
      const b = schemas.refuseRunDetails.parse(body);
      core.refuseRunDetails(b.owner, b.repo, b.refuse);
      return ok({});
    }
    case 'actions-pull-requests': {
      const b = schemas.actionsPullRequests.parse(body);
      core.allowActionsPullRequests(b.owner, b.repo, b.allow);
      return ok({});
    }
    case 'fail-next': {
      const { regex, path, ...rest } = schemas.failNext.parse(body);
      core.failNext({ ...rest, path: regex === true ? new RegExp(path) : path });
      return ok({});
    }
    case 'reset-requests':
      core.resetRequests();
      return ok({});
    case 'reset-violations':
      core.resetViolations();
      return ok({});
    default:
      return undefined;
  }
}

function get(core: StandinCore, action: string, q: URLSearchParams): RouteResult | undefined {
  const owner = q.get('owner') ?? '';
  const repo = q.get('repo') ?? '';
  const number = Number(q.get('number'));
  switch (action) {
    case 'health':
      return ok({ ok: true });
    case 'issue': {
      const issue = core.issue(owner, repo, number);
      return issue ? ok(issue) : { status: 404, body: { error: `no issue #${number} in ${owner}/${repo}` } };
    }
    case 'issues':
      return ok(core.issues(owner, repo));
    case 'comments':
      return ok(core.comments(owner, repo, number));
    case 'labels':
      return ok(core.labels(owner, repo));
    case 'dispatches':
      return ok(core.dispatches(owner, repo));
    case 'pulls':
      return ok(core.pulls(owner, repo));
    case 'runs':
      return ok(core.workflowRuns(owner, repo));
    case 'branch-files': {
      const files = core.branchFiles(owner, repo, q.get('branch') ?? '');
      return files ? ok(files) : { status: 404, body: { error: `no branch ${q.get('branch') ?? ''} in ${owner}/${repo}` } };
    }
    case 'requests':
      return ok(core.requests);
    case 'violations':
      return ok(core.violations);
    default:
      return undefined;
  }
}

/** Serves one /_standin/<action> request. */
export function handleControl(core: StandinCore, method: string, url: URL, bodyText: string): RouteResult {
  const action = url.pathname.slice('/_standin/'.length);
  try {
    const body: unknown = bodyText.trim() === '' ? {} : JSON.parse(bodyText);
    const result = method === 'GET' ? get(core, action, url.searchParams) : method === 'POST' ? post(core, action, body) : undefined;
    return result ?? { status: 404, body: { error: `no control ${method} /_standin/${action}` } };
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    return { status: 400, body: { error: message } };
  }
}
