// Issues and their comments.

import { githubError } from './openapi.ts';
import { paginate, type RouteResult } from './http.ts';
import { renderComment, renderIssue } from './render.ts';
import type { IssueRecord, RepoRecord, StateReason } from './state.ts';
import { created, field, issueOf, labelNames, notFound, repoOf, since, text, type RouteContext } from './context.ts';

export function listIssues(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const q = ctx.url.searchParams;
  const state = ['open', 'closed', 'all'].find((s) => s === q.get('state')) ?? 'open';
  const wanted = (q.get('labels') ?? '').split(',').map((l) => l.trim().toLowerCase()).filter((l) => l !== '');
  const creator = q.get('creator')?.toLowerCase();
  const after = since(ctx);
  const sort = q.get('sort') ?? 'created';
  const sign = q.get('direction') === 'asc' ? 1 : -1;
  const key = (issue: IssueRecord) =>
    sort === 'updated' ? issue.updatedAt.getTime() : sort === 'comments' ? issue.comments : issue.createdAt.getTime();
  const issues = [...repo.issues.values()]
    .filter((issue) => state === 'all' || issue.state === state)
    .filter((issue) => wanted.every((label) => issue.labels.includes(label)))
    .filter((issue) => creator === undefined || issue.user.login.toLowerCase() === creator)
    .filter((issue) => after === undefined || issue.updatedAt.getTime() >= after)
    .sort((a, b) => sign * (key(a) - key(b) || a.number - b.number));
  const page = paginate(issues, ctx.url);
  return { status: 200, body: page.items.map((issue) => renderIssue(ctx.api, repo, issue)), headers: page.headers };
}

/** GitHub counts a body's characters (code points) and refuses more than 65,536 with a 422. */
const BODY_LIMIT = 65_536;

function tooLong(ctx: RouteContext, resource: 'Issue' | 'IssueComment'): RouteResult | undefined {
  const body = field(ctx.body, 'body');
  if (typeof body !== 'string' || Array.from(body).length <= BODY_LIMIT) return undefined;
  // The two shapes GitHub answers with, as captured from the API: issues and comments differ.
  const error =
    resource === 'Issue'
      ? { resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${BODY_LIMIT} characters)` }
      : { resource, code: 'unprocessable', field: 'data', message: `Body is too long (maximum is ${BODY_LIMIT} characters)` };
  return { status: 422, body: githubError(422, 'Validation Failed', ctx.docsUrl, { errors: [error] }) };
}

export function createIssue(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const title = text(field(ctx.body, 'title'));
  if (title === undefined || title === '') {
    return { status: 422, body: githubError(422, 'Validation Failed', ctx.docsUrl, { errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }] }) };
  }
  const refused = tooLong(ctx, 'Issue');
  if (refused !== undefined) return refused;
  const body = field(ctx.body, 'body');
  const issue = ctx.store.createIssue(repo, ctx.user, { title, body: typeof body === 'string' ? body : null, labels: labelNames(field(ctx.body, 'labels')) });
  const json = renderIssue(ctx.api, repo, issue);
  return created(json.url, json);
}

export function getIssue(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  return issue ? { status: 200, body: renderIssue(ctx.api, repo, issue) } : notFound(ctx);
}

const REASONS: readonly string[] = ['completed', 'not_planned', 'duplicate', 'reopened'];

export function updateIssue(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  if (!issue) return notFound(ctx);
  const refused = tooLong(ctx, 'Issue');
  if (refused !== undefined) return refused;
  const title = text(field(ctx.body, 'title'));
  if (title !== undefined) issue.title = title;
  const body = field(ctx.body, 'body');
  if (typeof body === 'string') issue.body = body;
  else if (body === null) issue.body = null;
  const labels = field(ctx.body, 'labels');
  if (Array.isArray(labels)) ctx.store.setLabels(repo, issue, labelNames(labels));
  const state = field(ctx.body, 'state');
  const reason = field(ctx.body, 'state_reason');
  const stateReason = typeof reason === 'string' && REASONS.includes(reason) ? (reason as StateReason) : reason === null ? null : undefined;
  if (state === 'open' || state === 'closed') ctx.store.setState(issue, ctx.user, state, stateReason);
  issue.updatedAt = ctx.store.now();
  return { status: 200, body: renderIssue(ctx.api, repo, issue) };
}

export function listIssueComments(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  if (!issue) return notFound(ctx);
  const after = since(ctx);
  const comments = repo.comments
    .filter((c) => c.issueNumber === issue.number)
    .filter((c) => after === undefined || c.updatedAt.getTime() >= after);
  const page = paginate(comments, ctx.url);
  return { status: 200, body: page.items.map((c) => renderComment(ctx.api, repo, c)), headers: page.headers };
}

export function createComment(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  if (!issue) return notFound(ctx);
  const refused = tooLong(ctx, 'IssueComment');
  if (refused !== undefined) return refused;
  const comment = ctx.store.addComment(repo, issue, ctx.user, text(field(ctx.body, 'body')) ?? '');
  const json = renderComment(ctx.api, repo, comment);
  return created(json.url, json);
}

export function listRepoComments(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const q = ctx.url.searchParams;
  const after = since(ctx);
  const sort = q.get('sort');
  // By ascending id unless sorted; direction only counts with sort, and then defaults to desc.
  const sign = sort === null ? 1 : q.get('direction') === 'asc' ? 1 : -1;
  const key = (c: { createdAt: Date; updatedAt: Date }) => (sort === 'updated' ? c.updatedAt : c.createdAt).getTime();
  const comments = repo.comments
    .filter((c) => after === undefined || c.updatedAt.getTime() >= after)
    .sort((a, b) => sign * (key(a) - key(b) || a.id - b.id));
  const page = paginate(comments, ctx.url);
  return { status: 200, body: page.items.map((c) => renderComment(ctx.api, repo, c)), headers: page.headers };
}

function findComment(ctx: RouteContext, repo: RepoRecord) {
  const id = Number(ctx.params['comment_id']);
  return repo.comments.find((c) => c.id === id);
}

export function getComment(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const comment = findComment(ctx, repo);
  return comment ? { status: 200, body: renderComment(ctx.api, repo, comment) } : notFound(ctx);
}

export function updateComment(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const comment = findComment(ctx, repo);
  if (!comment) return notFound(ctx);
  const refused = tooLong(ctx, 'IssueComment');
  if (refused !== undefined) return refused;
  comment.body = text(field(ctx.body, 'body')) ?? comment.body;
  comment.updatedAt = ctx.store.now();
  return { status: 200, body: renderComment(ctx.api, repo, comment) };
}
