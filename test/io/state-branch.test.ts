import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGit } from '../../src/io/git.ts';
import { openStateBranch, type StateBranchOptions } from '../../src/io/state-branch.ts';
import { textOf, treeFromDir } from '../../src/state/tree.ts';
import { PROJECT } from '../helpers/action.ts';
import { makeSandbox, pushStateChange, type Sandbox } from '../helpers/git.ts';
import { startGitHttp } from '../helpers/git-http.ts';

let sandbox: Sandbox;
let options: StateBranchOptions;
beforeEach(async () => {
  sandbox = makeSandbox();
  options = {
    git: createGit({ env: sandbox.env }),
    url: sandbox.origin,
    branch: 'loop-state',
    tempDir: sandbox.temp,
    template: await treeFromDir(path.join(PROJECT, 'loop-state')),
    dryRun: false,
    now: () => new Date('2026-11-23T12:00:00Z'),
  };
});
afterEach(() => {
  sandbox.cleanup();
});

const record = (beat: string, files: Record<string, string | null> = {}) => ({ files, journal: [`| 2026-11-23T12:00:00Z | ${beat} | noop | x | ok | |`], message: `beat ${beat}` });

/** Creates the state branch on origin, as a first beat would. */
async function seedBranch(): Promise<void> {
  await using seed = await openStateBranch(options);
  await seed.commit(record('seed'));
}

/** Everything in a git directory that git could have added to: refs, shallow marker, config, worktrees. */
function gitDirState(dir: string): string {
  const walk = (relative: string): string[] =>
    readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(relative, entry.name);
      if (file.startsWith('objects') || file === 'logs') return [];
      return entry.isDirectory() ? walk(file) : [`${file}:${readFileSync(path.join(dir, file), 'utf8')}`];
    });
  return walk('').sort().join('\n');
}

describe('the state branch', () => {
  it('is seeded from the template with its executable bits, and pushed at once', async () => {
    await using branch = await openStateBranch(options);
    expect(branch.seeded).toBe(true);
    expect(sandbox.stateLog()).toEqual(['looop: seed the state branch from loop-state/']);
    await branch.commit(record('b1'));
    expect(sandbox.stateLog()).toEqual(['beat b1', 'looop: seed the state branch from loop-state/']);
    const mode = sandbox.git(['ls-tree', 'loop-state', 'sensors/repo-head.sh'], sandbox.origin).split(' ')[0];
    expect(mode).toBe('100755');
  });

  it('seeds nothing on a dry run: the branch stays missing', async () => {
    await using branch = await openStateBranch({ ...options, dryRun: true });
    expect(branch.seeded).toBe(true);
    expect(textOf(branch.tree(), 'PLAYBOOK.md')).toContain('PLAYBOOK');
    expect(sandbox.stateLog()).toEqual([]);
  });

  it('of two first beats, one seeds and the other reads its branch', async () => {
    await using first = await openStateBranch(options);
    await using second = await openStateBranch(options);
    expect([first.seeded, second.seeded]).toEqual([true, false]);
    expect(sandbox.stateLog()).toEqual(['looop: seed the state branch from loop-state/']);
  });

  it('leaves the checkout as it found it: no ref, shallow marker, worktree or config added', async () => {
    await seedBranch();
    pushStateChange(sandbox, { 'goals/one.md': '1\n' });
    const before = gitDirState(path.join(sandbox.workspace, '.git'));
    await using branch = await openStateBranch(options);
    await branch.commit(record('b', { 'goals/two.md': '2\n' }));
    expect(textOf(branch.tree(), 'goals/one.md')).toBe('1\n');
    expect(gitDirState(path.join(sandbox.workspace, '.git'))).toBe(before);
  });

  it('re-applies a record on the new head when another beat pushed first', async () => {
    await seedBranch();
    await using a = await openStateBranch(options);
    await using b = await openStateBranch(options);
    const first = await a.commit(record('a', { 'goals/a.md': 'A\n' }));
    const second = await b.commit(record('b', { 'goals/b.md': 'B\n' }));

    // a pushed on the head as it read it; b's push on that same head was refused, and b wrote its record again on a's.
    expect(first.attempts).toBe(1);
    expect(second.attempts).toBe(2);
    expect(sandbox.stateLog().slice(0, 3)).toEqual(['beat b', 'beat a', 'beat seed']);
    expect(sandbox.stateFile('goals/a.md')).toBe('A\n');
    expect(sandbox.stateFile('goals/b.md')).toBe('B\n');
    const journal = sandbox.stateFile('journal.md') ?? '';
    expect(journal.match(/\| (seed|a|b) \|/g)).toEqual(['| seed |', '| a |', '| b |']);
  });

  it('writes each record on the head as the beat holds it, fetching nothing after its read, until a push is refused', async () => {
    await seedBranch();
    pushStateChange(sandbox, { 'goals/person.md': '# a person\n' });
    // A git that notes each of its calls, to count the fetches.
    const calls = path.join(sandbox.root, 'git-calls');
    const bin = path.join(sandbox.root, 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${calls}'\nexec ${execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()} "$@"\n`, { mode: 0o755 });
    const git = createGit({ env: { ...sandbox.env, PATH: `${bin}:${sandbox.env.PATH}` } });
    const counted = (verb: string) => () => readFileSync(calls, 'utf8').split('\n').filter((line) => line.split(' ').includes(verb)).length;
    const fetches = counted('fetch');
    const imports = counted('fast-import');
    await using branch = await openStateBranch({ ...options, git });
    expect(fetches()).toBe(1);
    for (const beat of ['one', 'two', 'three']) expect((await branch.commit(record(beat, { [`goals/${beat}.md`]: `${beat}\n` }))).attempts).toBe(1);
    expect(fetches()).toBe(1);
    // Each record is one git fast-import, the beat's earlier commits written again in its stream.
    expect(imports()).toBe(3);
    expect(sandbox.stateLog().slice(0, 4)).toEqual(['beat three', 'beat two', 'beat one', 'a person steers']);
    for (const beat of ['one', 'two', 'three']) expect(sandbox.stateFile(`goals/${beat}.md`)).toBe(`${beat}\n`);
    expect(sandbox.stateFile('goals/person.md')).toBe('# a person\n');
    expect((sandbox.stateFile('journal.md') ?? '').match(/\| (seed|one|two|three) \|/g)).toEqual(['| seed |', '| one |', '| two |', '| three |']);
    // Another beat lands first: the next record is refused once, fetched for, and written on its head.
    pushStateChange(sandbox, { 'goals/meanwhile.md': '# meanwhile\n' });
    expect((await branch.commit(record('four', { 'goals/four.md': 'four\n' }))).attempts).toBe(2);
    expect(fetches()).toBe(2);
    expect(sandbox.stateFile('goals/meanwhile.md')).toBe('# meanwhile\n');
    expect(sandbox.stateFile('goals/four.md')).toBe('four\n');
  });

  it('never brings back what a person took away by rewinding the branch during the beat', async () => {
    await seedBranch();
    await using branch = await openStateBranch(options);
    await branch.commit(record('one', { 'goals/one.md': 'one\n' }));
    const before = sandbox.git(['rev-parse', 'loop-state'], sandbox.origin).trim();
    await branch.commit(record('two', { 'goals/two.md': 'two\n' }));
    // A person resets the branch to before "two": the beat's next record goes on what they left.
    sandbox.git(['update-ref', 'refs/heads/loop-state', before], sandbox.origin);
    expect((await branch.commit(record('three', { 'goals/three.md': 'three\n' }))).attempts).toBe(2);
    expect(sandbox.stateLog().slice(0, 2)).toEqual(['beat three', 'beat one']);
    expect(sandbox.stateFile('goals/two.md')).toBeNull();
    expect(sandbox.stateFile('goals/three.md')).toBe('three\n');
  });

  it('says the branch was deleted, when it was while the beat ran', async () => {
    await seedBranch();
    await using branch = await openStateBranch(options);
    await branch.commit(record('one', { 'goals/one.md': 'one\n' }));
    sandbox.git(['update-ref', '-d', 'refs/heads/loop-state'], sandbox.origin);
    await expect(branch.commit(record('two', { 'goals/two.md': 'two\n' }))).rejects.toThrow(/was deleted while this beat ran/);
  });

  it('retries a push that a racing beat beat to it, and keeps both records', async () => {
    await seedBranch();
    await using a = await openStateBranch(options);
    await using b = await openStateBranch(options);
    const [one, two] = await Promise.all([a.commit(record('a', { 'goals/a.md': 'A\n' })), b.commit(record('b', { 'goals/b.md': 'B\n' }))]);
    expect(one.attempts + two.attempts).toBeGreaterThanOrEqual(2);
    expect(sandbox.stateFile('goals/a.md')).toBe('A\n');
    expect(sandbox.stateFile('goals/b.md')).toBe('B\n');
    expect((sandbox.stateFile('journal.md') ?? '').match(/\| (a|b) \|/g)?.sort()).toEqual(['| a |', '| b |']);
  });

  it("keeps a person's change that landed during the beat", async () => {
    await seedBranch();
    await using beat = await openStateBranch(options);
    pushStateChange(sandbox, { 'PLAYBOOK.md': '# Edited by a person\n' });
    await beat.commit(record('late', { 'goals/x.md': 'X\n' }));
    expect(sandbox.stateFile('PLAYBOOK.md')).toBe('# Edited by a person\n');
    expect(sandbox.stateFile('goals/x.md')).toBe('X\n');
  });

  it('commits nothing when the record changes nothing', async () => {
    await seedBranch();
    await using branch = await openStateBranch(options);
    const result = await branch.commit({ files: { 'PLAYBOOK.md': textOf(branch.tree(), 'PLAYBOOK.md') }, journal: [], message: 'nothing' });
    expect(result.sha).toBeUndefined();
    expect(sandbox.stateLog()).toHaveLength(2);
  });

  it('gives up after bounded attempts when the push keeps being rejected, saying so', async () => {
    await seedBranch();
    // A pre-receive hook that rejects every update: the push is refused every time.
    writeFileSync(path.join(sandbox.origin, 'hooks/pre-receive'), '#!/bin/sh\necho "protected" >&2\nexit 1\n', { mode: 0o755 });
    await using branch = await openStateBranch({ ...options, maxPushAttempts: 2 });
    await expect(branch.commit(record('x', { 'goals/x.md': 'X\n' }))).rejects.toThrow(/gave up pushing to "loop-state" after 2 attempts|could not push/);
  });

  it('never writes outside the state tree', async () => {
    await using branch = await openStateBranch(options);
    await expect(branch.commit({ files: { '.github/workflows/evil.yml': 'on: push' }, journal: [], message: 'evil' })).rejects.toThrow(/outside the loop's state tree/);
    await expect(branch.commit({ files: { 'goals/../../x': 'x' }, journal: [], message: 'evil' })).rejects.toThrow(/outside/);
  });

  it("keeps people's files outside the state roots (.github/) as they are", async () => {
    await seedBranch();
    pushStateChange(sandbox, { '.github/workflows/looop-steer.yml': 'on: push\n' });
    await using branch = await openStateBranch(options);
    await branch.commit(record('b', { 'goals/x.md': 'X\n' }));
    expect(sandbox.stateFile('.github/workflows/looop-steer.yml')).toBe('on: push\n');
  });

  it('fetches whole, in a second fetch, a file the loop reads that is as long as a fetch leaves out (a bundled sensor)', async () => {
    await seedBranch();
    const script = `#!/bin/sh\n# ${'x'.repeat(2 * 1024 * 1024)}\necho '{"signal": 1}'\n`;
    pushStateChange(sandbox, { 'sensors/bundled.sh': script, 'goals/small.md': '# small\n' }, { executable: ['sensors/bundled.sh'] });
    await using branch = await openStateBranch(options);
    expect(textOf(branch.tree(), 'sensors/bundled.sh')).toBe(script);
    expect(textOf(branch.tree(), 'goals/small.md')).toBe('# small\n');
    expect(readFileSync(path.join(branch.view, 'sensors/bundled.sh'), 'utf8')).toBe(script);
    expect(statSync(path.join(branch.view, 'sensors/bundled.sh')).mode & 0o111).not.toBe(0);
  });

  it('holds the state in a view for sensors, with executable bits, and removes it when disposed', async () => {
    await seedBranch();
    const view = await (async () => {
      await using branch = await openStateBranch(options);
      expect(statSync(path.join(branch.view, 'sensors/repo-head.sh')).mode & 0o111).not.toBe(0);
      expect(readFileSync(path.join(branch.view, 'PLAYBOOK.md'), 'utf8')).toContain('PLAYBOOK');
      return branch.view;
    })();
    expect(existsSync(view)).toBe(false);
    // No repository of the action's is left behind either.
    expect(readdirSync(sandbox.temp)).toEqual([]);
  });

  it('sees a symbolic link on the branch as a link: never followed, never in the view', async () => {
    await seedBranch();
    const secret = path.join(sandbox.root, 'secret.txt');
    writeFileSync(secret, 'the token\n');
    const person = path.join(sandbox.root, 'person');
    sandbox.git(['clone', '-q', '--branch', 'loop-state', sandbox.origin, person], sandbox.root);
    sandbox.git(['-c', 'core.symlinks=true', 'rm', '-q', 'PLAYBOOK.md'], person);
    const { symlinkSync } = await import('node:fs');
    symlinkSync(secret, path.join(person, 'PLAYBOOK.md'));
    symlinkSync('../../..', path.join(person, 'goals/up'));
    sandbox.git(['add', '-A'], person);
    sandbox.git(['commit', '-q', '-m', 'links'], person);
    sandbox.git(['push', '-q', 'origin', 'HEAD:loop-state'], person);

    await using branch = await openStateBranch(options);
    expect(branch.tree().get('PLAYBOOK.md')).toEqual({ kind: 'link' });
    expect(textOf(branch.tree(), 'PLAYBOOK.md')).toBeNull();
    expect(existsSync(path.join(branch.view, 'PLAYBOOK.md'))).toBe(false);
    expect(() => lstatSync(path.join(branch.view, 'goals/up'))).toThrow();
    // Writing the path puts a regular file where the link was; the file it pointed to is untouched.
    await branch.commit(record('b', { 'PLAYBOOK.md': '# New\n', 'goals/up/x.md': 'X\n' }));
    expect(readFileSync(secret, 'utf8')).toBe('the token\n');
    expect(sandbox.git(['ls-tree', 'loop-state', 'PLAYBOOK.md'], sandbox.origin).split(' ')[0]).toBe('100644');
    expect(sandbox.stateFile('goals/up/x.md')).toBe('X\n');
  });
});

describe('the state branch over HTTPS, as on GitHub', () => {
  it('authenticates with the token through the credential helper, and with nothing else', async () => {
    const token = 'ghs_0123456789abcdefghij';
    const server = await startGitHttp(sandbox.root, token);
    try {
      const git = createGit({ env: sandbox.env, token });
      await using branch = await openStateBranch({ ...options, git, url: server.url(sandbox.origin) });
      await branch.commit(record('b1', { 'goals/x.md': 'X\n' }));
      expect(sandbox.stateFile('goals/x.md')).toBe('X\n');
      expect(server.requests.some((r) => r.authorized && r.path.endsWith('git-receive-pack'))).toBe(true);

      const anonymous = createGit({ env: sandbox.env });
      await expect(openStateBranch({ ...options, git: anonymous, url: server.url(sandbox.origin) })).rejects.toThrow(/could not fetch the state branch/);
    } finally {
      await server.close();
    }
  });

  it("gives the token to no other host, even when a repository's config rewrites the URL to one", async () => {
    const token = 'ghs_0123456789abcdefghij';
    const real = await startGitHttp(sandbox.root, token);
    const other = await startGitHttp(sandbox.root, token);
    try {
      // What a process that outlived its group could write into a repository of the action's between two git steps.
      const repo = mkdtempSync(path.join(sandbox.root, 'repo-'));
      execFileSync('git', ['init', '-q', '--bare', repo]);
      execFileSync('git', ['--git-dir', repo, 'config', `url.${other.url(sandbox.origin)}.insteadOf`, real.url(sandbox.origin)]);
      const git = createGit({ env: sandbox.env, token });
      const fetched = await git.tryRun(['fetch', '--no-tags', real.url(sandbox.origin), 'refs/heads/main'], { cwd: repo, repo, remote: real.url(sandbox.origin) });
      expect(fetched.ok).toBe(false);
      expect(other.requests.length).toBeGreaterThan(0);
      expect(other.requests.some((r) => r.authorized)).toBe(false);
    } finally {
      await real.close();
      await other.close();
    }
  });
});
