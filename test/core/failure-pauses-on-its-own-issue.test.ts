import { describe, expect, it } from 'vitest';
import { pauseOnFailure } from '../../src/resources/failures/reconcile.ts';
import { failureFingerprint, failurePath, formatFailure, steeringPrint } from '../../src/resources/failures/model.ts';
import { failures } from '../../src/resources/failures/index.ts';
import { FakeGitHub, MemoryStore } from './fakes.ts';

describe('a pause whose failure file names an issue that is not the loop\'s', () => {
  it('opens an issue of its own, claimed like any other: a push error of that claim is the beat\'s, never journaled as GitHub failing', async () => {
    const store = new MemoryStore();
    const github = new FakeGitHub();
    const error = 'claude reported an error: Invalid API key';
    const fingerprint = failureFingerprint('auth', error);
    const failure = { fingerprint, kind: 'auth' as const, status: 'resumed' as const, error, beats: [], steering: 's', since: '2026-11-23T11:00:00Z', issue: 7, nonce: '00112233445566778899aabb', seen: [], resumed: 'x' };
    store.files.set(failurePath(fingerprint), formatFailure(failure));
    const state = await store.load();
    store.commit = () => Promise.reject(new Error('git push failed: the remote end hung up'));
    const context = { github, store, beat: 'b9', runId: undefined, runUrl: undefined, repositoryUrl: undefined, at: new Date('2026-11-23T12:00:00Z'), now: () => new Date('2026-11-23T12:00:00Z'), approvers: [], commandTimeoutMs: 1000, fix: { runner: 'custom' as const, model: undefined } };
    const failures = { count: 1, lastAt: '2026-11-23T12:00:00Z', lastError: error, fingerprint, streak: 1, beats: [{ beat: 'b9', at: '2026-11-23T12:00:00Z' }] };
    await expect(pauseOnFailure(state, failures, 'auth', context)).rejects.toThrow('git push failed');
    // With a store that pushes, the pause gets its own issue, and the named one is left alone.
    const working = new MemoryStore();
    working.files.set(failurePath(fingerprint), formatFailure(failure));
    const paused = await pauseOnFailure(await working.load(), failures, 'auth', { ...context, store: working });
    expect(github.issues.map((issue) => issue.labels)).toEqual([['looop:failure']]);
    expect(paused.failures[0]?.failure.issue).toBe(1);
    expect(paused.journal.some((line) => line.includes('names #7, which the loop did not open'))).toBe(true);
  });
});

describe("a failure issue another beat is opening", () => {
  it('is left to that beat while its claim may live, with the time to look again; once the claim is settled, this beat opens it', async () => {
    const store = new MemoryStore();
    const github = new FakeGitHub();
    const error = 'claude reported an error: Invalid API key';
    const fingerprint = failureFingerprint('auth', error);
    const steering = steeringPrint(await store.load());
    const failure = { fingerprint, kind: 'auth' as const, status: 'paused' as const, error, beats: [], steering, since: '2026-11-23T11:00:00Z', nonce: '00112233445566778899aabb', seen: [], creating: { beat: 'b8', runId: '80', at: '2026-11-23T11:59:00.000Z' } };
    store.files.set(failurePath(fingerprint), formatFailure(failure));
    const at = new Date('2026-11-23T12:00:00Z');
    const context = { github, store, beat: 'b9', runId: '90', runUrl: undefined, repositoryUrl: undefined, askFileUrl: undefined, at, now: () => at, approvers: [], commandTimeoutMs: 1000, fix: { runner: 'custom' as const, model: undefined }, act: { allow: [], holds: [], interrupted: [], runCommand: () => Promise.reject(new Error('no command runs here')), beat: 'b9' } };
    github.runs.set('80', 'running');
    const left = await failures.reconcile(await store.load(), context);
    expect(left.state.failures[0]?.failure.status).toBe('paused');
    expect(github.issues).toEqual([]);
    expect(left.lookAgainAt?.toISOString()).toBe('2026-11-23T12:04:01.000Z');

    github.runs.set('80', 'finished');
    const opened = await failures.reconcile(await store.load(), context);
    expect(github.issues.map((issue) => issue.labels)).toEqual([['looop:failure']]);
    expect(opened.state.failures[0]?.failure.issue).toBe(1);
    expect(opened.lookAgainAt).toBeUndefined();
  });
});
