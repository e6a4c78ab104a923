/**
 * A fetch and the read after it run as one process tree, so git goes from one to the other while
 * the action's main thread is busy: a shell runs the first git command, then the second. No word
 * of either command is read by that shell.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGit } from '../../src/io/git.ts';
import { makeSandbox, type Sandbox } from '../helpers/git.ts';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => {
  sandbox.cleanup();
});

describe('git, then git', () => {
  it('runs the second command once the first succeeded, its output after the first', async () => {
    const git = createGit({ env: sandbox.env });
    const result = await git.run(['rev-parse', 'HEAD'], { cwd: sandbox.workspace, then: ['log', '-1', '--format=%s'] });
    expect(result.stdout).toBe(`${sandbox.git(['rev-parse', 'HEAD']).trim()}\nfirst commit\n`);
  });

  it('does not run the second when the first fails, and fails with it', async () => {
    const git = createGit({ env: sandbox.env });
    const marker = path.join(sandbox.root, 'ran');
    const result = await git.tryRun(['rev-parse', '--verify', 'no-such-ref'], { cwd: sandbox.workspace, then: ['config', '--file', marker, 'a.b', 'c'] });
    expect(result.ok).toBe(false);
    expect(existsSync(marker)).toBe(false);
  });

  it('passes every word as it is: quotes, dollars, spaces and more than nine of them', async () => {
    const git = createGit({ env: sandbox.env });
    const hostile = ['$(touch pwned)', '`touch pwned`', 'a b', '"q"', "'s'", '\\', '*', ';', '|', '&&', 'x'];
    const file = path.join(sandbox.root, 'config');
    const result = await git.run(['config', '--file', file, 'a.b', hostile.join(' ')], { cwd: sandbox.workspace, then: ['config', '--file', file, '--get', 'a.b'] });
    expect(result.stdout).toBe(`${hostile.join(' ')}\n`);
    expect(existsSync(path.join(sandbox.workspace, 'pwned'))).toBe(false);
  });
});
