import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, lstatSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { procStat } from './proc-stat.ts';

/**
 * The step starts the action with its secrets in the environment (the token as
 * INPUT_GITHUB-TOKEN, API keys, the runner's own tokens), and any process of the same user can
 * read a process's initial environment through /proc/<pid>/environ. So before anything else
 * runs, the action takes its environment into memory and leaves nothing secret where /proc
 * shows it.
 *
 * On Linux it overwrites its own initial environment in place: /proc/<pid>/environ is the
 * memory between the kernel's env_start and env_end, which the process may write through
 * /proc/self/mem, and it checks that /proc then shows nothing. Where that cannot be done (not
 * Linux, or a kernel that refuses), it replaces itself (execve, same pid) with a process whose
 * environment holds nothing secret; the environment travels in a file encrypted with a key
 * that only the new process's environment holds, read and deleted at once, and a file left by
 * a kill at the wrong moment is noise, its key gone with the process. Either way no sensor,
 * command or runner has started yet.
 */
const HANDOFF = 'LOOOP_HANDOFF';

/**
 * What the process keeps in its own environment: where things are, never a secret. The step's
 * file commands (GITHUB_OUTPUT, GITHUB_ENV…) are not among them: they come back in memory only
 * (see FILE_COMMANDS), so a sensor reading its parent's environment does not learn where to
 * forge outputs.
 */
const KEPT = /^(PATH|HOME|USER|LOGNAME|SHELL|TMPDIR|TZ|LANG|LANGUAGE|LC_[A-Z]+|TERM|CI|RUNNER_(OS|ARCH|NAME|TEMP|ENVIRONMENT|DEBUG)|GITHUB_ACTIONS|https?_proxy|HTTPS?_PROXY|no_proxy|NO_PROXY|NODE_USE_ENV_PROXY|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR)$/;
/** The variables @actions/core reads from process.env to write the step's outputs and summary. */
const FILE_COMMANDS = ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH'] as const;

export class HandoffError extends Error {
  override name = 'HandoffError';
}

/** How the step's environment is taken out of /proc's sight in this process, if it can be: true when done. */
export type Scrub = (env: NodeJS.ProcessEnv) => boolean;

/**
 * Returns the step's environment, which from then on lives in memory only. When it cannot be
 * scrubbed in place, the step's process saves it and re-executes (and does not return); the
 * re-executed one returns it.
 */
export function handOff(env: NodeJS.ProcessEnv = process.env, scrub: Scrub = scrubInPlace): NodeJS.ProcessEnv {
  const sealed = env[HANDOFF];
  if (sealed !== undefined) return receive(sealed);
  const saved = { ...env };
  if (scrub(saved)) return saved;
  return reExecute(saved);
}

/** The kernel's bounds of this process's initial environment (fields 50 and 51 of /proc/self/stat), or undefined. */
function environmentBounds(): { start: number; end: number } | undefined {
  const field = procStat('self');
  const [start, end] = [Number(field(50)), Number(field(51))];
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start > 0 && end > start ? { start, end } : undefined;
}

/**
 * Overwrites the initial environment where /proc shows it, and keeps in the process's own
 * environment only what KEPT and FILE_COMMANDS name. False, with nothing changed, when this is
 * not Linux or the kernel refuses; false after the change when /proc still shows anything, and
 * then the caller re-executes.
 */
export function scrubInPlace(env: NodeJS.ProcessEnv): boolean {
  if (process.platform !== 'linux') return false;
  let memory: number;
  let bounds: { start: number; end: number } | undefined;
  try {
    bounds = environmentBounds();
    memory = openSync('/proc/self/mem', 'r+');
  } catch {
    return false;
  }
  try {
    if (bounds === undefined) return false;
    // libc's list of variables points into that memory: it is emptied first, so nothing reads what is overwritten.
    for (const name of Object.keys(process.env)) Reflect.deleteProperty(process.env, name);
    writeSync(memory, Buffer.alloc(bounds.end - bounds.start), 0, bounds.end - bounds.start, bounds.start);
  } catch {
    return false;
  } finally {
    closeSync(memory);
    keepOnly(env);
  }
  return readFileSync('/proc/self/environ').every((byte) => byte === 0);
}

/** The process's own environment becomes the kept variables and the file commands. */
function keepOnly(env: NodeJS.ProcessEnv): void {
  for (const name of Object.keys(process.env)) Reflect.deleteProperty(process.env, name);
  for (const [name, value] of Object.entries(env)) if (value !== undefined && KEPT.test(name)) process.env[name] = value;
  for (const name of FILE_COMMANDS) {
    const value = env[name];
    if (value !== undefined) process.env[name] = value;
  }
}

function reExecute(env: NodeJS.ProcessEnv): never {
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
    keepOnly(env);
    return env;
  } finally {
    rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
