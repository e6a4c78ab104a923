// The operations the stand-in serves, keyed by method and path template as GitHub's OpenAPI
// description names them. Handlers assume a body that passed validation, but stay defensive so the
// stand-in also works with validation off.

import type { Handler, Route } from './context.ts';
import { createComment, createIssue, getComment, getIssue, listIssueComments, listIssues, listRepoComments, updateComment, updateIssue } from './issues.ts';
import { addIssueLabels, createLabel, dispatch, getLabel, getRun, listIssueLabels, listLabels, permission, rateLimit } from './repo-routes.ts';
import { createBlob, createCommit, createRef, createTree, getRef, getRepo } from './git-data.ts';
import { cancelRun, createPull, getPull, listPulls, listWorkflowRuns, updatePull } from './workers.ts';
import { TemplateIndex } from './template.ts';

export type { RouteContext } from './context.ts';

const DOCS = 'https://docs.github.com/rest';

const TABLE: readonly [string, string, string, Handler][] = [
  ['GET', '/repos/{owner}/{repo}/issues', '/issues/issues#list-repository-issues', listIssues],
  ['POST', '/repos/{owner}/{repo}/issues', '/issues/issues#create-an-issue', createIssue],
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}', '/issues/issues#get-an-issue', getIssue],
  ['PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', '/issues/issues#update-an-issue', updateIssue],
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', '/issues/comments#list-issue-comments', listIssueComments],
  ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', '/issues/comments#create-an-issue-comment', createComment],
  ['GET', '/repos/{owner}/{repo}/issues/comments', '/issues/comments#list-issue-comments-for-a-repository', listRepoComments],
  ['GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}', '/issues/comments#get-an-issue-comment', getComment],
  ['PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', '/issues/comments#update-an-issue-comment', updateComment],
  ['GET', '/repos/{owner}/{repo}/labels', '/issues/labels#list-labels-for-a-repository', listLabels],
  ['POST', '/repos/{owner}/{repo}/labels', '/issues/labels#create-a-label', createLabel],
  ['GET', '/repos/{owner}/{repo}/labels/{name}', '/issues/labels#get-a-label', getLabel],
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}/labels', '/issues/labels#list-labels-for-an-issue', listIssueLabels],
  ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', '/issues/labels#add-labels-to-an-issue', addIssueLabels],
  ['GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', '/collaborators/collaborators#get-repository-permissions-for-a-user', permission],
  ['POST', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', '/actions/workflows#create-a-workflow-dispatch-event', dispatch],
  ['GET', '/repos/{owner}/{repo}/actions/runs/{run_id}', '/actions/workflow-runs#get-a-workflow-run', getRun],
  ['GET', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', '/actions/workflow-runs#list-workflow-runs-for-a-workflow', listWorkflowRuns],
  ['POST', '/repos/{owner}/{repo}/actions/runs/{run_id}/cancel', '/actions/workflow-runs#cancel-a-workflow-run', cancelRun],
  ['GET', '/repos/{owner}/{repo}/pulls', '/pulls/pulls#list-pull-requests', listPulls],
  ['POST', '/repos/{owner}/{repo}/pulls', '/pulls/pulls#create-a-pull-request', createPull],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}', '/pulls/pulls#get-a-pull-request', getPull],
  ['PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}', '/pulls/pulls#update-a-pull-request', updatePull],
  ['GET', '/repos/{owner}/{repo}', '/repos/repos#get-a-repository', getRepo],
  ['GET', '/repos/{owner}/{repo}/git/ref/{ref}', '/git/refs#get-a-reference', getRef],
  ['POST', '/repos/{owner}/{repo}/git/refs', '/git/refs#create-a-reference', createRef],
  ['POST', '/repos/{owner}/{repo}/git/blobs', '/git/blobs#create-a-blob', createBlob],
  ['POST', '/repos/{owner}/{repo}/git/trees', '/git/trees#create-a-tree', createTree],
  ['POST', '/repos/{owner}/{repo}/git/commits', '/git/commits#create-a-commit', createCommit],
  ['GET', '/rate_limit', '/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user', rateLimit],
];

const routes = new TemplateIndex<Map<string, Route>>();
for (const [method, template, docs, handle] of TABLE) {
  const methods = routes.get(template) ?? new Map<string, Route>();
  if (!routes.get(template)) routes.add(template, methods);
  methods.set(method, { docsUrl: `${DOCS}${docs}`, handle });
}

export function findRoute(method: string, pathname: string) {
  const match = routes.match(pathname);
  const route = match?.value.get(method.toUpperCase());
  return match && route ? { template: match.template, params: match.params, route } : undefined;
}
