import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorker } from '../../src/resources/workers/model.ts';
import { startStandin, type Standin } from '../github-standin/server.ts';
import { RUNNERS, runAction } from '../helpers/action.ts';
import { pushStateChange } from '../helpers/git.ts';
import { ACTION_TOKEN, makeLoop, noop, type Loop } from '../helpers/loop.ts';

/**
 * A worker that needs a person, with the bundled action on both sides: its run asks and ends
 * (no runner minute spent waiting), an authorized answer wakes the loop, which dispatches the
 * worker again, a round on, and the round goes on from the same branch with the answer.
 */
const OWNER = 'octo';
const REPO = 'asking';
let standin: Standin;
let loop: Loop;

beforeAll(async () => {
  standin = await startStandin();
  loop = makeLoop({ github: standin.url, repository: `${OWNER}/${REPO}` });
  standin.setPermission(OWNER, REPO, 'maintainer', 'maintain');
  standin.setPermission(OWNER, REPO, 'stranger', 'read');
});
afterAll(async () => {
  await standin.close();
});

const spawn = JSON.stringify({ type: 'spawn_worker', reason: 'a license is needed', id: 'license', goal: 'license', prompt: 'Add a LICENSE file.' });

function worker(): ReturnType<typeof parseWorker> {
  return parseWorker(loop.sandbox.stateFile('workers/license.md') ?? '');
}

function workerDispatches(): Record<string, unknown>[] {
  return standin.dispatches(OWNER, REPO).filter((d) => d.workflowId === 'looop-worker.yml').map((d) => d.inputs);
}

function playDispatch(inputs: Record<string, unknown>, behaviour: string, promptOut: string): ReturnType<typeof runAction> {
  return runAction(loop.sandbox, {
    eventName: 'workflow_dispatch',
    event: { inputs },
    inputs: { mode: 'worker', 'worker-id': String(inputs['worker-id']), runner: 'custom', 'worker-command': `'${process.execPath}' '${RUNNERS}/agent.js' ${behaviour}`, 'stream-format': 'claude', 'github-token': ACTION_TOKEN },
    env: { GITHUB_API_URL: standin.url, GITHUB_REPOSITORY: `${OWNER}/${REPO}`, LOOOP_TEST_QUESTION: 'MIT or Apache-2.0?', LOOOP_TEST_PROMPT_OUT: promptOut },
  });
}

describe('a worker that asks', () => {
  it('waits without a run, and is resumed on its branch with the answer of an authorized person only', async () => {
    await loop.beat(noop);
    pushStateChange(loop.sandbox, { 'goals/license.md': '---\nstatus: active\n---\n# The project has a license\n' });
    await loop.beat(spawn);
    const first = workerDispatches();
    expect(first).toHaveLength(1);

    const asked = await playDispatch(first[0] ?? {}, 'ask', path.join(loop.sandbox.root, 'prompt-1'));
    expect(asked.code, asked.stdout + asked.stderr).toBe(0);
    expect(worker()).toMatchObject({ ok: true, worker: { status: 'waiting', round: 1, question: { text: 'MIT or Apache-2.0?' } } });
    expect(loop.sandbox.stateFile('DRAFT.md', 'looop/license')).toBe('a draft\n');
    const issue = standin.issues(OWNER, REPO).find((i) => i.body?.includes('MIT or Apache-2.0?') === true);
    expect(issue).toBeDefined();
    expect(standin.pulls(OWNER, REPO)).toHaveLength(0);

    // A stranger's answer is not an answer: the worker waits.
    standin.addComment(OWNER, REPO, issue?.number ?? 0, { login: 'stranger', body: 'GPL, obviously' });
    await loop.beat(noop);
    expect(workerDispatches()).toHaveLength(1);
    expect(worker()).toMatchObject({ ok: true, worker: { status: 'waiting' } });

    standin.addComment(OWNER, REPO, issue?.number ?? 0, { login: 'maintainer', body: 'MIT, please.' });
    await loop.beat(noop);
    const second = workerDispatches();
    expect(second).toHaveLength(2);
    expect(worker()).toMatchObject({ ok: true, worker: { status: 'dispatched', round: 2, answers: [{ question: 'MIT or Apache-2.0?', answer: 'MIT, please.', by: 'maintainer' }] } });

    const promptOut = path.join(loop.sandbox.root, 'prompt-2');
    const resumed = await playDispatch(second[1] ?? {}, 'edit', promptOut);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(readFileSync(promptOut, 'utf8')).toContain('MIT, please.');
    // The same branch, its first round's work kept.
    expect(loop.sandbox.stateFile('DRAFT.md', 'looop/license')).toBe('a draft\n');
    expect(loop.sandbox.stateFile('WORK.md', 'looop/license')).toContain('worked');
    expect(standin.pulls(OWNER, REPO)).toHaveLength(1);
    expect(worker()).toMatchObject({ ok: true, worker: { status: 'done', round: 2 } });
  });
});
