import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../github-standin/server.ts';

let standin: Standin;
let octokit: Octokit;
const repo = { owner: 'octo', repo: 'project' };

beforeEach(async () => {
  standin = await startStandin();
  octokit = new Octokit({ baseUrl: standin.url, auth: 'ghp_x', request: { retries: 0 } });
});

afterEach(async () => {
  standin.assertNoViolations();
  await standin.close();
});

async function control(action: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${standin.url}/_standin/${action}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

describe('the Git Data API of the stand-in', () => {
  it('builds a branch from blobs, a tree, a root commit and a ref, and shows its files back', async () => {
    const blob = await octokit.rest.git.createBlob({ ...repo, content: Buffer.from('#!/bin/sh\n').toString('base64'), encoding: 'base64' });
    // git's own id for this blob.
    expect(blob.data.sha).toBe('1a2485251c33a70432394c93fb89330ef214bfc9');
    const tree = await octokit.rest.git.createTree({ ...repo, tree: [{ path: 'sensors/ci.sh', mode: '100755', type: 'blob', sha: blob.data.sha }, { path: '.github/workflows/x.yml', mode: '100644', type: 'blob', content: 'on: push\n' }] });
    const commit = await octokit.rest.git.createCommit({ ...repo, message: 'seed', tree: tree.data.sha, parents: [] });
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/loop-state', sha: commit.data.sha });
    expect((await octokit.rest.git.getRef({ ...repo, ref: 'heads/loop-state' })).data.object.sha).toBe(commit.data.sha);
    const files = await control('branch-files?owner=octo&repo=project&branch=loop-state');
    expect(files.json).toEqual([
      { path: '.github/workflows/x.yml', mode: '100644', content: 'on: push\n' },
      { path: 'sensors/ci.sh', mode: '100755', content: '#!/bin/sh\n' },
    ]);
  });

  it('answers as GitHub does: 404 for a missing ref, 422 for one that exists, 403 without contents write', async () => {
    await expect(octokit.rest.git.getRef({ ...repo, ref: 'heads/nope' })).rejects.toMatchObject({ status: 404 });
    expect((await control('branch', { ...repo, branch: 'loop-state' })).status).toBe(200);
    const sha = (await octokit.rest.git.getRef({ ...repo, ref: 'heads/loop-state' })).data.object.sha;
    await expect(octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/loop-state', sha })).rejects.toMatchObject({ status: 422, message: expect.stringContaining('Reference already exists') as string });
    expect((await control('deny', { ...repo, login: 'github-actions[bot]', permission: 'contents' })).status).toBe(200);
    await expect(octokit.rest.git.createBlob({ ...repo, content: 'x' })).rejects.toMatchObject({ status: 403 });
  });

  it("names the repository's default branch, and dispatches only to the workflows declared", async () => {
    await control('default-branch', { ...repo, branch: 'trunk' });
    expect((await octokit.rest.repos.get(repo)).data.default_branch).toBe('trunk');
    await control('workflows', { ...repo, files: ['looop.yml'] });
    await expect(octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: 'other.yml', ref: 'trunk' })).rejects.toMatchObject({ status: 404 });
    await octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: 'looop.yml', ref: 'trunk' });
    expect(standin.dispatches('octo', 'project').map((d) => d.workflowId)).toEqual(['looop.yml']);
  });
});
