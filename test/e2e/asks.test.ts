import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Standin } from '../github-standin/server.ts';
import { asksTools, OWNER, useAsksWorld } from '../helpers/asks-world.ts';
import { journalRows, noop, type Loop } from '../helpers/loop.ts';

let REPO = '';
let standin: Standin;
let loop: Loop;
let counter: string;

const world = useAsksWorld((w) => {
  ({ standin, loop, counter, repo: REPO } = w);
});
const { deploy, runs, askIssues, moveIssue, hashOf, ask, askFor } = asksTools(world);

describe('the first beat', () => {
  it('opens the pending setup ask as an issue that says what to edit, once', async () => {
    await loop.beat(noop);
    await loop.beat(noop);
    const issues = askIssues();
    expect(issues).toHaveLength(1);
    expect(issues[0]?.title).toMatch(/^looop asks: Set up this loop/);
    expect(issues[0]?.body).toMatch(/<!-- looop:ask id=setup nonce=[0-9a-f]{16} -->/);
    expect(issues[0]?.body).toContain('goals/');
    expect(ask('setup')).toMatchObject({ status: 'pending', issue: issues[0]?.number });
    expect(standin.labels(OWNER, REPO).map((l) => l.name)).toContain('looop:ask');
  });
});

describe('a gated move', () => {
  it('opens exactly one issue showing the move, its hash and how to answer, and runs nothing', async () => {
    await askFor(deploy());
    const issue = moveIssue();
    expect(issue.body).toContain(`"command": "echo deployed >> ${counter}"`);
    expect(issue.body).toMatch(/<!-- looop:ask id=run-[0-9a-f]{8} nonce=[0-9a-f]{16} -->/);
    expect(issue.body).toContain(`/approve ${hashOf(issue.body)}`);
    expect(runs()).toBe(0);
    expect(journalRows(loop.sandbox).at(-1)).toMatch(/\| run \| asked in #\d+ \(ask run-[0-9a-f]{8}\).*\| asked \|/);

    // Asked again for the same move, the loop points at the open ask.
    loop.newCommit('again');
    await loop.beat(deploy());
    expect(askIssues()).toHaveLength(2);
    expect(journalRows(loop.sandbox).at(-1)).toMatch(/already asked in #\d+/);
  });

  it('opens no second issue when the beat dies right after creating the first', async () => {
    await loop.beat(noop);
    loop.newCommit('time to act');
    let child = 0;
    standin.onRequest = (request) => {
      if (request.method === 'POST' && request.path.endsWith('/issues') && JSON.stringify(request.body).includes('echo deployed')) process.kill(child, 'SIGKILL');
    };
    const killed = await loop.beat(deploy(), { runId: '9100', onSpawn: (pid) => (child = pid) });
    standin.onRequest = undefined;
    expect(killed.code).not.toBe(0);
    expect(askIssues()).toHaveLength(2);
    standin.setRun(OWNER, REPO, 9100, 'completed');

    await loop.beat(deploy());
    expect(askIssues()).toHaveLength(2);
    const id = /id=(run-[0-9a-f]{8})/.exec(moveIssue().body ?? '')?.[1] ?? '';
    expect(ask(id)).toMatchObject({ issue: moveIssue().number, status: 'pending' });
  });

  it('opens one issue when two overlapping beats ask the same thing', async () => {
    await loop.beat(noop);
    loop.newCommit('time to act');
    loop.sandbox.git(['push', '-q', 'origin', 'HEAD:main']);
    const second = path.join(loop.sandbox.root, 'second');
    loop.sandbox.git(['clone', '-q', loop.sandbox.origin, second], loop.sandbox.root);
    const env = { LOOOP_TEST_BARRIER: path.join(loop.sandbox.root, 'barrier'), LOOOP_TEST_BARRIER_COUNT: '2' };
    const [a, b] = await Promise.all([loop.beat(deploy(), { env }), loop.beat(deploy(), { env: { ...env, GITHUB_WORKSPACE: second } })]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(askIssues()).toHaveLength(2);
  });
});

