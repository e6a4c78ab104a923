import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { formatWorker, newWorker, parseWorker, type Worker } from '../../src/resources/workers/model.ts';
import { startStandin, type Standin } from '../github-standin/server.ts';
import { RUNNERS, runAction, type ActionRun } from './action.ts';
import { makeSandbox, type Sandbox } from './git.ts';
import { ACTION_TOKEN } from './loop.ts';

export const OWNER = 'octo';
export const WORKER_TOKEN = 'ghs_worker_token_for_pushes_0123456789';

/** A pull request as GitHub's REST API shows it. */
export interface PullJson {
  readonly number: number;
  readonly html_url: string;
  readonly title: string;
  readonly body: string | null;
  readonly state: string;
  readonly head: { readonly ref: string };
  readonly base: { readonly ref: string };
  readonly user: { readonly login: string };
}

/** One test's world for workers: a sandbox whose state branch holds a worker, and the stand-in. */
export interface WorkersWorld {
  readonly standin: Standin;
  readonly sandbox: Sandbox;
  readonly repo: string;
  /** Writes the state branch anew: a playbook, a goal, the worker record, a reserved charge. */
  seed(worker: Partial<Worker> & { id: string }, files?: Record<string, string>): void;
  /** One worker run of the bundled action, the fake agent doing `behaviour`. */
  work(id: string, behaviour: string, options?: { inputs?: Record<string, string>; env?: Record<string, string>; runId?: string }): Promise<ActionRun>;
  record(id: string): Worker;
  pulls(): Promise<PullJson[]>;
  /** A file of a branch on origin, or null. */
  branchFile(branch: string, file: string): string | null;
}

let repos = 0;

export function useWorkersWorld(use: (world: WorkersWorld) => void): void {
  let standin: Standin | undefined;
  let world: WorkersWorld | undefined;
  beforeAll(async () => {
    standin = await startStandin();
  });
  afterAll(async () => {
    await standin?.close();
  });
  beforeEach(() => {
    if (standin === undefined) throw new Error('the GitHub stand-in did not start');
    const started = standin;
    const repo = `workers-${++repos}`;
    const sandbox = makeSandbox();
    started.resetRequests();
    started.onRequest = undefined;
    world = {
      standin: started,
      sandbox,
      repo,
      seed: (worker, files = {}) => {
        seedState(sandbox, worker, files);
      },
      work: (id, behaviour, options = {}) =>
        runAction(sandbox, {
          eventName: 'workflow_dispatch',
          event: { inputs: { 'worker-id': id } },
          ...(options.runId === undefined ? {} : { runId: options.runId }),
          inputs: {
            mode: 'worker',
            'worker-id': id,
            runner: 'custom',
            'worker-command': `'${process.execPath}' '${RUNNERS}/agent.js' ${behaviour}`,
            'stream-format': 'claude',
            'github-token': ACTION_TOKEN,
            ...options.inputs,
          },
          env: { GITHUB_API_URL: started.url, GITHUB_REPOSITORY: `${OWNER}/${repo}`, ...options.env },
        }),
      record: (id) => {
        const parsed = parseWorker(sandbox.stateFile(`workers/${id}.md`) ?? '');
        if (!parsed.ok) throw new Error(`workers/${id}.md: ${parsed.problem}`);
        return parsed.worker;
      },
      pulls: async () => {
        const response = await fetch(`${started.url}/repos/${OWNER}/${repo}/pulls?state=all&per_page=100`, { headers: { authorization: `token ${ACTION_TOKEN}`, accept: 'application/vnd.github+json' } });
        if (!response.ok) throw new Error(`GET pulls: HTTP ${response.status}`);
        return (await response.json()) as PullJson[];
      },
      branchFile: (branch, file) => sandbox.stateFile(file, branch),
    };
    use(world);
  });
  afterEach(() => {
    world?.standin.assertNoViolations();
    world?.sandbox.cleanup();
  });
}

export const GOAL = '---\nstatus: active\n---\n# Document the command line\n\nEvery flag has a line in docs/cli.md.\n';

/** A reserved charge, as the spawn leaves it: at the worker's cap, not yet settled. */
export function reservedLedger(id: string, round: number, at: string): string {
  return `${JSON.stringify({ days: { [at.slice(0, 10)]: [{ id: `worker:${id}:${round}`, at, usd: 5, worker: id }] } }, null, 2)}\n`;
}

function seedState(sandbox: Sandbox, partial: Partial<Worker> & { id: string }, files: Record<string, string>): void {
  const at = new Date().toISOString();
  const worker: Worker = { ...newWorker({ id: partial.id, goal: 'docs', prompt: 'Write docs/cli.md from the --help output.', beat: '100-1', at }), ...partial };
  const tree: Record<string, string> = {
    'PLAYBOOK.md': '# Playbook\n',
    'journal.md': '# Journal\n\n| time (UTC) | beat | move | summary | outcome | cost |\n| --- | --- | --- | --- | --- | --- |\n',
    'goals/docs.md': GOAL,
    [`workers/${worker.id}.md`]: formatWorker(worker),
    'budget.json': reservedLedger(worker.id, worker.round, at),
    ...files,
  };
  const dir = mkdtempSync(path.join(sandbox.root, 'seed-'));
  sandbox.git(['init', '-q', '-b', 'loop-state', dir], sandbox.root);
  for (const [file, content] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  sandbox.git(['add', '-A'], dir);
  sandbox.git(['commit', '-q', '-m', 'a beat spawns a worker'], dir);
  sandbox.git(['push', '-q', '--force', sandbox.origin, 'HEAD:loop-state'], dir);
  rmSync(dir, { recursive: true, force: true });
}
