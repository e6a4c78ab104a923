import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { describeExit, runProcess } from './process.ts';
import { resolveProgram } from './programs.ts';

export { LOOP_IDENTITY } from '../state/identity.ts';

/**
 * The credential helper git runs when a server asks for a password: it prints the user name and
 * copies what the action wrote to file descriptor 3. The token is never in a config file, in
 * git's environment or in any command line, all of which other processes of the user can read.
 * It answers only the host of the URL the action named (the first line on descriptor 3): a
 * repository config rewritten meanwhile (an `insteadOf` to another host) gets no token.
 */
const CREDENTIAL_HELPER =
  '!f() { test "$1" = get || return 0; host=; while IFS= read -r line && test -n "$line"; do case "$line" in host=*) host="${line#host=}";; esac; done; IFS= read -r want <&3; test -n "$want" && test "$host" = "$want" || return 0; echo username=x-access-token; IFS= read -r line <&3; printf "%s\\n" "$line"; }; f';

/** The host of an http(s) URL: the only one the token is for ('' for another kind of URL, which gets none). */
function tokenHost(url: string): string {
  if (!/^https?:\/\//.test(url)) return '';
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * Settings passed with every git command. No hooks, fsmonitor or signing: they would run code
 * or prompt inside the loop's own git. Helpers from any config are dropped before ours is set.
 */
const perCommandConfig = [
  'core.hooksPath=/dev/null',
  'core.fsmonitor=false',
  'commit.gpgsign=false',
  'tag.gpgsign=false',
  'advice.detachedHead=false',
  'core.quotePath=false',
  'protocol.ext.allow=never',
  'maintenance.auto=false',
  'gc.auto=0',
  'credential.helper=',
  `credential.helper=${CREDENTIAL_HELPER}`,
].flatMap((setting) => ['-c', setting]);

const GIT_TIMEOUT_MS = 120_000;

export class GitError extends Error {
  override name = 'GitError';
  readonly stderr: string;
  constructor(message: string, stderr: string) {
    super(message);
    this.stderr = stderr;
  }
}

export interface GitResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
  /** With `then`: the first command failed, and what follows did not run. */
  readonly firstFailed?: boolean;
}

export interface GitCall {
  /** The checkout git runs in, or the bare repository (then named as GIT_DIR and GIT_COMMON_DIR). */
  readonly cwd: string;
  /**
   * A bare repository of the action's own. Named by environment, GIT_COMMON_DIR included, so a
   * `commondir` file planted in it cannot point git at someone else's config.
   */
  readonly repo?: string;
  readonly stdin?: string | Buffer | Readable;
  /** Stdout is written here as it comes, not kept (a blob too long to hold). */
  readonly stdoutTo?: Writable;
  /** The URL it talks to: the credential helper gives the token to that URL's host, and to no other. */
  readonly remote?: string;
  /**
   * Git arguments run next, once the command succeeded, by the same process: what they print
   * follows. Git goes from one to the other while the action's main thread is busy elsewhere.
   */
  readonly then?: readonly string[];
  /** Stdout past this many bytes kills the process: the result is then not ok. */
  readonly maxStdoutBytes?: number;
}

/** Git behind the one process runner, isolated from any config or program a sensor or command could plant. */
export interface Git {
  /** Runs git; throws GitError on failure. */
  run(args: readonly string[], call: GitCall): Promise<GitResult>;
  /** Runs git; failure is an answer, not an exception. */
  tryRun(args: readonly string[], call: GitCall): Promise<GitResult>;
}

export interface GitOptions {
  /** The step's environment, from which only the machine's own variables pass. */
  readonly env: NodeJS.ProcessEnv;
  /** The token for https remotes; handed to the credential helper through a pipe. */
  readonly token?: string;
}

/** How CHAIN ends when its first command failed: git itself exits with 1, 128 or 129, never this. */
const FIRST_FAILED = 125;

/**
 * Runs its first N arguments as a command and, when that succeeds, the rest (when it fails,
 * exits FIRST_FAILED): POSIX sh has no arrays, so the first command is rebuilt from positional
 * parameters by number (only "${k}" references are evaluated, never an argument's text).
 */
const CHAIN = String.raw`n=$1; shift; first=; i=1; while [ "$i" -le "$n" ]; do first="$first \"\${$i}\""; i=$((i + 1)); done; eval "$first" || exit ${String(FIRST_FAILED)}; shift "$n"; exec "$@"`;

export class GitMissingError extends Error {
  override name = 'GitMissingError';
}

export function createGit(options: GitOptions): Git {
  const git = resolveProgram('git', options.env);
  if (git === undefined) throw new GitMissingError('git is not on PATH: the action needs git (GitHub\'s runners have it; in a container job, install it before this step)');
  const base = gitEnvironment(options.env, path.dirname(git));
  const tryRun = async (args: readonly string[], call: GitCall): Promise<GitResult> => {
    const command = [...perCommandConfig, ...args];
    const exit = await runProcess({
      ...(call.then === undefined
        ? { file: git, args: command }
        : { file: '/bin/sh', args: ['-c', CHAIN, 'looop-git', String(command.length + 1), git, ...command, git, ...perCommandConfig, ...call.then] }),
      ...(call.maxStdoutBytes === undefined ? {} : { maxStdoutBytes: call.maxStdoutBytes }),
      cwd: call.cwd,
      env: call.repo === undefined ? base : { ...base, GIT_DIR: call.repo, GIT_COMMON_DIR: call.repo },
      timeoutMs: GIT_TIMEOUT_MS,
      ...(call.stdin === undefined ? {} : { stdin: call.stdin }),
      ...(call.stdoutTo === undefined ? {} : { stdoutTo: call.stdoutTo }),
      ...(call.remote !== undefined && options.token !== undefined ? { secretFd: `${tokenHost(call.remote)}\npassword=${options.token}\n` } : {}),
    });
    // stdout stays undecoded until read (see runProcess).
    if (exit.code === 0) return { ok: true, get stdout() { return exit.stdout; }, stdoutBytes: exit.stdoutBytes, stderr: exit.stderrTail };
    const why = exit.code === null || exit.spawnError !== undefined ? ` (${describeExit(exit, GIT_TIMEOUT_MS)})` : '';
    const firstFailed = call.then !== undefined && exit.code === FIRST_FAILED;
    return { ok: false, get stdout() { return exit.stdout; }, stdoutBytes: exit.stdoutBytes, stderr: `${exit.stderrTail.trim()}${why}`, ...(firstFailed ? { firstFailed } : {}) };
  };
  return {
    tryRun,
    async run(args, call) {
      const result = await tryRun(args, call);
      if (!result.ok) {
        throw new GitError(`git ${args.join(' ')} failed: ${result.stderr || 'no message'}`, result.stderr);
      }
      return result;
    },
  };
}

/** What git may take from the step's environment: where certificates are, proxies, locale. */
const passed = /^(TMPDIR|TZ|LANG|LANGUAGE|LC_[A-Z]+|https?_proxy|HTTPS?_PROXY|no_proxy|NO_PROXY|all_proxy|ALL_PROXY|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|GIT_SSL_CAINFO|GIT_SSL_CAPATH)$/;

/**
 * An allowlist, so no GIT_* variable (GIT_DIR, GIT_SSH_COMMAND, GIT_CONFIG_PARAMETERS…) and no
 * secret passes; global and system config are off, and git never stops to ask for anything.
 * HOME is /dev/null: a home nobody can put a .gitconfig, .netrc or .ssh/config into. PATH is
 * git's own folder and the system's: the credential helper uses shell builtins only, and
 * nothing git starts is looked up where a sensor could have put a program.
 */
function gitEnvironment(env: NodeJS.ProcessEnv, gitDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && passed.test(name)) out[name] = value;
  }
  return {
    ...out,
    PATH: [...new Set([gitDir, '/usr/bin', '/bin'])].join(':'),
    HOME: '/dev/null',
    XDG_CONFIG_HOME: '/dev/null',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: 'true',
    GIT_EDITOR: 'true',
    LC_ALL: 'C',
  };
}
