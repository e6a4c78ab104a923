import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { parseAsk, type Ask } from '../../src/resources/asks/model.ts';
import { startStandin, type Standin } from '../github-standin/server.ts';
import type { ActionOptions, ActionRun } from './action.ts';
import { makeLoop, type Loop } from './loop.ts';

/**
 * The attack suite's world: the bundled action run as GitHub runs it, a bare origin, the GitHub
 * stand-in, and a runner that answers whatever move the attacker chooses.
 */
export const OWNER = 'octo';

export interface Target {
  readonly loop: Loop;
  readonly repo: string;
  /** The workflow token of this test, unique, so a leak is never confused with another test's. */
  readonly token: string;
  beat(answer: string, options?: Partial<ActionOptions>): Promise<ActionRun>;
  askIssues(): ReturnType<Standin['issues']>;
  ask(id: string): Ask | undefined;
  /** Every file of the state branch on origin, with its content. */
  stateFiles(): Map<string, string>;
  /** A file that counts how often a command ran (one line a run). */
  readonly counter: string;
  runs(): number;
  /** The workflow runs whose beats ran the counting command, one entry a run of it. */
  runIds(): string[];
}

let repos = 0;

export function secretLike(prefix: string): string {
  return `${prefix}${randomBytes(18).toString('hex')}`;
}

export function makeTarget(standin: Standin, name: string): Target {
  const repo = `${name}-${++repos}`;
  const token = secretLike('ghs_');
  const loop = makeLoop({ github: standin.url, repository: `${OWNER}/${repo}` });
  standin.setTokenUser(token, { login: 'github-actions[bot]', type: 'Bot' });
  standin.setPermission(OWNER, repo, 'maintainer', 'maintain');
  standin.setPermission(OWNER, repo, 'triager', 'triage');
  const counter = path.join(loop.sandbox.root, 'ran');
  return {
    loop,
    repo,
    token,
    counter,
    beat: (answer, options = {}) => loop.beat(answer, { ...options, inputs: { 'github-token': token, ...options.inputs } }),
    askIssues: () => standin.issues(OWNER, repo).filter((issue) => issue.labels.some((label) => label.name === 'looop:ask')),
    ask: (id) => {
      const parsed = parseAsk(loop.sandbox.stateFile(`asks/${id}.md`) ?? '');
      return parsed.ok ? parsed.ask : undefined;
    },
    stateFiles: () => {
      const names = loop.sandbox.git(['ls-tree', '-r', '--name-only', 'loop-state'], loop.sandbox.origin).trim().split('\n').filter(Boolean);
      return new Map(names.map((file) => [file, loop.sandbox.stateFile(file) ?? '']));
    },
    runs: () => (existsSync(counter) ? readFileSync(counter, 'utf8').trim().split('\n').filter(Boolean).length : 0),
    runIds: () => (existsSync(counter) ? readFileSync(counter, 'utf8').trim().split('\n').filter(Boolean) : []),
  };
}

/**
 * The hooks every attack file needs: one GitHub stand-in for the file, a fresh target for each
 * test (handed over through `use`), and after it, no request GitHub would refuse, no sandbox left.
 */
export function useTarget(name: string, use: (target: Target, standin: Standin) => void): void {
  let standin: Standin | undefined;
  let target: Target | undefined;
  beforeAll(async () => {
    standin = await startStandin();
  });
  afterAll(async () => {
    await standin?.close();
  });
  beforeEach(() => {
    if (standin === undefined) throw new Error('the GitHub stand-in did not start');
    target = makeTarget(standin, name);
    use(target, standin);
  });
  afterEach(() => {
    standin?.assertNoViolations();
    target?.loop.sandbox.cleanup();
  });
}

/** A `run` move. */
export function run(command: string, reason = 'the attacker wants it'): string {
  return JSON.stringify({ type: 'run', reason, command });
}

/**
 * A command that appends a line to the counter each time it runs: `sh count.sh`, from the
 * checkout. With `killing`, it then SIGKILLs the process whose pid that file holds (the action).
 */
export function countingCommand(target: Target, killing?: string): string {
  const script = path.join(target.loop.sandbox.workspace, 'count.sh');
  const kill = killing === undefined ? '' : `kill -9 "$(cat '${killing}')"\n`;
  // Each run writes the workflow run it belongs to: a decision's command must never run twice.
  writeFileSync(script, `#!/bin/sh\necho "run $GITHUB_RUN_ID" >> '${target.counter}'\n${kill}echo counted\n`);
  chmodSync(script, 0o755);
  return 'sh count.sh';
}

/** The hash an ask issue shows. */
export function hashIn(body: string | null | undefined): string {
  return /Hash: `([0-9a-f]{12})`/.exec(body ?? '')?.[1] ?? '';
}

/** Files below a folder, recursively. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** A secret's forms that a leak could take: as is, base64 at any alignment, and in a Basic auth header. */
export function leakForms(secret: string): string[] {
  const forms = [secret, Buffer.from(`x-access-token:${secret}`).toString('base64')];
  for (const prefix of ['', 'x', 'xx']) forms.push(Buffer.from(prefix + secret).toString('base64').slice(4, -4));
  return forms;
}

/** The forms of the secrets found in a text, for an assertion message that says where. */
export function leaksIn(text: string, secrets: readonly string[]): string[] {
  return secrets.flatMap((secret) => leakForms(secret).filter((form) => text.includes(form)).map((form) => `${secret.slice(0, 6)}… as ${form.slice(0, 12)}…`));
}
