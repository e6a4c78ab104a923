import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT, RUNNERS } from '../helpers/action.ts';
import { CLAUDE_STREAM, makeLoop, type Loop } from '../helpers/loop.ts';

let loop: Loop;
beforeEach(() => {
  loop = makeLoop();
});
afterEach(() => {
  loop.sandbox.cleanup();
});

const CLI = path.join(PROJECT, 'dist/cli/index.js');

function replay(args: string[], answer: string, promptOut: string) {
  return spawnSync(process.execPath, [CLI, 'replay', ...args], {
    cwd: loop.sandbox.workspace,
    encoding: 'utf8',
    env: { ...loop.sandbox.env, LOOOP_TEST_ANSWER: answer, LOOOP_TEST_PROMPT_OUT: promptOut },
  });
}

describe('npx looop-action replay', () => {
  it("runs a recorded decision's prompt through a runner and prints the move, acting on nothing", async () => {
    const recorded = path.join(loop.sandbox.root, 'recorded.md');
    await loop.beat(JSON.stringify({ type: 'noop', reason: 'first look' }), { runId: '42', env: { LOOOP_TEST_PROMPT_OUT: recorded } });
    const log = loop.sandbox.stateLog();
    const seen = path.join(loop.sandbox.root, 'replayed.md');
    const goal = JSON.stringify({ type: 'goal_write', reason: 'on a second look', slug: 'x', body: '# X' });
    const run = replay(['42-1', '--runner', 'custom', '--tick-command', `'${process.execPath}' '${RUNNERS}/replay.js' claude '${CLAUDE_STREAM}'`, '--stream-format', 'claude'], goal, seen);

    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(goal));
    expect(run.stderr).toMatch(/replayed beat 42-1 with custom in \d+ ms, \$0\.0008/);
    expect(execFileSync('cat', [seen], { encoding: 'utf8' })).toBe(execFileSync('cat', [recorded], { encoding: 'utf8' }));
    expect(loop.sandbox.stateLog()).toEqual(log);
    expect(loop.sandbox.stateFile('goals/x.md')).toBeNull();
  });

  it('says which beats it can replay when the one asked for is not kept', async () => {
    await loop.beat(JSON.stringify({ type: 'noop', reason: 'r' }), { runId: '51' });
    const run = replay(['9999-1', '--runner', 'custom', '--tick-command', 'true'], '', path.join(loop.sandbox.root, 'x'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/runs\/9999-1\/prompt\.1\.md is not on the state branch "loop-state": only the last beats that decided are kept/);
    expect(run.stderr).toMatch(/Beats that can be replayed \(the last that decided, kept on "loop-state"\):\n {2}51-1\n/);
  });

  it('lists the beats it can replay when given none, needing no runner', async () => {
    await loop.beat(JSON.stringify({ type: 'noop', reason: 'r' }), { runId: '61' });
    loop.newCommit('the world moves');
    await loop.beat(JSON.stringify({ type: 'noop', reason: 'again' }), { runId: '62' });
    const run = spawnSync(process.execPath, [CLI, 'replay'], { cwd: loop.sandbox.workspace, encoding: 'utf8', env: loop.sandbox.env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('Beats that can be replayed (the last that decided, kept on "loop-state"):\n  61-1\n  62-1\n');
  });

  it('says that no beat has decided yet on a state branch without runs/', () => {
    loop.sandbox.git(['checkout', '-q', '--orphan', 'loop-state']);
    loop.sandbox.git(['commit', '-q', '--allow-empty', '-m', 'an empty state branch']);
    loop.sandbox.git(['push', '-q', 'origin', 'loop-state']);
    const run = spawnSync(process.execPath, [CLI, 'replay'], { cwd: loop.sandbox.workspace, encoding: 'utf8', env: loop.sandbox.env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^No beat on the state branch "loop-state" has a recorded decision yet/);
  });

  it('refuses a beat id of the wrong form before fetching anything', () => {
    for (const bad of ['42', 'runs/42-1', '../42-1', '42-1/../../x', 'LOCAL-abc', '42-1 ']) {
      const run = replay([bad, '--runner', 'custom', '--tick-command', 'true'], '', path.join(loop.sandbox.root, 'x'));
      expect(run.status, bad).toBe(2);
      expect(run.stderr).toContain(`${JSON.stringify(bad)} is not a beat id: expected <run id>-<attempt>`);
    }
  });

  it('fails with the git error, in words for a terminal, outside a clone', () => {
    const run = spawnSync(process.execPath, [CLI, 'replay', '42-1', '--runner', 'custom', '--tick-command', 'true'], { cwd: loop.sandbox.temp, encoding: 'utf8', env: loop.sandbox.env });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^looop-action: could not fetch the state branch "loop-state" from origin \(run this inside a clone of the repository\)/);
  });

  it('says which prompt file it could not read', () => {
    const run = replay(['--prompt-file', path.join(loop.sandbox.root, 'missing.md'), '--runner', 'custom', '--tick-command', 'true'], '', path.join(loop.sandbox.root, 'x'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^looop-action: could not read --prompt-file ".*missing\.md": ENOENT/);
  });

  it('prints the error when the answer is not a move', async () => {
    await loop.beat(JSON.stringify({ type: 'noop', reason: 'r' }), { runId: '7' });
    const run = replay(['7-1', '--runner', 'custom', '--tick-command', `'${process.execPath}' '${RUNNERS}/replay.js' text`], 'no idea', path.join(loop.sandbox.root, 'x'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no move: expected exactly one JSON object/);
  });
});
