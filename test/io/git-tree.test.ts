/**
 * A record's commit and its push are one process: fast-import, then the push of the ref it
 * wrote, chained. What fails is said as itself: a commit that could not be written is never
 * reported as a push the remote refused, and nothing is pushed after it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGit, GitError, type Git } from '../../src/io/git.ts';
import { COMMIT_REF, writeAndPush, type NewCommit } from '../../src/io/git-tree.ts';
import { makeRepo } from '../../src/io/state-fetch.ts';
import { makeSandbox, type Sandbox } from '../helpers/git.ts';

let sandbox: Sandbox;
let git: Git;
let repo: string;
beforeEach(() => {
  sandbox = makeSandbox();
  git = createGit({ env: sandbox.env });
  repo = makeRepo(sandbox.temp);
});
afterEach(() => {
  sandbox.cleanup();
});

const commit: NewCommit = { changes: [{ op: 'write', path: 'a.txt', content: Buffer.from('a\n'), executable: false }], message: 'a commit', at: new Date('2026-11-23T12:00:00Z') };
const push = (): { args: string[]; remote: string } => ({ args: ['push', '--porcelain', '--force-with-lease=refs/heads/side:', sandbox.origin, `${COMMIT_REF}:refs/heads/side`], remote: sandbox.origin });

describe('writeAndPush', () => {
  it('writes the commit and pushes it in one go, answering with the push', async () => {
    const { written, pushed } = await writeAndPush(git, repo, commit, push());
    expect(pushed.ok, pushed.stderr).toBe(true);
    expect(pushed.stdout).toMatch(/refs\/looop\/commit:refs\/heads\/side/);
    expect(sandbox.git(['rev-parse', 'side'], sandbox.origin).trim()).toBe(written.sha);
  });

  it('answers a refused push as the push, the commit written', async () => {
    // The lease says the branch is missing; it is not.
    sandbox.git(['push', '-q', 'origin', 'HEAD:refs/heads/side']);
    const { written, pushed } = await writeAndPush(git, repo, commit, push());
    expect(pushed.ok).toBe(false);
    expect(pushed.firstFailed).toBeUndefined();
    expect(`${pushed.stdout}${pushed.stderr}`).toMatch(/rejected|stale info/);
    expect(written.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('throws a fast-import that failed after saying its commit (a ref it cannot lock), and pushes nothing', async () => {
    mkdirSync(path.dirname(path.join(repo, COMMIT_REF)), { recursive: true });
    writeFileSync(path.join(repo, `${COMMIT_REF}.lock`), '');
    const attempt = writeAndPush(git, repo, commit, push());
    await expect(attempt).rejects.toThrow(GitError);
    await expect(attempt).rejects.toThrow(/git fast-import failed: .*lock/);
    expect(() => sandbox.git(['rev-parse', '--verify', 'side'], sandbox.origin)).toThrow();
  });
});
