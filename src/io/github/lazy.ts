import type { GitHub } from '../../beat/github.ts';
import type { GitHubOptions } from './client.ts';

/**
 * The GitHub port with Octokit and its HTTP stack loaded at the first call, not at start: an
 * idle beat with no open asks makes none, and loading them would cost it more than its own work.
 * The bundler puts the client in a chunk of its own, inside dist/.
 */
export function lazyGitHub(options: GitHubOptions): GitHub {
  let client: Promise<GitHub> | undefined;
  let loaded: GitHub | undefined;
  const port = (): Promise<GitHub> =>
    (client ??= import('./client.ts').then((module) => {
      loaded = module.createGitHub(options);
      return loaded;
    }));
  return {
    findOwnIssue: async (label, marked) => (await port()).findOwnIssue(label, marked),
    createIssue: async (label, title, body) => (await port()).createIssue(label, title, body),
    updateIssue: async (issue, change) => (await port()).updateIssue(issue, change),
    issueState: async (issue) => (await port()).issueState(issue),
    issuesSince: async (label, since, which) => (await port()).issuesSince(label, since, which),
    issueComments: async (issue) => (await port()).issueComments(issue),
    commentsSince: async (since) => (await port()).commentsSince(since),
    comment: async (issue, body) => (await port()).comment(issue, body),
    permission: async (login) => (await port()).permission(login),
    workflowRun: async (runId) => (await port()).workflowRun(runId),
    dispatchWorkflow: async (workflow, ref, inputs) => (await port()).dispatchWorkflow(workflow, ref, inputs),
    workflowRuns: async (workflow, since) => (await port()).workflowRuns(workflow, since),
    cancelWorkflowRun: async (runId) => (await port()).cancelWorkflowRun(runId),
    defaultBranch: async () => (await port()).defaultBranch(),
    findOwnPullRequest: async (head, marked) => (await port()).findOwnPullRequest(head, marked),
    createPullRequest: async (pull) => (await port()).createPullRequest(pull),
    updatePullRequest: async (pull, change) => (await port()).updatePullRequest(pull, change),
    requests: () => loaded?.requests() ?? 0,
  };
}
