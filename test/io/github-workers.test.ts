/**
 * The GitHub client's worker operations (dispatch with run details, runs, cancel, default branch,
 * pull requests) against the stand-in, which answers as GitHub does and checks every request
 * against GitHub's OpenAPI description.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GitHubError } from '../../src/beat/github.ts';
import { createGitHub } from '../../src/io/github/client.ts';
import { startStandin, type Standin } from '../github-standin/server.ts';

let standin: Standin;
let n = 0;
let repo = '';
beforeAll(async () => {
  standin = await startStandin();
});
afterAll(async () => {
  await standin.close();
});
beforeEach(() => {
  // A repository per test: no state leaks between them.
  repo = `project${String(++n)}`;
  standin.ensureRepo('octo', repo);
  standin.resetViolations();
});

const github = () => createGitHub({ token: 'ghs_test', owner: 'octo', repo, baseUrl: standin.url, env: {}, retries: 0 });
const marker = (body: string) => body.includes('<!-- looop-worker -->');

describe('workflow runs', () => {
  it('a dispatch says its run, which the runs list names by its run-name', async () => {
    standin.setWorkflows('octo', repo, ['looop.yml']);
    standin.setRunName('octo', repo, 'looop.yml', 'looop worker {worker-id}');
    const since = new Date(Date.now() - 60_000).toISOString();
    const dispatched = await github().dispatchWorkflow('looop.yml', 'main', { 'worker-id': 'w7' });
    expect(dispatched.runId).toMatch(/^\d+$/);
    const runs = await github().workflowRuns('looop.yml', since);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id: dispatched.runId, name: 'looop worker w7', status: 'queued', conclusion: undefined });
    standin.assertNoViolations();
  });

  it('a server refusing return_run_details still gets exactly one dispatch', async () => {
    standin.refuseRunDetails('octo', repo, true);
    const dispatched = await github().dispatchWorkflow('looop.yml', 'main', {});
    expect(dispatched).toEqual({});
    expect(standin.dispatches('octo', repo)).toHaveLength(1);
    standin.assertNoViolations();
  });

  it('cancels a running run, says finished once completed, unknown for no such run', async () => {
    const { runId } = await github().dispatchWorkflow('looop.yml', 'main', {});
    expect(await github().cancelWorkflowRun(runId ?? '')).toBe('cancelled');
    expect(standin.workflowRuns('octo', repo)[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(await github().workflowRun(runId ?? '')).toBe('finished');
    expect(await github().cancelWorkflowRun(runId ?? '')).toBe('finished');
    expect(await github().cancelWorkflowRun('999')).toBe('unknown');
    standin.assertNoViolations();
  });

  it('lists runs created since a time, across pages', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    for (let i = 0; i < 3; i++) await github().dispatchWorkflow('looop.yml', 'main', {});
    const runs = await github().workflowRuns('looop.yml', since);
    expect(runs).toHaveLength(3);
    expect(await github().workflowRuns('looop.yml', new Date(Date.now() + 60_000).toISOString())).toEqual([]);
    standin.assertNoViolations();
  });
});

describe('the repository', () => {
  it('says its default branch', async () => {
    standin.setDefaultBranch('octo', repo, 'trunk');
    expect(await github().defaultBranch()).toBe('trunk');
    standin.assertNoViolations();
  });
});

describe('pull requests', () => {
  const pull = { head: 'looop/w1', base: 'main', title: 'Worker w1', body: 'done\n<!-- looop-worker -->' };

  it('creates, finds and updates its own pull request', async () => {
    const created = await github().createPullRequest(pull);
    expect(created).toMatchObject({ open: true, merged: false, head: 'looop/w1' });
    expect(await github().findOwnPullRequest('looop/w1', marker)).toEqual(created);
    await github().updatePullRequest(created.number, { title: 'Worker w1, again', body: 'more\n<!-- looop-worker -->' });
    expect(standin.pulls('octo', repo)[0]).toMatchObject({ title: 'Worker w1, again', body: 'more\n<!-- looop-worker -->' });
    standin.setPullState('octo', repo, created.number, 'merged');
    expect(await github().findOwnPullRequest('looop/w1', marker)).toMatchObject({ open: false, merged: true });
    standin.assertNoViolations();
  });

  it('does not take a marked pull request someone else opened', async () => {
    standin.setTokenUser('ghp_mallory', { login: 'mallory' });
    await createGitHub({ token: 'ghp_mallory', owner: 'octo', repo, baseUrl: standin.url, env: {}, retries: 0 }).createPullRequest(pull);
    expect(await github().findOwnPullRequest('looop/w1', marker)).toBeUndefined();
    standin.assertNoViolations();
  });

  it('a second pull request for the same head and base is GitHub\'s 422', async () => {
    await github().createPullRequest(pull);
    const error = await github().createPullRequest(pull).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ status: 422 });
    expect((error as Error).message).toContain('A pull request already exists for octo:looop/w1.');
    standin.assertNoViolations();
  });

  it('Actions not permitted to create pull requests is a 403 with GitHub\'s message', async () => {
    standin.allowActionsPullRequests('octo', repo, false);
    const error = await github().createPullRequest(pull).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ status: 403 });
    expect((error as Error).message).toContain('GitHub Actions is not permitted to create or approve pull requests.');
    standin.assertNoViolations();
  });
});
