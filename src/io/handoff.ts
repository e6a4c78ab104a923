import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The step starts the action with its secrets in the environment (the token as
 * INPUT_GITHUB-TOKEN, API keys, the runner's own tokens), and any process of the same user can
 * read a process's initial environment through /proc/<pid>/environ. So before anything else
 * runs, the action hands its environment over and replaces itself (execve, same pid) with a
 * process whose environment holds nothing secret. The environment travels in a file, encrypted
 * with a key that only the new process's environment holds: the new process reads and deletes
 * the file at once, and a file left by a kill at the wrong moment is noise, its key gone with
 * the process. No sensor, command or runner has started yet while the file exists.
 */
const HANDOFF = 'LOOOP_HANDOFF';

/**
 * What the re-executed process keeps: where things are, never a secret. The step's file
 * commands (GITHUB_OUTPUT, GITHUB_ENV…) are not among them: they come back in memory only, so a
 * sensor reading its parent's environment does not learn where to forge outputs.
 */
const KEPT = /^(PATH|HOME|USER|LOGNAME|SHELL|TMPDIR|TZ|LANG|LANGUAGE|LC_[A-Z]+|TERM|CI|RUNNER_(OS|ARCH|NAME|TEMP|ENVIRONMENT|DEBUG)|GITHUB_ACTIONS|https?_proxy|HTTPS?_PROXY|no_proxy|NO_PROXY|NODE_USE_ENV_PROXY|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR)$/;
/** The variables @actions/core reads from process.env to write the step's outputs and summary. */
const FILE_COMMANDS = ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH'] as const;

export class HandoffError extends Error {
  override name = 'HandoffError';
}

/**
 * In the step's process: saves the environment and re-executes (never returns). In the
 * re-executed one: returns the step's environment, which then lives in memory only.
 */
export function handOff(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const sealed = env[HANDOFF];
  if (sealed !== undefined) return receive(sealed);
  if (typeof process.execve !== 'function') {
    throw new HandoffError(`looop-action needs Node.js 24 on Linux or macOS (process.execve); this is Node.js ${process.version} on ${process.platform}`);
  }
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(env), 'utf8'), cipher.final()]);
  const dir = mkdtempSync(path.join(env.RUNNER_TEMP ?? os.tmpdir(), 'looop-handoff-'));
  const file = path.join(dir, 'env');
  writeFileSync(file, Buffer.concat([iv, cipher.getAuthTag(), body]), { flag: 'wx', mode: 0o600 });
  const clean: Record<string, string> = { [HANDOFF]: `${file}#${key.toString('base64url')}` };
  for (const [name, value] of Object.entries(env)) if (value !== undefined && KEPT.test(name)) clean[name] = value;
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], clean);
  throw new HandoffError('process.execve returned');
}

/** Only a file this action could have written is read, and only its folder is ever removed. */
function isOurs(file: string): boolean {
  if (path.basename(file) !== 'env' || !path.basename(path.dirname(file)).startsWith('looop-handoff-')) return false;
  try {
    const info = lstatSync(file);
    return info.isFile() && (info.mode & 0o077) === 0 && info.uid === process.getuid?.();
  } catch {
    return false;
  }
}

function receive(sealed: string): NodeJS.ProcessEnv {
  const at = sealed.lastIndexOf('#');
  const file = sealed.slice(0, Math.max(0, at));
  if (at < 0 || !isOurs(file)) throw new HandoffError(`${HANDOFF} is the action's own variable, and ${JSON.stringify(file)} is not the file it writes; do not set it in the workflow`);
  try {
    const data = readFileSync(file);
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(sealed.slice(at + 1), 'base64url'), data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    const env = JSON.parse(Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8')) as NodeJS.ProcessEnv;
    delete process.env.LOOOP_HANDOFF;
    for (const name of FILE_COMMANDS) {
      const value = env[name];
      if (value !== undefined) process.env[name] = value;
    }
    return env;
  } finally {
    rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
