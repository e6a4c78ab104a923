import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway world: a bare repository as `origin`, a clone as the workspace (what
 * actions/checkout leaves), and an empty HOME so no global git config can help or hurt.
 */
export interface Sandbox {
  readonly root: string;
  readonly origin: string;
  readonly workspace: string;
  readonly home: string;
  readonly temp: string;
  /** The environment the action and git run with: nothing from the developer's machine. */
  readonly env: Record<string, string>;
  /** git in the workspace (or another dir), as a person would run it. */
  git(args: readonly string[], cwd?: string): string;
  /** A file of the state branch on origin, or null when absent. */
  stateFile(file: string, branch?: string): string | null;
  /** Commit subjects of the state branch on origin, newest first. */
  stateLog(branch?: string): string[];
  /** Writes an executable script and returns its path. */
  script(name: string, body: string): string;
  cleanup(): void;
}

const PERSON = ['-c', 'user.name=Test Person', '-c', 'user.email=person@example.com', '-c', 'commit.gpgsign=false'];

export function baseEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    LANG: 'C.UTF-8',
  };
}

export function makeSandbox(): Sandbox {
  const root = mkdtempSync(path.join(os.tmpdir(), 'looop-test-'));
  const origin = path.join(root, 'origin.git');
  const workspace = path.join(root, 'workspace');
  const home = path.join(root, 'home');
  const temp = path.join(root, 'tmp');
  for (const dir of [home, temp]) mkdirSync(dir);
  const env = baseEnv(home);
  const git = (args: readonly string[], cwd = workspace): string =>
    execFileSync('git', [...PERSON, ...args], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git(['init', '-q', '--bare', '-b', 'main', origin], root);
  // As GitHub serves a fetch and takes a push: blobs a partial fetch asks to leave out are left
  // out, and no garbage collection runs inside a push.
  git(['config', 'uploadpack.allowFilter', 'true'], origin);
  git(['config', 'receive.autogc', 'false'], origin);
  git(['clone', '-q', origin, workspace], root);
  writeFileSync(path.join(workspace, 'README.md'), '# a project\n');
  git(['add', '.']);
  git(['commit', '-q', '-m', 'first commit']);
  git(['push', '-q', 'origin', 'HEAD:main']);
  return {
    root,
    origin,
    workspace,
    home,
    temp,
    env,
    git,
    stateFile(file, branch = 'loop-state') {
      try {
        return git(['show', `${branch}:${file}`], origin);
      } catch {
        return null;
      }
    },
    stateLog(branch = 'loop-state') {
      try {
        return git(['log', '--format=%s', branch], origin).trim().split('\n').filter(Boolean);
      } catch {
        return [];
      }
    },
    script(name, body) {
      const file = path.join(root, name);
      writeFileSync(file, body);
      chmodSync(file, 0o755);
      return file;
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A person's change to the state branch, pushed to origin as a merged pull request would be. */
export function pushStateChange(sandbox: Sandbox, files: Readonly<Record<string, string | null>>, options: { executable?: string[]; branch?: string } = {}): void {
  const branch = options.branch ?? 'loop-state';
  const dir = mkdtempSync(path.join(sandbox.root, 'person-'));
  sandbox.git(['clone', '-q', '--branch', branch, sandbox.origin, dir], sandbox.root);
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(dir, file);
    if (content === null) {
      rmSync(full, { force: true });
      continue;
    }
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    if (options.executable?.includes(file) === true) chmodSync(full, 0o755);
  }
  sandbox.git(['add', '-A'], dir);
  sandbox.git(['commit', '-q', '-m', 'a person steers'], dir);
  sandbox.git(['push', '-q', 'origin', `HEAD:${branch}`], dir);
  rmSync(dir, { recursive: true, force: true });
}
