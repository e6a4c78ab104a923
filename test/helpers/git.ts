import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { quoted } from '../../src/io/git-tree.ts';

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

function gitIn(env: Record<string, string>, cwd: string, args: readonly string[], input?: string): string {
  return execFileSync('git', [...PERSON, ...args], { cwd, env, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...(input === undefined ? {} : { input }) });
}

/** Where vitest's global setup made the template (test/setup/sandbox-template.ts), for every worker. */
export const TEMPLATE_VARIABLE = 'LOOOP_TEST_SANDBOX_TEMPLATE';

/**
 * The world every sandbox starts as: a bare origin with one commit on main, and its clone, in
 * `root`. Copied, it is a few dozen files instead of a dozen git processes.
 */
export function makeTemplate(root: string): void {
  const home = path.join(root, 'home');
  mkdirSync(home);
  const git = (args: readonly string[], cwd: string): string => gitIn(baseEnv(home), cwd, args);
  const origin = path.join(root, 'origin.git');
  const workspace = path.join(root, 'workspace');
  git(['init', '-q', '--bare', '-b', 'main', origin], root);
  // As GitHub serves a fetch and takes a push: blobs a partial fetch asks to leave out are left
  // out, and no garbage collection runs inside a push.
  git(['config', 'uploadpack.allowFilter', 'true'], origin);
  git(['config', 'receive.autogc', 'false'], origin);
  git(['clone', '-q', origin, workspace], root);
  writeFileSync(path.join(workspace, 'README.md'), '# a project\n');
  git(['add', '.'], workspace);
  git(['commit', '-q', '-m', 'first commit'], workspace);
  git(['push', '-q', 'origin', 'HEAD:main'], workspace);
}

let template: string | undefined;

/** The global setup's template, or outside vitest one made here and removed at exit. */
function templateRoot(): string {
  template ??= process.env[TEMPLATE_VARIABLE];
  if (template !== undefined) return template;
  const root = mkdtempSync(path.join(os.tmpdir(), 'looop-template-'));
  process.once('exit', () => {
    rmSync(root, { recursive: true, force: true });
  });
  makeTemplate(root);
  template = root;
  return root;
}

export function makeSandbox(): Sandbox {
  const root = mkdtempSync(path.join(os.tmpdir(), 'looop-test-'));
  const origin = path.join(root, 'origin.git');
  const workspace = path.join(root, 'workspace');
  const home = path.join(root, 'home');
  const temp = path.join(root, 'tmp');
  for (const dir of [home, temp]) mkdirSync(dir);
  const env = baseEnv(home);
  const git = (args: readonly string[], cwd = workspace): string => gitIn(env, cwd, args);
  const from = templateRoot();
  cpSync(path.join(from, 'origin.git'), origin, { recursive: true });
  cpSync(path.join(from, 'workspace'), workspace, { recursive: true });
  // The clone names its origin by path: this sandbox's own.
  const config = path.join(workspace, '.git/config');
  writeFileSync(config, readFileSync(config, 'utf8').replaceAll(path.join(from, 'origin.git'), origin));
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

/**
 * A person's change to the state branch, landed on origin as a merged pull request lands: a
 * commit of theirs on the branch's tip (written into origin by git fast-import, one process,
 * where a clone, a commit and a push took ten). A null content deletes the path; a file is
 * written executable only when `executable` names it, whatever its mode was before.
 */
export function pushStateChange(sandbox: Sandbox, files: Readonly<Record<string, string | null>>, options: { executable?: string[]; branch?: string } = {}): void {
  const branch = options.branch ?? 'loop-state';
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const stream = [`commit refs/heads/${branch}\ncommitter Test Person <person@example.com> ${Math.floor(Date.now() / 1000)} +0000\n${data('a person steers')}from refs/heads/${branch}^0\n`];
  for (const [file, content] of Object.entries(files)) {
    if (content === null) stream.push(`D ${quoted(file)}\n`);
    else stream.push(`M ${options.executable?.includes(file) === true ? '100755' : '100644'} inline ${quoted(file)}\n${data(content)}`);
  }
  gitIn(sandbox.env, sandbox.origin, ['fast-import', '--quiet', '--done'], `${stream.join('')}\ndone\n`);
}
