// Labels, collaborator permissions, workflow dispatches and the rate-limit status.

import { githubError } from './openapi.ts';
import { paginate, rateHeaders, type RouteResult } from './http.ts';
import { renderLabel, renderPermission } from './render.ts';
import { githubTime, type IssueRecord, type RepoRecord } from './state.ts';
import { isPlainObject } from './schema.ts';
import { displayTitle, renderRun } from './workers.ts';
import { created, field, issueOf, labelNames, notFound, repoOf, text, type RouteContext } from './context.ts';

export function listLabels(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const page = paginate([...repo.labels.values()], ctx.url);
  return { status: 200, body: page.items.map((l) => renderLabel(ctx.api, repo, l)), headers: page.headers };
}

export function getLabel(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const label = repo.labels.get((ctx.params['name'] ?? '').toLowerCase());
  return label ? { status: 200, body: renderLabel(ctx.api, repo, label) } : notFound(ctx);
}

export function createLabel(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const name = text(field(ctx.body, 'name')) ?? '';
  const color = (text(field(ctx.body, 'color')) ?? 'ededed').replace(/^#/, '');
  const invalid = (f: string, code: string) => ({
    status: 422,
    body: githubError(422, 'Validation Failed', ctx.docsUrl, { errors: [{ resource: 'Label', code, field: f }] }),
  });
  if (name === '') return invalid('name', 'missing_field');
  if (repo.labels.has(name.toLowerCase())) return invalid('name', 'already_exists');
  if (!/^[0-9a-fA-F]{6}$/.test(color)) return invalid('color', 'invalid');
  const description = text(field(ctx.body, 'description')) ?? null;
  const label = ctx.store.label(repo, name, color.toLowerCase(), description);
  const json = renderLabel(ctx.api, repo, label);
  return created(json.url, json);
}

function issueLabels(ctx: RouteContext, repo: RepoRecord, issue: IssueRecord): RouteResult {
  const labels = issue.labels.flatMap((key) => {
    const label = repo.labels.get(key);
    return label ? [renderLabel(ctx.api, repo, label)] : [];
  });
  return { status: 200, body: labels };
}

export function listIssueLabels(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  return issue ? issueLabels(ctx, repo, issue) : notFound(ctx);
}

export function addIssueLabels(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const issue = issueOf(ctx, repo);
  if (!issue) return notFound(ctx);
  // GitHub takes {"labels": [...]} and, for compatibility, a bare array.
  ctx.store.addLabels(repo, issue, labelNames(Array.isArray(ctx.body) ? ctx.body : field(ctx.body, 'labels')));
  issue.updatedAt = ctx.store.now();
  return issueLabels(ctx, repo, issue);
}

export function permission(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const user = ctx.store.knownUser(ctx.params['username'] ?? '');
  if (!user) return notFound(ctx);
  return { status: 200, body: renderPermission(ctx.api, ctx.store.role(repo, user.login), user) };
}

export function dispatch(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const ref = text(field(ctx.body, 'ref'));
  if (ref === undefined) {
    return { status: 422, body: githubError(422, 'Validation Failed', ctx.docsUrl, { errors: [{ resource: 'WorkflowDispatch', field: 'ref', code: 'missing_field' }] }) };
  }
  // GitHub looks the workflow up first (404), then the token's actions: write (403).
  if (repo.workflows !== undefined && !repo.workflows.has(ctx.params['workflow_id'] ?? '')) return notFound(ctx);
  if (!ctx.store.may(repo, ctx.user.login, 'actions')) return { status: 403, body: githubError(403, 'Resource not accessible by integration', ctx.docsUrl) };
  const wantsDetails = field(ctx.body, 'return_run_details') === true;
  // GitHub Enterprise Server releases before the parameter refuse it as an unknown input.
  if (wantsDetails && repo.refuseRunDetails) {
    return { status: 422, body: githubError(422, 'Invalid request.\n\n"return_run_details" is not a permitted key.', ctx.docsUrl) };
  }
  const inputs = field(ctx.body, 'inputs');
  const workflow = ctx.params['workflow_id'] ?? '';
  const given = isPlainObject(inputs) ? { ...inputs } : {};
  repo.dispatches.push({ owner: repo.owner, repo: repo.name, workflowId: workflow, ref, inputs: given, at: githubTime(ctx.store.now()), user: ctx.user.login });
  const run = ctx.store.createRun(repo, ctx.user, { workflow, ref, displayTitle: displayTitle(repo, workflow, given) });
  if (!wantsDetails) return { status: 204 };
  return {
    status: 200,
    body: {
      workflow_run_id: run.id,
      run_url: `${ctx.api}/repos/${repo.owner}/${repo.name}/actions/runs/${run.id}`,
      html_url: `https://github.com/${repo.owner}/${repo.name}/actions/runs/${run.id}`,
    },
  };
}

/** A workflow run a test declared; the fields the loop reads, in GitHub's shape. */
export function getRun(ctx: RouteContext): RouteResult {
  const repo = repoOf(ctx);
  const id = Number(ctx.params['run_id']);
  const started = repo.workflowRuns.get(id);
  if (started) return { status: 200, body: renderRun(ctx, repo, started) };
  const status = repo.runs.get(id);
  if (status === undefined) return notFound(ctx);
  const url = `${ctx.api}/repos/${repo.owner}/${repo.name}/actions/runs/${id}`;
  return {
    status: 200,
    body: {
      id,
      node_id: `WFR_${id}`,
      name: 'looop',
      status,
      conclusion: status === 'completed' ? 'failure' : null,
      run_attempt: 1,
      url,
      html_url: `https://github.com/${repo.owner}/${repo.name}/actions/runs/${id}`,
      created_at: githubTime(ctx.store.now()),
      updated_at: githubTime(ctx.store.now()),
    },
  };
}

export function rateLimit(ctx: RouteContext): RouteResult {
  const h = rateHeaders(ctx.rate);
  const core = { limit: ctx.rate.limit, used: ctx.rate.used, remaining: Number(h['x-ratelimit-remaining']), reset: ctx.rate.reset };
  const other = (limit: number) => ({ limit, used: 0, remaining: limit, reset: ctx.rate.reset });
  return {
    status: 200,
    body: {
      resources: { core, search: other(30), graphql: other(5000), integration_manifest: other(5000), code_search: other(10) },
      rate: core,
    },
  };
}
