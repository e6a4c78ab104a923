import { describe, expect, it } from 'vitest';
import { runBeat } from '../../src/beat/run.ts';
import { failureBody, isResume } from '../../src/resources/failures/issue.ts';
import { failureFingerprint, opensAfter, parseFailure, steeringPrint } from '../../src/resources/failures/model.ts';
import { nextFailures } from '../../src/resources/failures/reconcile.ts';
import type { DecisionRun } from '../../src/runners/index.ts';
import { FakeGitHub, makeWorld, type World } from './fakes.ts';

const noop = '{"type":"noop","reason":"calm"}';
const GARBAGE = 'no JSON here';

describe('the failure fingerprint', () => {
  it('is one for errors that differ only in numbers, ids and times', () => {
    const a = failureFingerprint('rate-limit', 'HTTP 429: rate limit, retry in 31s (request req_8f3a9c2e1b7d4a60, 2026-12-02T07:10:36Z)');
    const b = failureFingerprint('rate-limit', 'HTTP 429: rate limit, retry in 45s (request req_11aa22bb33cc44dd, 2026-12-02T08:11:00Z)');
    expect(a).toBe(b);
  });

  it('differs by kind and by the words of the error', () => {
    const error = 'claude reported an error: Invalid API key';
    expect(failureFingerprint('auth', error)).not.toBe(failureFingerprint('runner-error', error));
    expect(failureFingerprint('runner-error', 'disk full')).not.toBe(failureFingerprint('runner-error', 'network down'));
  });

  it('of an unparseable answer does not depend on what the model said', () => {
    expect(failureFingerprint('unparseable', 'the answer is not valid JSON: Unexpected token H')).toBe(failureFingerprint('unparseable', 'the answer is not valid JSON: Unexpected token W in "Well…"'));
  });

  it('is not the world fingerprint: steering is the PLAYBOOK and goals only', () => {
    const goals = [{ slug: 'a', text: 'x' }];
    expect(steeringPrint({ playbook: 'p', goals })).toBe(steeringPrint({ playbook: 'p', goals: [...goals] }));
    expect(steeringPrint({ playbook: 'p', goals })).not.toBe(steeringPrint({ playbook: 'q', goals }));
    expect(steeringPrint({ playbook: 'p', goals })).not.toBe(steeringPrint({ playbook: 'p', goals: [{ slug: 'a', text: 'y' }] }));
  });
});

describe('the streak', () => {
  it('counts failures of one fingerprint in a row, and starts again at another', () => {
    const beat = (n: number) => ({ beat: `b${n}`, at: `2026-12-02T0${n}:00:00Z` });
    let memory = {};
    memory = { failures: nextFailures(memory, { kind: 'unparseable', error: 'expected exactly one JSON object', beat: beat(1) }) };
    memory = { failures: nextFailures(memory, { kind: 'unparseable', error: 'expected exactly one JSON object', beat: beat(2) }) };
    expect(nextFailures(memory, { kind: 'unparseable', error: 'expected exactly one JSON object', beat: beat(3) })).toMatchObject({ count: 3, streak: 3 });
    expect(nextFailures(memory, { kind: 'timeout', error: 'killed at 300 s', beat: beat(3) })).toMatchObject({ count: 3, streak: 1, beats: [beat(3)] });
  });

  it('opens at once for a configuration error, after three otherwise', () => {
    expect(['program-missing', 'auth', 'model'].map((kind) => opensAfter(kind as 'auth'))).toEqual([1, 1, 1]);
    expect(opensAfter('rate-limit')).toBe(3);
    expect(opensAfter('unparseable')).toBe(3);
  });
});

describe('the failure issue', () => {
  it("shows the runner's error as fenced data: it cannot close the fence, mention anyone, or pose as the instructions", () => {
    const error = 'claude reported an error: ```\n@everyone **To resume** comment /approve 123\n```';
    const failure = { fingerprint: '0123456789ab', kind: 'runner-error' as const, status: 'paused' as const, error, beats: [{ beat: '7-1', at: '2026-12-02T07:00:00Z', url: 'https://github.test/o/r/actions/runs/7' }], steering: 's', since: '2026-12-02T07:00:00Z', nonce: '00112233445566778899aabb', seen: [] };
    const body = failureBody(failure, { runner: 'claude', model: undefined, beat: '7-1' });
    const fenceOpen = body.indexOf('````text\n');
    expect(fenceOpen).toBeGreaterThan(0);
    const fenceClose = body.indexOf('\n````', fenceOpen + 1);
    expect(body.slice(fenceOpen, fenceClose)).toContain('@everyone');
    expect(body.slice(0, fenceOpen) + body.slice(fenceClose)).not.toContain('@everyone');
    expect(body).toContain('[beat 7-1](https://github.test/o/r/actions/runs/7)');
  });
});

describe('/resume', () => {
  it.each(['/resume', '/Resume', '`/resume`', '**/resume** it is fixed', '/resume\nthe key is set'])('%j resumes', (body) => {
    expect(isResume(body)).toBe(true);
  });
  it.each(['please /resume', '> /resume', '/resumed', '~~/resume~~', ''])('%j does not', (body) => {
    expect(isResume(body)).toBe(false);
  });
});

function later(world: World, minutes: number): void {
  world.clock.now = new Date(world.clock.now.getTime() + minutes * 60_000);
}

function withGitHub(world: World): FakeGitHub {
  const github = new FakeGitHub();
  Object.assign(world.ports, { github });
  return github;
}

async function beats(world: World, count: number, from = 1): Promise<Awaited<ReturnType<typeof runBeat>>[]> {
  const reports = [];
  for (let n = from; n < from + count; n++) {
    reports.push(await runBeat(world.ports, { ...world.options, beat: `b${n}`, runUrl: `https://github.test/runs/${n}` }));
    later(world, 60);
  }
  return reports;
}

function failureFiles(world: World) {
  return [...world.store.files].filter(([file]) => file.startsWith('failures/')).map(([, text]) => parseFailure(text));
}

describe('a failure issue, in the beat', () => {
  it('opens once on the third failure in a row, and pauses: the next beats call no runner', async () => {
    const world = makeWorld([GARBAGE, GARBAGE, GARBAGE, noop]);
    const github = withGitHub(world);
    const reports = await beats(world, 3);
    expect(github.labelled('looop:failure')).toHaveLength(1);
    expect(reports.map((r) => r.paused?.issue)).toEqual([undefined, undefined, 1]);
    const later = await beats(world, 2, 4);
    expect(world.decider.prompts).toHaveLength(3);
    expect(later.map((r) => r.decision)).toMatchObject([{ kind: 'skipped', why: expect.stringContaining('decisions are paused') as string }, { kind: 'skipped' }]);
    expect(github.labelled('looop:failure')).toHaveLength(1);
    expect(failureFiles(world)).toMatchObject([{ ok: true, failure: { status: 'paused', issue: 1, beats: [{ beat: 'b1' }, { beat: 'b2' }, { beat: 'b3' }] } }]);
  });

  it("ignores a stranger's /resume, follows an approver's, and closes the issue once a decision succeeds", async () => {
    const world = makeWorld([GARBAGE, GARBAGE, GARBAGE, noop]);
    const github = withGitHub(world);
    world.options = { ...world.options, approvers: ['Carol'] };
    await beats(world, 3);
    github.roles.set('mallory', 'read');
    github.addComment(1, 'mallory', '/resume');
    const [ignored] = await beats(world, 1, 4);
    expect(ignored?.journal.some((line) => line.includes('ignored /resume by @mallory'))).toBe(true);
    expect(world.decider.prompts).toHaveLength(3);
    github.addComment(1, 'carol', '/resume');
    const [resumed] = await beats(world, 1, 5);
    expect(resumed?.decision.kind).toBe('move');
    expect(resumed?.paused).toBeUndefined();
    expect(github.issues[0]?.open).toBe(false);
    expect(failureFiles(world)).toMatchObject([{ ok: true, failure: { status: 'resolved' } }]);
  });

  it('a configuration error opens at once, and says what to change in the workflow', async () => {
    const world = makeWorld();
    const github = withGitHub(world);
    const refused: DecisionRun = { result: { ok: false, text: null, failure: { kind: 'error', message: 'Invalid API key · Please run /login', cause: 'auth' } }, raw: '', durationMs: 1 };
    Object.assign(world.ports, { decider: () => Promise.resolve(refused) });
    world.options = { ...world.options, runner: 'codex' };
    const [report] = await beats(world, 1);
    expect(report?.configurationError).toContain('set the repository secret OPENAI_API_KEY and pass it as env CODEX_API_KEY: ${{ secrets.OPENAI_API_KEY }} on the looop step');
    expect(report?.configurationError).not.toContain('/login');
    expect(report?.commit).toBeDefined();
    expect(world.store.journal.some((line) => line.includes('Invalid API key') && line.includes('failed'))).toBe(true);
    expect(github.labelled('looop:failure')).toHaveLength(1);
  });

  it('a configuration error fails a dry run too, writing nothing', async () => {
    const world = makeWorld();
    withGitHub(world);
    const missing: DecisionRun = { result: { ok: false, text: null, failure: { kind: 'exit', message: 'spawn claude ENOENT', cause: 'program-missing' } }, raw: '', durationMs: 1 };
    Object.assign(world.ports, { decider: () => Promise.resolve(missing) });
    world.options = { ...world.options, runner: 'claude', dryRun: true };
    const report = await runBeat(world.ports, world.options);
    expect(report.configurationError).toContain('the runner program claude was not found on PATH');
    expect(world.store.commits).toHaveLength(0);
  });

  it('without GitHub, failures only back off: no issue, no pause', async () => {
    const world = makeWorld([GARBAGE, GARBAGE, GARBAGE, GARBAGE]);
    const reports = await beats(world, 4);
    expect(world.decider.prompts).toHaveLength(4);
    expect(reports.every((r) => r.paused === undefined)).toBe(true);
    expect(failureFiles(world)).toEqual([]);
  });

  it('a steering change resumes', async () => {
    const world = makeWorld([GARBAGE, GARBAGE, GARBAGE, noop]);
    withGitHub(world);
    await beats(world, 3);
    world.store.files.set('PLAYBOOK.md', '# PLAYBOOK\nAnswer with one move.\n');
    const [resumed] = await beats(world, 1, 4);
    expect(resumed?.decision.kind).toBe('move');
    expect(resumed?.journal.some((line) => line.includes('decisions resumed: the PLAYBOOK or a goal changed'))).toBe(true);
  });
});
