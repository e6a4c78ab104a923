import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT, RUNNERS } from '../helpers/action.ts';
import { makeLoop } from '../helpers/loop.ts';

/**
 * What a user gets from `npx looop-action`: the packed tarball, installed into an empty folder
 * with npm offline and an empty cache, so the package must carry everything it runs (the
 * bundle) and need nothing from a registry.
 */
let root: string;
let installed: string;
let packed: { files: { path: string }[]; filename: string };

// npm and npx run on the Node of this test (24, first on PATH under npm run and vitest).
const PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;
const npmEnv = () => ({ PATH, HOME: path.join(root, 'home'), npm_config_cache: path.join(root, 'cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, env: npmEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

beforeAll(() => {
  if (!existsSync(path.join(PROJECT, 'dist/cli/index.js'))) throw new Error('dist/ is missing: run "npm run bundle" first');
  root = mkdtempSync(path.join(os.tmpdir(), 'looop-package-'));
  mkdirSync(path.join(root, 'home'));
  [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', root], PROJECT)) as [typeof packed];
  installed = path.join(root, 'user');
  mkdirSync(installed);
  writeFileSync(path.join(installed, 'package.json'), '{ "private": true }\n');
  npm(['install', '--offline', '--no-audit', '--no-fund', path.join(root, packed.filename)], installed);
}, 180_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function npx(args: string[], env: Record<string, string> = {}) {
  return spawnSync('npx', ['--no', '--offline', 'looop-action', ...args], { cwd: installed, env: { ...npmEnv(), ...env }, encoding: 'utf8', timeout: 60_000 });
}

describe('the npm package', () => {
  it('holds the bundle, the action, the state template and the documents, and no source or test', () => {
    const files = packed.files.map((f) => f.path);
    for (const file of ['action.yml', 'dist/index.js', 'dist/cli/index.js', 'loop-state/PLAYBOOK.md', 'templates/looop-steer.yml', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) expect(files).toContain(file);
    expect(files.filter((f) => !/^(dist|loop-state|templates)\//.test(f)).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'action.yml', 'package.json']);
  });

  it('declares no dependency to fetch: everything it runs is bundled in dist/', () => {
    const manifest = JSON.parse(readFileSync(path.join(installed, 'node_modules/looop-action/package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
    expect(manifest.private).toBeUndefined();
    expect(manifest.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/github\.com\/[^/]+\/looop-action\.git$/) as unknown });
  });

  it('runs npx looop-action --help and --version from the installed package', () => {
    const help = npx(['--help']);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^looop-action <command> \[arguments\]/);
    const version = npx(['--version']);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('replays a prompt file through a custom runner from the installed package', () => {
    const prompt = path.join(root, 'prompt.md');
    writeFileSync(prompt, '# a prompt\n');
    const seen = path.join(root, 'seen.md');
    const move = { type: 'goal_write', reason: 'replayed', slug: 'x', body: '# X' };
    const run = npx(['replay', '--prompt-file', prompt, '--runner', 'custom', '--tick-command', `'${process.execPath}' '${RUNNERS}/replay.js' text`], {
      LOOOP_TEST_ANSWER: JSON.stringify(move),
      LOOOP_TEST_PROMPT_OUT: seen,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(move);
    expect(run.stderr).toMatch(/^replayed the prompt in .*prompt\.md with custom in \d+ ms/);
    expect(readFileSync(seen, 'utf8')).toBe('# a prompt\n');
  });

  it("lists and replays a beat recorded on a checkout's state branch with the installed command", async () => {
    const loop = makeLoop();
    try {
      await loop.beat(JSON.stringify({ type: 'noop', reason: 'first' }), { runId: '314' });
      const bin = path.join(installed, 'node_modules/.bin/looop-action');
      const env = { ...loop.sandbox.env, PATH, LOOOP_TEST_ANSWER: JSON.stringify({ type: 'noop', reason: 'again' }) };
      const listed = spawnSync(bin, ['replay'], { cwd: loop.sandbox.workspace, env, encoding: 'utf8' });
      expect(listed.stdout, listed.stderr).toContain('\n  314-1\n');
      const replayed = spawnSync(bin, ['replay', '314-1', '--runner', 'custom', '--tick-command', `'${process.execPath}' '${RUNNERS}/replay.js' text`], { cwd: loop.sandbox.workspace, env, encoding: 'utf8' });
      expect(replayed.status, replayed.stderr).toBe(0);
      expect(JSON.parse(replayed.stdout)).toEqual({ type: 'noop', reason: 'again' });
    } finally {
      loop.sandbox.cleanup();
    }
  });
});
