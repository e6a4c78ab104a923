import { lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The step starts the action with its secrets in the environment (the token as
 * INPUT_GITHUB-TOKEN, API keys, the runner's own tokens), and any process of the same user can
 * read a process's initial environment through /proc/<pid>/environ. So before anything else
 * runs, the action hands its environment to a file only it can read and replaces itself
 * (execve, same pid) with a process whose environment holds nothing secret; that process reads
 * the file, deletes it, and keeps the secrets in memory only. No sensor, command or runner has
 * started yet when the file exists, and the secrets are in the first process's environment for
 * that time anyway.
 */
const HANDOFF = 'LOOOP_HANDOFF';

/** What the re-executed process keeps: where things are, never a secret. */
const KEPT = /^(PATH|HOME|USER|LOGNAME|SHELL|TMPDIR|TZ|LANG|LANGUAGE|LC_[A-Z]+|TERM|CI|RUNNER_(OS|ARCH|NAME|TEMP|ENVIRONMENT|DEBUG)|GITHUB_(ACTIONS|OUTPUT|STEP_SUMMARY|STATE|ENV|PATH)|https?_proxy|HTTPS?_PROXY|no_proxy|NO_PROXY|NODE_USE_ENV_PROXY|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR)$/;

export class HandoffError extends Error {
  override name = 'HandoffError';
}

/**
 * In the step's process: saves the environment and re-executes (never returns). In the
 * re-executed one: returns the step's environment, which then lives in memory only.
 */
export function handOff(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const file = env[HANDOFF];
  if (file !== undefined) return receive(file);
  if (typeof process.execve !== 'function') {
    throw new HandoffError(`looop-action needs Node.js 24 on Linux or macOS (process.execve); this is Node.js ${process.version} on ${process.platform}`);
  }
  const dir = mkdtempSync(path.join(env.RUNNER_TEMP ?? os.tmpdir(), 'looop-handoff-'));
  const saved = path.join(dir, 'env.json');
  writeFileSync(saved, JSON.stringify(env), { flag: 'wx', mode: 0o600 });
  const clean: Record<string, string> = { [HANDOFF]: saved };
  for (const [name, value] of Object.entries(env)) if (value !== undefined && KEPT.test(name)) clean[name] = value;
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], clean);
  throw new HandoffError('process.execve returned');
}

function receive(file: string): NodeJS.ProcessEnv {
  const info = lstatSync(file);
  const dir = path.dirname(file);
  if (!info.isFile() || (info.mode & 0o077) !== 0 || info.uid !== process.getuid?.() || (lstatSync(dir).mode & 0o077) !== 0) {
    throw new HandoffError(`${file} is not the environment file this action wrote (${HANDOFF} is the action's own variable)`);
  }
  try {
    const env = JSON.parse(readFileSync(file, 'utf8')) as NodeJS.ProcessEnv;
    delete process.env.LOOOP_HANDOFF;
    return env;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
