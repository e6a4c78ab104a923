import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorker } from '../../src/resources/workers/model.ts';
import { startStandin, type Standin } from '../github-standin/server.ts';
import { RUNNERS, runAction } from '../helpers/action.ts';
import { pushStateChange } from '../helpers/git.ts';
import { ACTION_TOKEN, journalRows, makeLoop, noop, type Loop } from '../helpers/loop.ts';

/**
 * The whole way of a worker, with the bundled action on both sides: a beat spawns it and
 * dispatches the worker workflow; the test plays GitHub and runs the action in mode worker
 * with the input the dispatch carried; the worker's run opens one pull request and wakes a
 * beat, which sees the worker come back.
 */
const OWNER = 'octo';
const REPO = 'fleet';
let standin: Standin;
let loop: Loop;

beforeAll(async () => {
  standin = await startStandin();
  loop = makeLoop({ github: standin.url, repository: `${OWNER}/${REPO}` });
  standin.setPermission(OWNER, REPO, 'maintainer', 'maintain');
});
afterAll(async () => {
  await standin.close();
});

const spawn = JSON.stringify({ type: 'spawn_worker', reason: 'the docs need a page', id: 'docs-page', goal: 'docs', prompt: 'Write WORK.md.', verify: 'grep -c worked WORK.md' });
const allow = 'grep -c worked WORK.md';

function record(id: string): ReturnType<typeof parseWorker> {
  return parseWorker(loop.sandbox.stateFile(`workers/${id}.md`) ?? '');
}

/** GitHub starting the worker workflow for a dispatch: the action in mode worker, with the dispatch's input. */
function playDispatch(inputs: Record<string, unknown>): ReturnType<typeof runAction> {
  const id = String(inputs['worker-id']);
  return runAction(loop.sandbox, {
    eventName: 'workflow_dispatch',
    event: { inputs },
    inputs: {
      mode: 'worker',
      'worker-id': id,
      runner: 'custom',
      'worker-command': `'${process.execPath}' '${RUNNERS}/agent.js' edit`,
      'stream-format': 'claude',
      'github-token': ACTION_TOKEN,
      allow,
    },
    env: { GITHUB_API_URL: standin.url, GITHUB_REPOSITORY: `${OWNER}/${REPO}` },
  });
}

describe('a worker, from the spawn to its pull request', () => {
  it('is spawned once, works on its branch, opens one pull request, is charged, and wakes the loop', async () => {
    await loop.beat(noop);
    pushStateChange(loop.sandbox, { 'goals/docs.md': '---\nstatus: active\n---\n# A docs page\n' });
    const spawned = await loop.beat(spawn, { inputs: { allow } });
    expect(spawned.code, spawned.stdout + spawned.stderr).toBe(0);
    const dispatches = standin.dispatches(OWNER, REPO).filter((d) => d.workflowId === 'looop-worker.yml');
    expect(dispatches).toHaveLength(1);
    expect(dispatches[0]?.inputs).toEqual({ 'worker-id': 'docs-page' });
    expect(record('docs-page')).toMatchObject({ ok: true, worker: { status: 'dispatched', round: 1 } });

    const worked = await playDispatch(dispatches[0]?.inputs ?? {});
    expect(worked.code, worked.stdout + worked.stderr).toBe(0);
    const pulls = standin.pulls(OWNER, REPO);
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ head: { ref: 'looop/docs-page' }, base: { ref: 'main' }, state: 'open' });
    expect(pulls[0]?.body).toContain('<!-- looop:worker docs-page -->');
    expect(loop.sandbox.stateFile('WORK.md', 'looop/docs-page')).toContain('worked');
    expect(record('docs-page')).toMatchObject({ ok: true, worker: { status: 'done', pr: { number: pulls[0]?.number }, verified: { ok: true }, costUsd: 0.25 } });
    const budget = JSON.parse(loop.sandbox.stateFile('budget.json') ?? '{}') as { days: Record<string, { id: string; usd?: number }[]> };
    expect(Object.values(budget.days).flat()).toContainEqual(expect.objectContaining({ id: 'worker:docs-page:1', usd: 0.25 }));
    // The worker woke the loop: one beat of the main workflow.
    expect(standin.dispatches(OWNER, REPO).filter((d) => d.workflowId === 'looop.yml')).toHaveLength(1);

    const calls = loop.runnerCalls();
    const woken = await loop.beat(noop, { inputs: { allow } });
    expect(woken.code).toBe(0);
    expect(loop.runnerCalls()).toBe(calls + 1);
    expect(woken.summary).toMatch(/### Workers[\s\S]*\[docs-page\]\(https:\/\/github.com\/octo\/fleet\/actions\/runs\/\d+\) \| done \| 1 \| \[#\d+\]/);
    // Merging stays a person's act: the loop never touched the pull request.
    expect(standin.pulls(OWNER, REPO)[0]).toMatchObject({ state: 'open', merged_at: null });
    expect(journalRows(loop.sandbox).some((row) => row.includes('spawned worker docs-page'))).toBe(true);
  });

  it('works a dispatch only once: GitHub starting the same dispatch again opens no second pull request', async () => {
    const again = await playDispatch({ 'worker-id': 'docs-page' });
    expect(again.code).toBe(0);
    expect(standin.pulls(OWNER, REPO)).toHaveLength(1);
    expect(record('docs-page')).toMatchObject({ ok: true, worker: { status: 'done', round: 1 } });
  });
});
