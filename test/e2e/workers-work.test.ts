import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAsk } from '../../src/resources/asks/model.ts';
import { parseLedger } from '../../src/state/budget.ts';
import { ACTION_TOKEN, journalRows } from '../helpers/loop.ts';
import { OWNER, WORKER_TOKEN, useWorkersWorld, type WorkersWorld } from '../helpers/workers-world.ts';

let w: WorkersWorld;
useWorkersWorld((world) => {
  w = world;
});

const ID = 'fix-docs';
const BRANCH = `looop/${ID}`;

function settled(id = ID, round = 1) {
  const ledger = parseLedger(w.sandbox.stateFile('budget.json'));
  return Object.values(ledger?.days ?? {})
    .flat()
    .find((charge) => charge.id === `worker:${id}:${round}`);
}

describe('a dispatched worker', () => {
  it('claims its round, pushes looop/<id>, opens one pull request with its marker, records done, settles its charge and wakes a beat', async () => {
    w.seed({ id: ID });
    const run = await w.work(ID, 'edit', { runId: '4242' });
    expect(run.code, run.stdout + run.stderr).toBe(0);

    expect(w.branchFile(BRANCH, 'WORK.md')).toBe('worked\n');
    expect(w.branchFile(BRANCH, 'docs/new.md')).toBe('# New\n');
    expect(w.branchFile(BRANCH, 'README.md')).toBe('# a project\n');
    expect(w.sandbox.git(['log', '-1', '--format=%an <%ae>', BRANCH], w.sandbox.origin).trim()).toBe('github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>');

    const pulls = await w.pulls();
    expect(pulls).toHaveLength(1);
    const pull = pulls[0];
    expect(pull?.head.ref).toBe(BRANCH);
    expect(pull?.base.ref).toBe('main');
    expect(pull?.title).toBe('looop fix-docs: Document the command line');
    expect(pull?.body).toContain(`<!-- looop:worker ${ID} -->`);
    expect(pull?.body).toContain('Added WORK.md and docs/new.md.');
    expect(pull?.body).toContain('/actions/runs/4242');

    const record = w.record(ID);
    expect(record).toMatchObject({ status: 'done', pr: { number: pull?.number, url: pull?.html_url }, costUsd: 0.25, tokensIn: 1200, tokensOut: 300, run: { id: '4242' } });
    expect(record.summary).toContain('Added WORK.md');
    expect(record.ended).toBeDefined();
    expect(w.sandbox.stateLog().slice(0, 2)).toEqual(['looop: worker fix-docs: round 1 done', 'looop: worker fix-docs: round 1 running in 4242-1']);

    expect(settled()).toMatchObject({ usd: 0.25, tokensIn: 1200, tokensOut: 300, metered: true, worker: ID, model: 'claude-sonnet-4-5' });
    expect(journalRows(w.sandbox).at(-1)).toMatch(/\| worker \| worker fix-docs round 1: done: pull request #\d+ created .*\| done \| \$0\.2500 \|/);
    expect(w.standin.dispatches(OWNER, w.repo)).toMatchObject([{ workflowId: 'looop.yml', ref: 'main', inputs: {} }]);
    expect(run.outputs).toMatchObject({ worker: ID, status: 'done', pr: pull?.html_url });
    expect(run.summary).toContain('looop worker fix-docs: done');
  });

  it('is worked once: a second run of the same worker does nothing and opens no second pull request', async () => {
    w.seed({ id: ID });
    expect((await w.work(ID, 'edit')).code).toBe(0);
    const tip = w.sandbox.git(['rev-parse', BRANCH], w.sandbox.origin);
    const again = await w.work(ID, 'edit');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('worker fix-docs is done: nothing to do');
    expect(again.outputs.status).toBe('done');
    expect(await w.pulls()).toHaveLength(1);
    expect(w.sandbox.git(['rev-parse', BRANCH], w.sandbox.origin)).toBe(tip);
    expect(w.standin.dispatches(OWNER, w.repo)).toHaveLength(1);
  });

  it('resumes its branch in a later round and updates the same pull request', async () => {
    w.seed({ id: ID });
    expect((await w.work(ID, 'edit')).code).toBe(0);
    const first = w.record(ID);
    w.seed({ ...first, status: 'dispatched', round: 2 });
    const second = await w.work(ID, 'edit', { env: { LOOOP_TEST_WORK: 'worked again' } });
    expect(second.code, second.stdout).toBe(0);
    expect(w.branchFile(BRANCH, 'WORK.md')).toBe('worked\nworked again\n');
    const pulls = await w.pulls();
    expect(pulls).toHaveLength(1);
    expect(w.record(ID)).toMatchObject({ status: 'done', round: 2, costUsd: 0.5, pr: { number: pulls[0]?.number } });
  });

  it('opens its pull request with worker-token when it is set', async () => {
    w.standin.setTokenUser(WORKER_TOKEN, { login: 'looop-app[bot]', type: 'Bot' });
    w.seed({ id: ID });
    const run = await w.work(ID, 'edit', { inputs: { 'worker-token': WORKER_TOKEN } });
    expect(run.code, run.stdout).toBe(0);
    const users = w.standin.requests.filter((r) => r.path.includes('/pulls')).map((r) => r.user);
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users)).toEqual(new Set(['looop-app[bot]']));
    expect((await w.pulls())[0]?.user.login).toBe('looop-app[bot]');
    // The beat's dispatch and the record stay the workflow token's.
    expect(w.standin.dispatches(OWNER, w.repo)[0]?.user).toBe('github-actions[bot]');
  });
});

describe('a repository where GitHub Actions may not open pull requests', () => {
  it('pushes the work, records the worker failed, and says which setting or token to use', async () => {
    w.standin.allowActionsPullRequests(OWNER, w.repo, false);
    w.seed({ id: ID });
    const run = await w.work(ID, 'edit');
    expect(run.code).not.toBe(0);
    expect(w.branchFile(BRANCH, 'WORK.md')).toBe('worked\n');
    expect(w.record(ID).status).toBe('failed');
    expect(w.record(ID).reason).toContain('Allow GitHub Actions to create and approve pull requests');
    expect(run.stdout).toContain('worker-token');
  });
});

describe('verify', () => {
  it('failing is recorded and shown in the pull request; the worker is still done', async () => {
    w.seed({ id: ID, verify: 'false' });
    const run = await w.work(ID, 'edit', { inputs: { allow: 'false' } });
    expect(run.code, run.stdout).toBe(0);
    expect(w.record(ID), JSON.stringify(w.record(ID))).toMatchObject({ status: 'done', verified: { ok: false, outcome: 'exited with code 1' } });
    const [pull] = await w.pulls();
    expect(pull?.body).toContain('Failed (exited with code 1)');
  });

  it('runs in the worker\u2019s files, not the checkout', async () => {
    w.seed({ id: ID, verify: 'cat WORK.md' });
    const run = await w.work(ID, 'edit', { inputs: { allow: 'cat WORK.md' } });
    expect(run.code, run.stdout).toBe(0);
    expect(w.record(ID).verified).toMatchObject({ ok: true, outcome: 'exit 0', tail: 'worked\n' });
  });

  it('outside allow is refused, not run', async () => {
    w.seed({ id: ID, verify: `touch ${path.join('/tmp', 'looop-verify-ran')}` });
    const run = await w.work(ID, 'edit', { inputs: { allow: 'npm test' } });
    expect(run.code, run.stdout).toBe(0);
    expect(w.record(ID).verified).toMatchObject({ ok: false, outcome: 'refused: not matched by allow' });
    const [pull] = await w.pulls();
    expect(pull?.body).toContain('refused: not matched by allow');
  });
});

describe('a worker that needs a person', () => {
  it('pushes its work so far, opens an ask that carries the worker, and waits', async () => {
    w.seed({ id: ID });
    const run = await w.work(ID, 'ask', { env: { LOOOP_TEST_QUESTION: 'MIT or Apache-2.0?' } });
    expect(run.code, run.stdout).toBe(0);
    expect(w.branchFile(BRANCH, 'DRAFT.md')).toBe('a draft\n');
    const record = w.record(ID);
    expect(record).toMatchObject({ status: 'waiting', question: { text: 'MIT or Apache-2.0?', round: 1 } });
    const ask = parseAsk(w.sandbox.stateFile(`asks/${record.question?.ask ?? ''}.md`) ?? '');
    expect(ask.ok && ask.ask).toMatchObject({ worker: ID, question: 'MIT or Apache-2.0?' });
    const issues = w.standin.issues(OWNER, w.repo).filter((issue) => issue.labels.some((label) => label.name === 'looop:ask'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.body).toContain('MIT or Apache-2.0?');
    expect(await w.pulls()).toHaveLength(0);
    expect(settled()).toMatchObject({ usd: 0.25 });
    expect(run.outputs.status).toBe('waiting');
  });
});

describe('a worker that does not finish', () => {
  it('killed at worker-timeout is recorded failed and not tried again', async () => {
    w.seed({ id: ID });
    const started = Date.now();
    const run = await w.work(ID, 'hang', { inputs: { 'worker-timeout': '2' } });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.code).not.toBe(0);
    const record = w.record(ID);
    expect(record.status).toBe('failed');
    expect(record.reason).toContain('killed at its timeout');
    expect(w.sandbox.stateFile(`workers/${ID}.md`)).not.toBeNull();
    expect(w.branchFile(BRANCH, 'README.md')).toBeNull();
    expect(await w.pulls()).toHaveLength(0);
    // The agent reported nothing before it was killed: the charge is settled unmetered, and keeps what the spawn reserved (never free).
    expect(settled()).toMatchObject({ worker: ID, metered: false, usd: 5 });
    const again = await w.work(ID, 'edit');
    expect(again.stdout).toContain('worker fix-docs is failed: nothing to do');
    expect(w.record(ID).status).toBe('failed');
  });

  it('whose agent fails is recorded failed with the agent\u2019s reason, and wakes the loop', async () => {
    w.seed({ id: ID });
    const run = await w.work(ID, 'fail');
    expect(run.code).not.toBe(0);
    expect(w.record(ID)).toMatchObject({ status: 'failed', costUsd: 0.25 });
    expect(w.record(ID).reason).toMatch(/^the agent failed/);
    expect(w.standin.dispatches(OWNER, w.repo)).toHaveLength(1);
  });
});

describe('a killed worker', () => {
  it('is not worked when it is killed before its run starts', async () => {
    w.seed({ id: ID, status: 'killed', reason: 'kill_worker: not needed' });
    const run = await w.work(ID, 'edit');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('worker fix-docs is killed: nothing to do');
    expect(w.branchFile(BRANCH, 'README.md')).toBeNull();
  });

  it('stays killed when a beat kills it while it runs, and its pull request is not opened', async () => {
    w.seed({ id: ID });
    const kill = w.sandbox.script(
      'kill.sh',
      `#!/bin/sh
set -e
dir=$(mktemp -d)
git clone -q --branch loop-state '${w.sandbox.origin}' "$dir"
cd "$dir"
sed -i 's/"status": "running"/"status": "killed"/' workers/${ID}.md
git -c user.name=beat -c user.email=beat@example.com commit -qam 'looop: kill_worker ${ID}'
git push -q origin HEAD:loop-state
`,
    );
    const run = await w.work(ID, 'edit', { env: { LOOOP_TEST_ON_RUN: kill } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(w.record(ID).status).toBe('killed');
    expect(run.outputs.status).toBe('killed');
    expect(await w.pulls()).toHaveLength(0);
  });
});

describe('what the agent may touch', () => {
  it('finds no token in its environment, its ancestors\u2019 /proc, RUNNER_TEMP or HOME', async () => {
    w.seed({ id: ID });
    const out = path.join(w.sandbox.root, 'spy.out');
    const apiKey = 'sk-ant-api03-the-agents-own-key-0123456789';
    const run = await w.work(ID, 'spy', { inputs: { 'worker-token': WORKER_TOKEN }, env: { LOOOP_TEST_SPY_OUT: out, ANTHROPIC_API_KEY: apiKey } });
    expect(run.code, run.stdout).toBe(0);
    expect(existsSync(out)).toBe(true);
    const found = readFileSync(out, 'utf8');
    expect(found).toContain('== ancestor');
    // It sees what it needs (its API key), so the search is not blind.
    expect(found).toContain(apiKey);
    expect(found).not.toContain(ACTION_TOKEN);
    expect(found).not.toContain(WORKER_TOKEN);
  });

  it('cannot commit workflow files or git hooks; the pull request says they were left out', async () => {
    w.seed({ id: ID });
    const run = await w.work(ID, 'workflow');
    expect(run.code, run.stdout).toBe(0);
    expect(w.branchFile(BRANCH, 'WORK.md')).toBe('worked\n');
    expect(w.branchFile(BRANCH, '.github/workflows/evil.yml')).toBeNull();
    expect(existsSync(path.join(w.sandbox.home, 'pwned'))).toBe(false);
    const [pull] = await w.pulls();
    expect(pull?.body).toContain('.github/workflows/evil.yml');
    expect(pull?.body).toContain('.git');
  });
});
