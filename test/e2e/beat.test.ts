import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalRows, makeLoop, noop, type Loop } from '../helpers/loop.ts';
import { pushStateChange } from '../helpers/git.ts';
import { memoryBase } from '../../src/io/scratch.ts';

let loop: Loop;
beforeEach(() => {
  loop = makeLoop();
});
afterEach(() => {
  loop.sandbox.cleanup();
});

const writeGoal = JSON.stringify({ type: 'goal_write', reason: 'the release needs notes', slug: 'release-notes', body: '# Release notes\nWrite them.' });

describe('the first beat', () => {
  it('seeds the state branch from loop-state/, charges the decision before making it, and commits it', async () => {
    const { sandbox } = loop;
    const head = sandbox.git(['rev-parse', 'HEAD']).trim();
    const run = await loop.beat(writeGoal, { runId: '77' });

    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(sandbox.stateLog()).toEqual(['looop: beat 77-1: write goal release-notes', 'looop: beat 77-1: charge decision 77-1:1', 'looop: seed the state branch from loop-state/']);
    expect(sandbox.stateFile('PLAYBOOK.md')).toContain('# PLAYBOOK');
    expect(sandbox.stateFile('goals/setup.md')).toContain('status: active');
    expect(sandbox.stateFile('goals/release-notes.md')).toBe('---\nstatus: active\n---\n# Release notes\nWrite them.\n');
    expect(journalRows(sandbox)).toEqual([expect.stringMatching(/^\| \S+Z \| 77-1 \| goal_write \| created goals\/release-notes\.md: the release needs notes \| ok \| \$0\.0008 \|$/)]);
    expect(JSON.parse(sandbox.stateFile('snapshots/repo-head.json') ?? '{}')).toMatchObject({ signal: { head } });
    expect(run.outputs).toEqual({ changed: 'true', move: writeGoal, journal: journalRows(sandbox)[0] });
    expect(run.summary).toContain('created it from `loop-state/`');
    expect(loop.runnerCalls()).toBe(1);
  });

  it('commits as github-actions[bot] without touching any git config', async () => {
    await loop.beat(writeGoal);
    expect(loop.sandbox.git(['log', '-1', '--format=%an <%ae>', 'loop-state'], loop.sandbox.origin).trim()).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
    );
  });

  it("leaves the user's checkout as it found it", async () => {
    const { sandbox } = loop;
    const head = sandbox.git(['rev-parse', 'HEAD']).trim();
    const config = readFileSync(path.join(sandbox.workspace, '.git/config'), 'utf8');
    await loop.beat(writeGoal);
    expect(sandbox.git(['status', '--porcelain'])).toBe('');
    expect(sandbox.git(['rev-parse', 'HEAD']).trim()).toBe(head);
    expect(sandbox.git(['worktree', 'list']).trim().split('\n')).toHaveLength(1);
    expect(readFileSync(path.join(sandbox.workspace, '.git/config'), 'utf8')).toBe(config);
  });
});

describe("the beat's scratch", () => {
  it('is in memory where the machine has room for it, sensors run from it, and none of it is left', async () => {
    const memory = memoryBase();
    await loop.beat(noop);
    loop.pushSensor('where', 'printf \'{"signal": {"dir": "%s"}}\' "$LOOOP_STATE_DIR"');
    let pid = 0;
    const run = await loop.beat(noop, { onSpawn: (spawned) => (pid = spawned) });
    expect(run.code, run.stdout).toBe(0);
    const view = (JSON.parse(loop.sandbox.stateFile('snapshots/where.json') ?? '{}') as { signal?: { dir?: string } }).signal?.dir ?? '';
    expect(path.dirname(path.dirname(view))).toBe(memory?.dir ?? loop.sandbox.temp);
    expect(path.basename(path.dirname(view))).toMatch(memory === undefined ? /^looop-/ : new RegExp(`^looop-${memory.namespace}-${String(pid)}-`));
    expect(existsSync(path.dirname(view))).toBe(false);
    if (memory !== undefined) expect(readdirSync(memory.dir).filter((name) => name.includes(`-${String(pid)}-`))).toEqual([]);
  });
});

describe('an idle beat', () => {
  it('makes no runner call and no commit when nothing changed', async () => {
    await loop.beat(noop);
    const log = loop.sandbox.stateLog();
    const run = await loop.beat(noop);

    expect(run.code).toBe(0);
    expect(loop.runnerCalls()).toBe(1);
    expect(loop.sandbox.stateLog()).toEqual(log);
    expect(run.outputs).toEqual({ changed: 'false', move: '', journal: '' });
    expect(run.summary).toContain('nothing changed since the last decision');
    expect(run.summary).toContain('no runner call');
  });

  it("does not wake for the loop's own writes", async () => {
    await loop.beat(writeGoal);
    await loop.beat(writeGoal);
    expect(loop.runnerCalls()).toBe(1);
  });
});

describe('a change', () => {
  it('in a sensor signal makes one decision: its charge, then its record', async () => {
    await loop.beat(noop);
    loop.newCommit('a new commit');
    const before = loop.sandbox.stateLog().length;
    const run = await loop.beat(writeGoal);

    expect(run.code).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(loop.runnerCalls()).toBe(2);
    expect(loop.sandbox.stateLog()).toHaveLength(before + 2);
    expect(run.summary).toContain('signals: repo-head');
    expect(journalRows(loop.sandbox)).toHaveLength(2);
  });

  it('to a goal pushed by a person wakes the loop, and the prompt shows the goal', async () => {
    await loop.beat(noop);
    pushStateChange(loop.sandbox, { 'goals/ship-v2.md': '---\nstatus: active\npriority: 1\n---\n# Ship v2\n' });
    const prompt = path.join(loop.sandbox.root, 'prompt.md');
    await loop.beat(noop, { env: { LOOOP_TEST_PROMPT_OUT: prompt } });
    expect(loop.runnerCalls()).toBe(2);
    expect(readFileSync(prompt, 'utf8')).toContain('### ship-v2');
  });

  it('in a detail alone does not wake the loop', async () => {
    await loop.beat(noop);
    loop.pushSensor('weather', 'printf \'{"signal": {"rain": false}, "detail": {"checked": "%s"}}\' "$(date +%s%N)"');
    await loop.beat(noop);
    await loop.beat(noop);
    expect(loop.runnerCalls()).toBe(2);
  });
});

describe('overlapping beats', () => {
  it('both land their journal lines, neither by force', async () => {
    const { sandbox } = loop;
    await loop.beat(noop);
    loop.newCommit('something to decide on');
    sandbox.git(['push', '-q', 'origin', 'HEAD:main']);
    // Each run has a checkout of its own, as on GitHub's runners.
    const second = path.join(sandbox.root, 'second-checkout');
    sandbox.git(['clone', '-q', sandbox.origin, second], sandbox.root);
    const barrier = path.join(sandbox.root, 'barrier');
    const env = { LOOOP_TEST_BARRIER: barrier, LOOOP_TEST_BARRIER_COUNT: '2' };
    const [a, b] = await Promise.all([
      loop.beat(noop, { runId: '501', env }),
      loop.beat(writeGoal, { runId: '502', env: { ...env, GITHUB_WORKSPACE: second } }),
    ]);

    expect([a.code, b.code]).toEqual([0, 0]);
    const rows = journalRows(loop.sandbox);
    expect(rows).toHaveLength(3);
    expect(rows.some((row) => row.includes('| 501-1 | noop |'))).toBe(true);
    expect(rows.some((row) => row.includes('| 502-1 | goal_write |'))).toBe(true);
    expect(loop.sandbox.stateFile('goals/release-notes.md')).not.toBeNull();
    // Both beats charged the same day's budget; neither charge was lost to the other's push.
    const ledger = JSON.parse(loop.sandbox.stateFile('budget.json') ?? '{}') as { days: Record<string, { id: string }[]> };
    expect(Object.values(ledger.days).flat().map((c) => c.id).filter((id) => id.startsWith('50')).sort()).toEqual(['501-1:1', '502-1:1']);
    // Each writes on the head it holds: one of them is refused at least once (more when the other lands again meanwhile).
    expect(`${a.summary}${b.summary}`).toMatch(/after [2-6] push attempts \(another beat landed first\)/);
    // Linear history: the first beat's commit is an ancestor of the second's.
    expect(loop.sandbox.stateLog().slice(0, 2).sort()).toEqual(['looop: beat 501-1: nothing to do', 'looop: beat 502-1: write goal release-notes']);
  });
});

describe('a manual beat', () => {
  it('with a note decides even when nothing changed, and shows the note', async () => {
    await loop.beat(noop);
    const prompt = path.join(loop.sandbox.root, 'prompt.md');
    await loop.beat(noop, {
      eventName: 'workflow_dispatch',
      event: { inputs: { note: 'please look at the flaky test', 'dry-run': 'false' } },
      env: { LOOOP_TEST_PROMPT_OUT: prompt },
    });
    expect(loop.runnerCalls()).toBe(2);
    expect(readFileSync(prompt, 'utf8')).toContain('please look at the flaky test');
  });

  it('asking for a dry run decides but writes nothing, not even the seed', async () => {
    const run = await loop.beat(writeGoal, { eventName: 'workflow_dispatch', event: { inputs: { 'dry-run': true } } });
    expect(run.code).toBe(0);
    expect(loop.runnerCalls()).toBe(1);
    expect(loop.sandbox.stateLog()).toEqual([]);
    expect(run.outputs.move).toBe(writeGoal);
    expect(run.outputs.journal).toBe('');
    expect(run.summary).toContain('Dry run: not acted on, nothing written');
  });

  it('with the dry-run input runs no command', async () => {
    await loop.beat(noop);
    loop.newCommit('change');
    const marker = path.join(loop.sandbox.root, 'ran');
    const run = await loop.beat(JSON.stringify({ type: 'run', reason: 'r', command: `touch ${marker}` }), {
      inputs: { allow: 'touch **', 'dry-run': 'true' },
    });
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(loop.sandbox.workspace, 'README.md'), 'utf8')).toBe('# a project\n');
    expect(() => readFileSync(marker)).toThrow();
    expect(journalRows(loop.sandbox)).toHaveLength(1);
  });
});
