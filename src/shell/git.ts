import { describeExit, runProcess } from './process.ts';

/** Who the loop commits as: GitHub's own bot, so commits read as the workflow's. */
export const LOOP_IDENTITY = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
} as const;

/**
 * Settings passed with every git command: an identity (GitHub's runners configure none, and
 * the user's config is not ours to change), and no hooks or signing from the user's repo,
 * which would run their code or prompt for a key inside the loop's own commits.
 */
const perCommandConfig = [
  `user.name=${LOOP_IDENTITY.name}`,
  `user.email=${LOOP_IDENTITY.email}`,
  'core.hooksPath=/dev/null',
  'commit.gpgsign=false',
  'tag.gpgsign=false',
  'advice.detachedHead=false',
  'core.quotePath=false',
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
  readonly stderr: string;
}

/** Git in one directory, behind the one process runner. */
export interface Git {
  readonly dir: string;
  /** Runs git; throws GitError on failure. */
  run(args: readonly string[], stdin?: string): Promise<string>;
  /** Runs git; failure is an answer, not an exception. */
  tryRun(args: readonly string[]): Promise<GitResult>;
  at(dir: string): Git;
}

export function createGit(dir: string, env: NodeJS.ProcessEnv): Git {
  const gitEnv = gitEnvironment(env);
  const tryRun = async (args: readonly string[], stdin?: string): Promise<GitResult> => {
    const exit = await runProcess({
      file: 'git',
      args: [...perCommandConfig, ...args],
      cwd: dir,
      env: gitEnv,
      timeoutMs: GIT_TIMEOUT_MS,
      ...(stdin === undefined ? {} : { stdin }),
    });
    if (exit.code === 0) return { ok: true, stdout: exit.stdout, stderr: exit.stderrTail };
    const why = exit.code === null || exit.spawnError !== undefined ? ` (${describeExit(exit, GIT_TIMEOUT_MS)})` : '';
    return { ok: false, stdout: exit.stdout, stderr: `${exit.stderrTail.trim()}${why}` };
  };
  return {
    dir,
    tryRun,
    async run(args, stdin) {
      const result = await tryRun(args, stdin);
      if (!result.ok) {
        throw new GitError(`git ${args.join(' ')} failed in ${dir}: ${result.stderr || 'no message'}`, result.stderr);
      }
      return result.stdout;
    },
    at: (other) => createGit(other, env),
  };
}

/** Variables that would point our commands at another repository or index than the one named. */
const redirecting = new Set(['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR']);

/** Git must never stop to ask for a password or an editor: there is nobody to answer. */
function gitEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !name.startsWith('INPUT_') && !redirecting.has(name)) out[name] = value;
  }
  return { ...out, GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true', GIT_ASKPASS: 'echo', LC_ALL: 'C' };
}
